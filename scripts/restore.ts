/**
 * Restores a backup made by `npm run backup` as the database (DATABASE_PATH or data/kawan.db), with its secret
 * files beside it. Stop the server first: an existing database is replaced only with --force.
 *
 *   npm run restore -- <backup folder> [--force]
 *
 * See lib/backup/restore.ts.
 */
import { databasePath } from "../db";
import { BackupError } from "../lib/backup/manifest";
import { restoreBackup } from "../lib/backup/restore";

function main(): void {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const folder = args.find((a) => !a.startsWith("--"));
  if (!folder) {
    console.error("Pemakaian: npm run restore -- <folder cadangan> [--force]");
    process.exit(2);
  }
  const target = databasePath();
  console.log(`Cadangan: ${folder}`);
  console.log(`Tujuan: ${target}`);
  try {
    const result = restoreBackup({ backupDir: folder, databaseFile: target, force });
    console.log(`Semua berkas cocok dengan manifest (SHA-256) dan pemeriksaan integritas: ok.`);
    console.log(result.replaced ? `Basis data lama diganti dengan cadangan tanggal ${result.manifest.createdAt}.` : `Basis data dipulihkan dari cadangan tanggal ${result.manifest.createdAt}.`);
    for (const stale of result.removedStale) console.log(`Berkas sisa dihapus: ${stale}`);
    for (const secret of result.secretsRestored) console.log(`Kunci dipulihkan (mode 0600): ${secret}`);
    for (const secret of result.secretsToSupply) {
      console.log(
        `Perhatian: ${secret.name} tidak ada di folder cadangan. Letakkan kunci yang disimpan terpisah di ${secret.path} ` +
          `(mode 0600, SHA-256 ${secret.sha256}) sebelum menjalankan server.`,
      );
    }
    for (const missing of result.manifest.missingSecrets) {
      console.log(`Perhatian: cadangan ini tidak berisi ${missing}; pasang kuncinya sendiri (berkas atau variabel lingkungan).`);
    }
    console.log("Selesai. Jalankan server kembali.");
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    const messages: Record<BackupError["code"], string> = {
      target_exists: `Ditolak: ${error.detail} sudah ada. Hentikan server terlebih dahulu, lalu ulangi dengan --force untuk menggantinya.`,
      hash_mismatch: `Ditolak: berkas ${error.detail} tidak cocok dengan manifest (rusak atau diubah). Tidak ada yang diubah.`,
      integrity_failed: `Ditolak: pemeriksaan integritas salinan gagal (${error.detail}). Tidak ada yang diubah.`,
      manifest_invalid: `Ditolak: ${error.message}. Tidak ada yang diubah.`,
      source_missing: `Ditolak: ${error.message}.`,
    };
    console.error(messages[error.code]);
    process.exit(1);
  }
}

main();
