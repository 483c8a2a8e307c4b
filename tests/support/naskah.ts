import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { seedClassificationCodes } from "@/db/seed/classification";
import { seedDocumentTypes } from "@/db/seed/document-types";
import { assignments, documentTypes, officialDocuments, positions, units } from "@/db/schema";
import { addParticipant } from "@/lib/documents/access";
import type { Body } from "@/lib/documents/content";
import { draftFieldsSchema, type DraftFields } from "@/lib/documents/draft-input";
import { addEmployee, createFixtureOrg, TEST_NOW } from "./db";

/**
 * The fixture organisation grown into a dinas with a bidang and a seksi, so a document has a real chain:
 * seksi staff drafts, Kepala Seksi and Kepala Bidang initial, Kepala Dinas signs. Plus a second dinas whose
 * head receives, an outsider of the same dinas, a records clerk, the archive codes and the document types.
 */
export function createDocumentOrg(db: Db) {
  const org = createFixtureOrg(db);
  const a = org.agencyA;
  const unit = (name: string, parentId: number, shortName = "") => db.insert(units).values({ agencyId: a, parentId, name, shortName }).returning().get().id;
  const post = (name: string, unitId: number, superiorId: number | null, flags: { leader?: boolean; sign?: boolean } = {}) =>
    db
      .insert(positions)
      .values({ agencyId: a, unitId, name, superiorId, isLeader: !!flags.leader, maySign: !!flags.sign, mayDisposition: !!flags.leader })
      .returning()
      .get().id;
  const bidang = unit("Bidang Aplikasi Informatika", org.units.dinas);
  const seksi = unit("Seksi Pengembangan Aplikasi", bidang);
  const dinkes = unit("Dinas Kesehatan", org.units.root, "DINKES");
  const kabid = post("Kepala Bidang Aplikasi Informatika", bidang, org.positions.head, { leader: true });
  const kasi = post("Kepala Seksi Pengembangan Aplikasi", seksi, kabid, { leader: true });
  const programmer = post("Pengembang Aplikasi", seksi, kasi);
  const kadinkes = post("Kepala Dinas Kesehatan", dinkes, org.positions.regent, { leader: true, sign: true });
  const clerkPost = post("Pengadministrasi Umum", org.units.root, org.positions.regent);
  const people = {
    drafter: addEmployee(db, a, { name: "Dewi Drafter", positionId: programmer }),
    kasi: addEmployee(db, a, { name: "Kasi Seksi", positionId: kasi }),
    kabid: addEmployee(db, a, { name: "Kabid Bidang", positionId: kabid }),
    kadinkes: addEmployee(db, a, { name: "Kadis Kesehatan", positionId: kadinkes }),
    clerk: addEmployee(db, a, { name: "Siti Pencatat", positionId: clerkPost, roles: ["records_clerk"] }),
    outsider: addEmployee(db, a, { name: "Orang Luar", positionId: programmer }),
    regent: addEmployee(db, a, { name: "Bupati Uji", positionId: org.positions.regent }),
  };
  // The outsider shares the post name only by accident: give them their own post in the same seksi.
  const outsiderPost = post("Pengadministrasi Seksi", seksi, kasi);
  db.update(assignments).set({ positionId: outsiderPost }).where(eq(assignments.employeeId, people.outsider)).run();
  seedClassificationCodes(db);
  seedDocumentTypes(db, a);
  const typeId = (code: string) => db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, a), eq(documentTypes.code, code))).get()!.id;
  return {
    ...org,
    docUnits: { bidang, seksi, dinkes },
    docPositions: { kabid, kasi, programmer, kadinkes, clerkPost, outsiderPost },
    people: { ...org.employees, ...people },
    typeId,
  };
}

export const SAMPLE_BODY: Body = [
  { type: "paragraph", content: [{ text: "Dengan hormat, bersama ini kami sampaikan " }, { text: "rencana rapat", bold: true }, { text: " sebagai berikut:" }] },
  {
    type: "list",
    ordered: true,
    items: [
      { blocks: [{ type: "paragraph", content: [{ text: "Persiapan aplikasi" }] }, { type: "list", ordered: false, items: [{ blocks: [{ type: "paragraph", content: [{ text: "server" }] }] }] }] },
      { blocks: [{ type: "paragraph", content: [{ text: "Uji coba" }] }] },
    ],
  },
  {
    type: "table",
    rows: [
      [{ paragraphs: [[{ text: "No" }]], header: true }, { paragraphs: [[{ text: "Kegiatan" }]], header: true }],
      [{ paragraphs: [[{ text: "1" }]] }, { paragraphs: [[{ text: "Rapat koordinasi" }]] }],
    ],
  },
];

/** Draft fields as the compose form would send them (JSON strings for the rich parts). */
export function draftFields(overrides: Record<string, unknown>): DraftFields {
  const raw: Record<string, unknown> = {
    securityClass: "B",
    urgency: "segera",
    classificationCode: "000.1",
    subject: "Undangan Rapat Koordinasi Aplikasi",
    attachmentCount: "0",
    body: JSON.stringify(SAMPLE_BODY),
    recipients: "[]",
    carbonCopies: "[]",
    details: "{}",
    reviewers: "[]",
    signers: "[]",
    ...overrides,
  };
  for (const key of ["recipients", "carbonCopies", "details", "reviewers", "signers", "body"]) {
    if (typeof raw[key] !== "string") raw[key] = JSON.stringify(raw[key]);
  }
  return draftFieldsSchema.parse(raw);
}


/**
 * Nota Dinas documents waiting for their number (status "signing", the Kepala Dinas as signer), written
 * directly in one transaction: for the numbering tests and the bench, which need many and no PDFs.
 */
export function insertDocumentsAwaitingNumber(db: Db, org: ReturnType<typeof createDocumentOrg>, count: number): number[] {
  return db.transaction((tx) =>
    Array.from({ length: count }, (_, i) => {
      const doc = tx
        .insert(officialDocuments)
        .values({
          agencyId: org.agencyA,
          documentTypeId: org.typeId("ND"),
          status: "signing",
          drafterEmployeeId: org.people.drafter,
          classificationCode: "000.1",
          subject: `Naskah ${i + 1}`,
          issuingUnitId: org.units.dinas,
          currentPositionId: org.positions.head,
          createdAt: TEST_NOW,
          updatedAt: TEST_NOW,
        })
        .returning({ id: officialDocuments.id })
        .get();
      addParticipant(tx, doc.id, { role: "signer", positionId: org.positions.head });
      return doc.id;
    }),
  );
}
