/**
 * The document types of Permendagri 1/2023 (jenis naskah dinas) for one agency, with layouts and numbering
 * templates an admin can change afterwards. Idempotent: a type whose code the agency already has is left as
 * it is (the admin's edits win), missing ones are added.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../index";
import { auditLog, documentTypes, type DocumentCategory, type DocumentLayout, type NumberingScope } from "../schema";

export type DocumentTypeSeed = {
  code: string;
  name: string;
  category: DocumentCategory;
  layout: DocumentLayout;
  numberingTemplate: string;
  numberingScope: NumberingScope;
  internal: boolean;
};

/** The usual number of a unit's letters: kode klasifikasi / urut / unit / tahun, e.g. 800.1.2/123/BKPSDM/2026. */
const UNIT_NUMBER = "{kode}/{urut}/{unit}/{tahun}";
/** Regulation-style numbers of the regional head's documents, one register for the agency. */
const REGULATION_NUMBER = "Nomor {urut} Tahun {tahun}";

const korespondensi = (code: string, name: string, internal: boolean): DocumentTypeSeed => ({
  code,
  name,
  category: "korespondensi",
  layout: "korespondensi",
  numberingTemplate: UNIT_NUMBER,
  numberingScope: "unit",
  internal,
});

const titled = (category: DocumentCategory, code: string, name: string, internal: boolean): DocumentTypeSeed => ({
  code,
  name,
  category,
  layout: "judul",
  numberingTemplate: UNIT_NUMBER,
  numberingScope: "unit",
  internal,
});

export const DOCUMENT_TYPE_SEEDS: readonly DocumentTypeSeed[] = [
  korespondensi("ND", "Nota Dinas", true),
  korespondensi("MEMO", "Memo", true),
  korespondensi("SD", "Surat Dinas", false),
  korespondensi("UND", "Surat Undangan", false),
  titled("penugasan", "SPRIN", "Surat Perintah", true),
  titled("penugasan", "ST", "Surat Tugas", true),
  titled("penugasan", "SPD", "Surat Perjalanan Dinas", true),
  { ...titled("khusus", "SE", "Surat Edaran", false), numberingTemplate: REGULATION_NUMBER, numberingScope: "agency" },
  { ...titled("khusus", "INS", "Instruksi", true), numberingTemplate: REGULATION_NUMBER, numberingScope: "agency" },
  titled("khusus", "SKET", "Surat Keterangan", false),
  // A covering letter is addressed like a letter (Yth.), with the list of what it covers as its body.
  { ...korespondensi("SPENG", "Surat Pengantar", false), category: "khusus" },
  titled("khusus", "PENG", "Pengumuman", false),
  titled("khusus", "BA", "Berita Acara", false),
  titled("khusus", "LAP", "Laporan", true),
  titled("khusus", "TS", "Telaahan Staf", true),
  titled("khusus", "NOT", "Notula", true),
  titled("khusus", "SKU", "Surat Kuasa", false),
  titled("khusus", "SPMT", "Surat Pernyataan Melaksanakan Tugas", true),
  titled("khusus", "REK", "Rekomendasi", false),
  titled("khusus", "SI", "Surat Izin", false),
  // Decrees carry the archive code, the agency-wide series and the year (e.g. 100.3.3.2/45/KEP/2026).
  { ...titled("penetapan", "KEP", "Keputusan", false), numberingTemplate: "{kode}/{urut}/KEP/{tahun}", numberingScope: "agency" },
  { ...titled("penetapan", "PERBUP", "Peraturan Bupati", false), numberingTemplate: REGULATION_NUMBER, numberingScope: "agency" },
];

/**
 * Adds the missing document types to the agency in one transaction and records the seeding in the audit log.
 * Returns the number of types added (0 when all were there).
 */
export function seedDocumentTypes(db: Db, agencyId: number, opts: { now?: Date } = {}): number {
  const now = opts.now ?? new Date();
  return db.transaction(
    (tx) => {
      const added: string[] = [];
      DOCUMENT_TYPE_SEEDS.forEach((seed, i) => {
        const exists = tx
          .select({ id: documentTypes.id })
          .from(documentTypes)
          .where(and(eq(documentTypes.agencyId, agencyId), eq(documentTypes.code, seed.code)))
          .get();
        if (exists) return;
        tx.insert(documentTypes)
          .values({ agencyId, ...seed, active: true, sortOrder: (i + 1) * 10, createdAt: now })
          .run();
        added.push(seed.code);
      });
      if (added.length > 0) {
        tx.insert(auditLog)
          .values({
            agencyId,
            action: "seed.document_types",
            entityType: "agency",
            entityId: String(agencyId),
            after: JSON.stringify({ added }),
            at: now,
          })
          .run();
      }
      return added.length;
    },
    { behavior: "immediate" },
  );
}
