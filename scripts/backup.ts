/**
 * A consistent online copy of the database and the secret files beside it, while the server may keep running.
 *
 *   npm run backup [-- <destination folder>]
 *
 * The destination is the argument, KAWAN_BACKUP_DIR or ./backups; each run adds a folder kawan-<UTC time>.
 * The database file is DATABASE_PATH or data/kawan.db. See lib/backup/backup.ts.
 */
import path from "node:path";
import { databasePath } from "../db";
import { backupDatabase } from "../lib/backup/backup";
import { BackupError } from "../lib/backup/manifest";

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const destination = process.argv[2] || process.env.KAWAN_BACKUP_DIR || path.join(process.cwd(), "backups");
  const source = databasePath();
  console.log(`Basis data: ${source}`);
  const { folder, manifest, copyMs } = await backupDatabase({ databaseFile: source, destinationDir: destination });
  const db = manifest.entries.find((e) => e.kind === "database")!;
  console.log(`Cadangan dibuat: ${folder}`);
  console.log(`Basis data: ${mib(db.bytes)} disalin dalam ${(copyMs / 1000).toFixed(1)} s, pemeriksaan integritas: ${manifest.database.integrityCheck}.`);
  console.log(`Berkas unggahan (PDF, foto) ada di dalam basis data: ${manifest.uploadedFiles.rows} berkas, ${mib(manifest.uploadedFiles.bytes)}.`);
  for (const secret of manifest.entries.filter((e) => e.kind === "secret")) console.log(`Kunci disalin: ${secret.name}`);
  for (const missing of manifest.missingSecrets) {
    console.log(`Perhatian: berkas ${missing} tidak ada di folder data (mungkin diatur lewat variabel lingkungan); cadangkan kuncinya sendiri.`);
  }
  if (manifest.entries.some((e) => e.name === "server-key")) {
    console.log(
      `Pindahkan ${path.join(folder, "server-key")} ke penyimpanan terpisah dari cadangan: ` +
        "siapa pun yang memegang cadangan dan kunci itu sekaligus dapat membuka kunci CA instansi.",
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError && error.code === "source_missing") {
    console.error(`Gagal: basis data tidak ditemukan (${error.message}).`);
  } else if (error instanceof BackupError) {
    console.error(`Gagal: salinan basis data rusak (${error.detail || error.message}).`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
