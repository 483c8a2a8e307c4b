import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "@/db";
import { files } from "@/db/schema";
import { backupDatabase, tableCounts } from "@/lib/backup/backup";
import { BackupError, MANIFEST_FILE, sha256File, type BackupManifest } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** A data directory with a migrated database, one uploaded file, a probe table and both secret files. */
function dataDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "kawan.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.exec(
    "CREATE TABLE backup_probe (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, batch_size INTEGER NOT NULL, payload TEXT NOT NULL, checksum TEXT NOT NULL)",
  );
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(50_000)]);
  db.insert(files).values({ sha256: sha256(pdf), mediaType: "application/pdf", size: pdf.length, data: pdf, createdAt: new Date() }).run();
  fs.writeFileSync(path.join(dir, "auth-secret"), randomBytes(48).toString("base64url"), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, "server-key"), randomBytes(32).toString("base64"), { mode: 0o600 });
  fs.writeFileSync(path.join(dir, "vapid-keys.json"), JSON.stringify({ publicKey: randomBytes(65).toString("base64url"), privateKey: randomBytes(32).toString("base64url") }), { mode: 0o600 });
  return { dir, file, db };
}

// The writer stands in for the server: its own process and connection, the server's pragmas, one transaction
// per batch of 1-5 rows, each row checksummed, so a torn row or a half batch in the copy would show.
const WRITER = `
const Database = require("better-sqlite3");
const { createHash, randomBytes } = require("node:crypto");
const db = new Database(process.env.WRITER_DB);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
const insert = db.prepare("INSERT INTO backup_probe (batch, batch_size, payload, checksum) VALUES (?, ?, ?, ?)");
const batch = db.transaction((id, size) => {
  for (let i = 0; i < size; i++) {
    const payload = randomBytes(100 + Math.floor(Math.random() * 3000)).toString("base64");
    insert.run(id, size, payload, createHash("sha256").update(id + ":" + payload).digest("hex"));
  }
});
let batches = 0, errors = 0, lastError = "";
const end = Date.now() + Number(process.env.WRITER_MS);
while (Date.now() < end) {
  try { batch(batches + 1, 1 + (batches % 5)); batches++; } catch (e) { errors++; lastError = String(e); }
  if (batches === 1) process.stdout.write("started\\n");
}
db.close();
process.stdout.write(JSON.stringify({ batches, errors, lastError }) + "\\n");
`;

function startWriter(file: string, ms: number) {
  const child = spawn(process.execPath, ["-e", WRITER], {
    cwd: process.cwd(),
    env: { ...process.env, WRITER_DB: file, WRITER_MS: String(ms) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let onStart: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStart = resolve));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.includes("started\n")) onStart();
  });
  child.stderr.on("data", (d) => (err += d));
  const done = new Promise<{ batches: number; errors: number; lastError: string }>((resolve, reject) =>
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.split("\n").filter(Boolean).at(-1)!)) : reject(new Error(`writer exited ${code}: ${err}`)))),
  );
  return { started: Promise.race([started, done.then(() => {})]), done };
}

const probeCount = (file: string) => {
  const db = openDatabase(file);
  try {
    return db.$client.prepare("SELECT count(*) FROM backup_probe").pluck().get() as number;
  } finally {
    db.$client.close();
  }
};

/** Every file in a directory with its hash: "changing nothing" means this stays equal. */
const snapshot = (dir: string) =>
  fs.existsSync(dir) ? Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, sha256File(path.join(dir, name))])) : null;

