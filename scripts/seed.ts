/**
 * Seeds the database: archive classification codes and the demo regency, each only when its table is empty.
 *
 *   npx tsx --conditions=react-server scripts/seed.ts
 *
 * `--conditions=react-server` makes the "server-only" marker (imported by db/index.ts and lib/auth) resolve to
 * its empty module, as it does inside Next.js server code; without it the import throws.
 * The database file is DATABASE_PATH or data/kawan.db.
 */
import { count } from "drizzle-orm";
import { databasePath, migrateDatabase, openDatabase } from "../db";
import { agencies, classificationCodes } from "../db/schema";
import { seedClassificationCodes } from "../db/seed/classification";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../db/seed/demo-org";
import { seedDemoDocuments } from "../db/seed/demo-documents";
import { seedDemoAttendance } from "../db/seed/demo-attendance";
import { seedDocumentTypes } from "../db/seed/document-types";
import { seedDispositionInstructions } from "../lib/incoming/instructions";
import { formatNip } from "../lib/org/nip";

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const file = databasePath();
  console.log(`Database: ${file}`);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);

    const inserted = seedClassificationCodes(db);
    const total = db.select({ n: count() }).from(classificationCodes).get()?.n ?? 0;
    console.log(
      inserted > 0
        ? `Kode klasifikasi arsip: ${inserted} kode dimuat.`
        : `Kode klasifikasi arsip: sudah ada (${total} kode), dilewati.`,
    );

    const started = Date.now();
    const demo = seedDemo(db);
    if (demo.created) {
      console.log(
        `Data demo: ${demo.units} unit kerja, ${demo.positions} jabatan, ${demo.employees} pegawai, ` +
          `${demo.assignments} penugasan, ${demo.roles} peran (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
    } else {
      console.log("Data demo: instansi sudah ada, dilewati.");
    }
    // Every agency gets the standard document types (Permendagri 1/2023); existing codes are left as edited.
    for (const agency of db.select({ id: agencies.id }).from(agencies).all()) {
      const added = seedDocumentTypes(db, agency.id);
      if (added > 0) console.log(`Jenis naskah: ${added} jenis ditambahkan.`);
      const instructions = seedDispositionInstructions(db, agency.id);
      if (instructions > 0) console.log(`Petunjuk disposisi: ${instructions} petunjuk ditambahkan.`);
    }
    if (demo.created) console.log(`Naskah demo: ${await seedDemoDocuments(db)} naskah dalam proses.`);
    if (demo.created) {
      const attendance = seedDemoAttendance(db);
      console.log(`Presensi demo: ${attendance.sites} lokasi kantor, ${attendance.records} catatan presensi, ${attendance.days} hari kerja dihitung.`);
    }

    console.log(`\nAkun demo (masuk dengan NIP atau e-mail), kata sandi untuk semua: ${DEMO_PASSWORD}\n`);
    console.log(
      table(
        ["Peran", "Nama", "NIP", "E-mail", "Jabatan"],
        DEMO_LOGINS.map((l) => [l.label, l.fullName, formatNip(l.nip), l.email, l.positionName]),
      ),
    );
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
