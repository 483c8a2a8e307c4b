import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The secret files kept beside the database that the database cannot be used without. */
// vapid-keys.json: the web push key pair; without it every device would have to turn push on again.
export const SECRET_FILES = ["auth-secret", "server-key", "vapid-keys.json"] as const;

export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_FORMAT = "kawan-backup/1";

export const FILES_NOTE =
  "Uploaded files (PDFs, photos, logos) are stored in the files table of the database, so the database copy includes them.";

export interface ManifestEntry {
  /** Name inside the backup folder. */
  name: string;
  kind: "database" | "secret";
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  source: { database: string; dataDirectory: string; databaseBytes: number };
  database: {
    file: string;
    integrityCheck: string;
    pageSize: number;
    pageCount: number;
    /** Row count of every table in the copy (FTS shadow tables included). */
    tables: Record<string, number>;
  };
  uploadedFiles: { note: string; rows: number; bytes: number };
  /** Secret files that were not beside the source database (set through the environment instead, or never created). */
  missingSecrets: string[];
  entries: ManifestEntry[];
}

/** A refusal of backup or restore, with a code the scripts turn into a message. */
export class BackupError extends Error {
  constructor(
    readonly code:
      | "source_missing"
      | "manifest_invalid"
      | "hash_mismatch"
      | "integrity_failed"
      | "target_exists",
    message: string,
    readonly detail: string = "",
  ) {
    super(message);
    this.name = "BackupError";
  }
}

export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** fsync a file or a directory (so a rename or a new entry in it is durable). */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, MANIFEST_FILE);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  } catch (error) {
    throw new BackupError("manifest_invalid", `cannot read ${file}`, String(error));
  }
  const entryOk = (e: ManifestEntry) =>
    e &&
    typeof e.name === "string" &&
    path.basename(e.name) === e.name &&
    e.name !== MANIFEST_FILE &&
    (e.kind === "database" || (e.kind === "secret" && (SECRET_FILES as readonly string[]).includes(e.name))) &&
    Number.isInteger(e.bytes) &&
    /^[0-9a-f]{64}$/.test(e.sha256);
  if (
    manifest?.format !== MANIFEST_FORMAT ||
    !Array.isArray(manifest.entries) ||
    !manifest.entries.every(entryOk) ||
    manifest.entries.filter((e) => e.kind === "database").length !== 1 ||
    manifest.entries.find((e) => e.kind === "database")?.name !== manifest.database?.file
  ) {
    throw new BackupError("manifest_invalid", `${file} is not a Kawan backup manifest`);
  }
  return manifest;
}