describe("npm run backup / npm run restore", () => {
  it("copies the database consistently while another process writes, and restores it elsewhere", async () => {
    const source = dataDir("kawan-backup-src-");
    // About 10 MB of rows first, so the copy takes a measurable time while the writer runs.
    const fill = source.db.$client.prepare("INSERT INTO backup_probe (batch, batch_size, payload, checksum) VALUES (?, 1, ?, ?)");
    source.db.$client.transaction(() => {
      for (let i = 1; i <= 4000; i++) {
        const payload = randomBytes(1800).toString("base64");
        fill.run(-i, payload, sha256(`${-i}:${payload}`));
      }
    })();
    source.db.$client.close();

    const writer = startWriter(source.file, 1500);
    await writer.started;
    const before = probeCount(source.file);
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-backups-"));
    const { folder, manifest } = await backupDatabase({ databaseFile: source.file, destinationDir: backupDir });
    const atBackupEnd = probeCount(source.file);
    const stats = await writer.done;
    const after = probeCount(source.file);

    // The server kept writing: no write failed, and it went on after the backup.
    expect(stats.errors, stats.lastError).toBe(0);
    expect(after).toBeGreaterThan(atBackupEnd);

    // The folder: complete, timestamped, every hash as recorded, secrets private.
    expect(path.basename(folder)).toMatch(/^kawan-\d{8}T\d{6}Z$/);
    expect(fs.readdirSync(backupDir)).toEqual([path.basename(folder)]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_FILE), "utf8")) as BackupManifest;
    expect(onDisk).toEqual(manifest);
    expect(manifest.entries.map((e) => e.name).sort()).toEqual(["auth-secret", "kawan.db", "server-key", "vapid-keys.json"]);
    for (const entry of manifest.entries) {
      expect(sha256File(path.join(folder, entry.name))).toBe(entry.sha256);
      expect(fs.statSync(path.join(folder, entry.name)).size).toBe(entry.bytes);
    }
    expect(fs.statSync(path.join(folder, "server-key")).mode & 0o777).toBe(0o600);
    expect(manifest.database.integrityCheck).toBe("ok");
    expect(manifest.missingSecrets).toEqual([]);
    expect(manifest.uploadedFiles.rows).toBe(1);
    expect(manifest.uploadedFiles.note).toMatch(/files table/);
    expect(manifest.source.database).toBe(source.file);
    // A self-contained file: no -wal or -shm beside the copy.
    expect(fs.readdirSync(folder).sort()).toEqual(["auth-secret", "kawan.db", "manifest.json", "server-key", "vapid-keys.json"]);

    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-restore-")), "data", "kawan.db");
    const result = restoreBackup({ backupDir: folder, databaseFile: target });
    expect(result.replaced).toBe(false);
    for (const secret of ["auth-secret", "server-key", "vapid-keys.json"]) {
      const restored = path.join(path.dirname(target), secret);
      expect(fs.readFileSync(restored)).toEqual(fs.readFileSync(path.join(source.dir, secret)));
      expect(fs.statSync(restored).mode & 0o777).toBe(0o600);
    }
    expect(sha256File(target)).toBe(manifest.entries.find((e) => e.kind === "database")!.sha256);

    const restored = openDatabase(target).$client;
    try {
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(tableCounts(restored)).toEqual(manifest.database.tables);
      const count = restored.prepare("SELECT count(*) FROM backup_probe").pluck().get() as number;
      expect(count).toBe(manifest.database.tables.backup_probe);
      expect(count).toBeGreaterThanOrEqual(before);
      expect(count).toBeLessThanOrEqual(after);
      // No torn row, and every batch (one transaction) whole or absent.
      const rows = restored.prepare("SELECT batch, payload, checksum FROM backup_probe").all() as { batch: number; payload: string; checksum: string }[];
      for (const row of rows) expect(sha256(`${row.batch}:${row.payload}`)).toBe(row.checksum);
      const torn = restored
        .prepare("SELECT batch FROM backup_probe WHERE batch > 0 GROUP BY batch HAVING count(*) <> max(batch_size)")
        .all();
      expect(torn).toEqual([]);
      const pdf = restored.prepare("SELECT sha256, data FROM files").get() as { sha256: string; data: Buffer };
      expect(sha256(pdf.data)).toBe(pdf.sha256);
    } finally {
      restored.close();
    }
  });

  it("refuses a tampered backup and an existing target without --force, changing nothing", async () => {
    const source = dataDir("kawan-backup-src-");
    source.db.$client.prepare("INSERT INTO backup_probe (batch, batch_size, payload, checksum) VALUES (1, 1, 'x', 'y')").run();
    source.db.$client.close();
    const { folder, manifest } = await backupDatabase({
      databaseFile: source.file,
      destinationDir: fs.mkdtempSync(path.join(os.tmpdir(), "kawan-backups-")),
    });

    // An existing installation with its own database and keys.
    const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-target-"));
    const target = path.join(targetDir, "kawan.db");
    const existing = openDatabase(target);
    existing.$client.exec("CREATE TABLE marker (v TEXT); INSERT INTO marker VALUES ('old')");
    existing.$client.close();
    fs.writeFileSync(path.join(targetDir, "server-key"), "old key", { mode: 0o600 });
    const untouched = snapshot(targetDir);

    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
        return (error as BackupError).code;
      }
      throw new Error("restore did not refuse");
    };

    expect(refusal(() => restoreBackup({ backupDir: folder, databaseFile: target }))).toBe("target_exists");
    expect(snapshot(targetDir)).toEqual(untouched);

    // Only a different key beside a new database file: still refused without force.
    fs.rmSync(path.join(targetDir, "kawan.db"));
    const keyOnly = snapshot(targetDir);
    expect(refusal(() => restoreBackup({ backupDir: folder, databaseFile: target }))).toBe("target_exists");
    expect(snapshot(targetDir)).toEqual(keyOnly);
    fs.rmSync(targetDir, { recursive: true });
    fs.mkdirSync(targetDir);
    const reopened = openDatabase(target);
    reopened.$client.exec("CREATE TABLE marker (v TEXT); INSERT INTO marker VALUES ('old')");
    reopened.$client.close();
    const before = snapshot(targetDir);

    // One byte changed in the database copy: refused even with force, into an existing or a new target.
    const copy = path.join(folder, "kawan.db");
    const original = fs.readFileSync(copy);
    const tampered = Buffer.from(original);
    tampered[Math.floor(tampered.length / 2)] ^= 0xff;
    fs.writeFileSync(copy, tampered);
    expect(refusal(() => restoreBackup({ backupDir: folder, databaseFile: target, force: true }))).toBe("hash_mismatch");
    expect(snapshot(targetDir)).toEqual(before);
    const fresh = path.join(os.tmpdir(), `kawan-never-${process.pid}-${Date.now()}`, "kawan.db");
    expect(refusal(() => restoreBackup({ backupDir: folder, databaseFile: fresh }))).toBe("hash_mismatch");
    expect(fs.existsSync(path.dirname(fresh))).toBe(false);
    fs.writeFileSync(copy, original);

    // A changed key file: refused too.
    const key = path.join(folder, "server-key");
    const keyBytes = fs.readFileSync(key);
    fs.writeFileSync(key, "another key");
    expect(refusal(() => restoreBackup({ backupDir: folder, databaseFile: target, force: true }))).toBe("hash_mismatch");
    expect(snapshot(targetDir)).toEqual(before);
    fs.writeFileSync(key, keyBytes);

    // The key moved out of the backup folder (kept apart): the rest is restored and the key is asked for.
    const apart = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-key-")), "server-key");
    fs.renameSync(key, apart);
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-restore-")), "kawan.db");
    const withoutKey = restoreBackup({ backupDir: folder, databaseFile: elsewhere });
    expect(withoutKey.secretsRestored).toEqual([path.join(path.dirname(elsewhere), "auth-secret"), path.join(path.dirname(elsewhere), "vapid-keys.json")]);
    expect(withoutKey.secretsToSupply).toEqual([
      { name: "server-key", path: path.join(path.dirname(elsewhere), "server-key"), sha256: sha256(keyBytes) },
    ]);
    fs.renameSync(apart, key);

    // The intact backup with force replaces the database, dropping the old one's stale WAL.
    fs.writeFileSync(`${target}-wal`, randomBytes(4096));
    const result = restoreBackup({ backupDir: folder, databaseFile: target, force: true });
    expect(result.replaced).toBe(true);
    expect(result.removedStale).toEqual([`${target}-wal`]);
    expect(result.secretsToSupply).toEqual([]);
    expect(sha256File(target)).toBe(manifest.entries.find((e) => e.kind === "database")!.sha256);
    expect(fs.readdirSync(targetDir).sort()).toEqual(["auth-secret", "kawan.db", "server-key", "vapid-keys.json"]);
    const db = openDatabase(target).$client;
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'marker'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM backup_probe").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
