import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db";
import {
  BackupError,
  FILES_NOTE,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  SECRET_FILES,
  fsyncPath,
  sha256File,
  type BackupManifest,
  type ManifestEntry,
} from "./manifest";

export interface BackupResult {
  /** The finished backup folder. */
  folder: string;
  manifest: BackupManifest;
  /** Milliseconds spent in SQLite's online backup (the source's read snapshot). */
  copyMs: number;
}

/** `kawan-20261127T020000Z`: sortable, one per second; a suffix keeps two in the same second apart. */
function folderName(now: Date): string {
  return `kawan-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}

/** Row count of every table of a database (quoted names: any table name is safe). */
export function tableCounts(client: Database.Database): Record<string, number> {
  const names = client
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) {
    counts[name] = client.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
  }
  return counts;
}

/**
 * A consistent online copy of the database, plus the secret files beside it, into a new timestamped folder
 * under `destinationDir`. The server may keep writing: SQLite's backup API copies every page in one step
 * inside one read transaction, which in WAL mode never blocks writers (they append to the WAL meanwhile).
 * The folder is assembled under a hidden temporary name and renamed when complete, so a folder with a
 * manifest is always a whole backup.
 */
export async function backupDatabase(opts: { databaseFile: string; destinationDir: string; now?: Date }): Promise<BackupResult> {
  const databaseFile = path.resolve(opts.databaseFile);
  const dataDirectory = path.dirname(databaseFile);
  // openDatabase would create an empty file: refuse a path that does not exist.
  if (!fs.existsSync(databaseFile)) throw new BackupError("source_missing", `no database at ${databaseFile}`);

  const now = opts.now ?? new Date();
  const destinationDir = path.resolve(opts.destinationDir);
  fs.mkdirSync(destinationDir, { recursive: true, mode: 0o700 });
  let name = folderName(now);
  for (let n = 2; fs.existsSync(path.join(destinationDir, name)); n++) name = `${folderName(now)}-${n}`;
  const folder = path.join(destinationDir, name);
  const work = path.join(destinationDir, `.partial-${name}-${process.pid}`);
  fs.mkdirSync(work, { mode: 0o700 });

  try {
    const dbName = path.basename(databaseFile);
    const copy = path.join(work, dbName);

    // The source, opened with the server's own pragmas (WAL, busy_timeout, ...).
    const source = openDatabase(databaseFile).$client;
    let copyMs: number;
    let sourceBytes: number;
    try {
      const started = performance.now();
      // better-sqlite3's first step copies no pages; from then on the callback's number is the pages per
      // step. All of them at once: one snapshot, where smaller steps would restart whenever the server writes.
      const done = await source.backup(copy, { progress: () => 0x7fffffff });
      copyMs = performance.now() - started;
      sourceBytes = done.totalPages * (source.pragma("page_size", { simple: true }) as number);
    } finally {
      source.close();
    }

    // Everything in it, sealed CA keys included, is as private as the secrets.
    fs.chmodSync(copy, 0o600);
    // The copy carries the source's WAL flag: turn it into a single self-contained file, then check it.
    const check = new Database(copy);
    let integrityCheck: string;
    let tables: Record<string, number>;
    let pageSize: number;
    let pageCount: number;
    let uploaded = { rows: 0, bytes: 0 };
    try {
      check.pragma("journal_mode = DELETE");
      integrityCheck = (check.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("\n");
      tables = tableCounts(check);
      pageSize = check.pragma("page_size", { simple: true }) as number;
      pageCount = check.pragma("page_count", { simple: true }) as number;
      if ("files" in tables) {
        uploaded = check.prepare("SELECT count(*) AS rows, coalesce(sum(size), 0) AS bytes FROM files").get() as typeof uploaded;
      }
    } finally {
      check.close();
    }
    if (integrityCheck !== "ok") throw new BackupError("integrity_failed", `integrity_check of the copy failed`, integrityCheck);

    const entries: ManifestEntry[] = [];
    const addEntry = (entryName: string, kind: ManifestEntry["kind"]) => {
      const file = path.join(work, entryName);
      fsyncPath(file);
      entries.push({ name: entryName, kind, bytes: fs.statSync(file).size, sha256: sha256File(file) });
    };
    addEntry(dbName, "database");

    const missingSecrets: string[] = [];
    for (const secret of SECRET_FILES) {
      const from = path.join(dataDirectory, secret);
      if (!fs.existsSync(from)) {
        missingSecrets.push(secret);
        continue;
      }
      fs.copyFileSync(from, path.join(work, secret));
      fs.chmodSync(path.join(work, secret), 0o600);
      addEntry(secret, "secret");
    }

    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      source: { database: databaseFile, dataDirectory, databaseBytes: sourceBytes },
      database: { file: dbName, integrityCheck, pageSize, pageCount, tables },
      uploadedFiles: { note: FILES_NOTE, ...uploaded },
      missingSecrets,
      entries,
    };
    fs.writeFileSync(path.join(work, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
    fsyncPath(path.join(work, MANIFEST_FILE));
    fsyncPath(work);
    fs.renameSync(work, folder);
    fsyncPath(destinationDir);
    return { folder, manifest, copyMs };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
