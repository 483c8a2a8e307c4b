import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { BackupError, fsyncPath, readManifest, sha256File, type BackupManifest, type ManifestEntry } from "./manifest";

export interface RestoreResult {
  databaseFile: string;
  /** An existing database was replaced (only with force). */
  replaced: boolean;
  /** Stale -wal/-shm/-journal files of the old database that were removed. */
  removedStale: string[];
  secretsRestored: string[];
  /**
   * Secrets listed in the manifest whose file was moved out of the backup folder (to keep backups and the key
   * apart) and is not already beside the target with the recorded hash: put them back before starting the server.
   */
  secretsToSupply: { name: string; path: string; sha256: string }[];
  manifest: BackupManifest;
}

/**
 * Checks every file of a backup folder against its manifest; returns the manifest. Reads, never writes.
 * A secret file may have been moved out of the folder (it is then not restored); the database may not.
 */
export function verifyBackup(backupDir: string): BackupManifest {
  const manifest = readManifest(backupDir);
  for (const entry of manifest.entries) {
    const file = path.join(backupDir, entry.name);
    if (entry.kind === "secret" && !fs.existsSync(file)) continue;
    verifyEntry(file, entry);
  }
  if (manifest.database.integrityCheck !== "ok") {
    throw new BackupError("integrity_failed", "the backup was recorded with a failed integrity_check", manifest.database.integrityCheck);
  }
  return manifest;
}

function verifyEntry(file: string, entry: ManifestEntry): void {
  if (!fs.existsSync(file)) throw new BackupError("hash_mismatch", `${entry.name} is missing from the backup`, entry.name);
  const bytes = fs.statSync(file).size;
  const sha256 = sha256File(file);
  if (bytes !== entry.bytes || sha256 !== entry.sha256) {
    throw new BackupError("hash_mismatch", `${entry.name} does not match the manifest (SHA-256 ${sha256}, expected ${entry.sha256})`, entry.name);
  }
}

function integrityCheck(file: string): string {
  // The copy is a rollback-journal file (backup.ts converted it), so read-only opening creates nothing.
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (client.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("\n");
  } finally {
    client.close();
  }
}

/** Copies `from` to a temporary file beside `to`, fsyncs it and returns its path. */
function stage(from: string, to: string, mode: number): string {
  const temp = path.join(path.dirname(to), `.${path.basename(to)}.restore-${process.pid}.tmp`);
  fs.copyFileSync(from, temp);
  fs.chmodSync(temp, mode);
  fsyncPath(temp);
  return temp;
}

/**
 * Puts a backup in place as `databaseFile`, with its secret files beside it (mode 0600).
 * SQLite cannot tell reliably whether a server still has the file open, so an existing database is replaced
 * only with `force`, and the caller must have stopped the server. Every file is verified against the manifest
 * and the database copy passes integrity_check before anything in the target directory changes; each file is
 * then written to a temporary name in the same directory, fsynced and renamed over the old one.
 */
export function restoreBackup(opts: { backupDir: string; databaseFile: string; force?: boolean }): RestoreResult {
  const backupDir = path.resolve(opts.backupDir);
  const databaseFile = path.resolve(opts.databaseFile);
  const targetDir = path.dirname(databaseFile);
  const manifest = verifyBackup(backupDir);
  const listed = manifest.entries.filter((e) => e.kind === "secret");
  const secrets = listed.filter((e) => fs.existsSync(path.join(backupDir, e.name)));
  const secretsToSupply = listed
    .filter((e) => !secrets.includes(e))
    .map((e) => ({ name: e.name, path: path.join(targetDir, e.name), sha256: e.sha256 }))
    .filter((e) => !fs.existsSync(e.path) || sha256File(e.path) !== e.sha256);

  const replaced = fs.existsSync(databaseFile);
  if (!opts.force) {
    if (replaced) throw new BackupError("target_exists", `${databaseFile} exists`, databaseFile);
    // A different secret beside the target would be lost too.
    for (const secret of secrets) {
      const existing = path.join(targetDir, secret.name);
      if (fs.existsSync(existing) && sha256File(existing) !== secret.sha256) {
        throw new BackupError("target_exists", `${existing} exists and differs from the backup`, existing);
      }
    }
  }

  fs.mkdirSync(targetDir, { recursive: true });
  const staged: { temp: string; to: string }[] = [];
  try {
    const dbEntry = manifest.entries.find((e) => e.kind === "database")!;
    // Keep the replaced file's mode; a new one gets what openDatabase would have created.
    const dbMode = replaced ? fs.statSync(databaseFile).mode & 0o777 : 0o644;
    const dbTemp = stage(path.join(backupDir, dbEntry.name), databaseFile, dbMode);
    staged.push({ temp: dbTemp, to: databaseFile });
    // What will be renamed into place is checked again, not only the backup it was copied from.
    verifyEntry(dbTemp, dbEntry);
    const check = integrityCheck(dbTemp);
    if (check !== "ok") throw new BackupError("integrity_failed", "integrity_check of the backup copy failed", check);
    for (const secret of secrets) {
      const to = path.join(targetDir, secret.name);
      const temp = stage(path.join(backupDir, secret.name), to, 0o600);
      staged.push({ temp, to });
      verifyEntry(temp, secret);
    }
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    throw error;
  }

  // A stale WAL or hot journal of the old database would be replayed into the restored one: remove them first.
  const removedStale: string[] = [];
  for (const suffix of ["-wal", "-shm", "-journal"]) {
    const stale = databaseFile + suffix;
    if (fs.existsSync(stale)) {
      fs.rmSync(stale);
      removedStale.push(stale);
    }
  }
  for (const { temp, to } of staged) fs.renameSync(temp, to);
  fsyncPath(targetDir);

  return { databaseFile, replaced, removedStale, secretsRestored: secrets.map((s) => path.join(targetDir, s.name)), secretsToSupply, manifest };
}
