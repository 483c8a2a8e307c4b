import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, documentTypes } from "@/db/schema";
import { DOCUMENT_TYPE_SEEDS, seedDocumentTypes } from "@/db/seed/document-types";
import {
  createDocumentType,
  deactivateDocumentType,
  documentTypeForm,
  getDocumentType,
  getDocumentTypeByCode,
  listDocumentTypes,
  reactivateDocumentType,
  updateDocumentType,
  type DocumentTypeInput,
} from "@/lib/documents/document-types";
import { DomainError } from "@/lib/errors";
import { issueNumber } from "@/lib/numbering/issue-number";
import { registerKeyFor } from "@/lib/numbering/register-key";
import { templateProblem, templateTokens } from "@/lib/numbering/template";
import { addEmployee, createFixtureOrg, ctxFor, freshDb, TEST_NOW } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;
let clerkId: number;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
  clerkId = addEmployee(db, org.agencyA, { name: "Pencatat Uji", roles: ["records_clerk"], positionId: org.positions.staff });
});

const admin = () => ctxFor(db, org.employees.admin);
const staff = () => ctxFor(db, org.employees.staff);
const adminB = () => ctxFor(db, org.employees.adminB);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const state = () => ({ types: db.select().from(documentTypes).all(), audit: db.select().from(auditLog).all() });
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();

const notaDinas: DocumentTypeInput = {
  code: "nd",
  name: " Nota  Dinas ",
  category: "korespondensi",
  layout: "korespondensi",
  numberingTemplate: " {kode}/{urut}/{unit}/{tahun} ",
  numberingScope: "unit",
  internal: true,
  sortOrder: 10,
};

describe("seedDocumentTypes", () => {
  it("adds the types of DOMAIN.md with their layouts and usable templates, once", () => {
    const seeded = seedDocumentTypes(db, org.agencyA, { now: TEST_NOW });
    expect(seeded).toBe(22);
    const types = listDocumentTypes(db, org.agencyA);
    expect(types.map((t) => t.name)).toEqual([
      "Nota Dinas",
      "Memo",
      "Surat Dinas",
      "Surat Undangan",
      "Surat Perintah",
      "Surat Tugas",
      "Surat Perjalanan Dinas",
      "Surat Edaran",
      "Instruksi",
      "Surat Keterangan",
      "Surat Pengantar",
      "Pengumuman",
      "Berita Acara",
      "Laporan",
      "Telaahan Staf",
      "Notula",
      "Surat Kuasa",
      "Surat Pernyataan Melaksanakan Tugas",
      "Rekomendasi",
      "Surat Izin",
      "Keputusan",
      "Peraturan Bupati",
    ]);
    const byName = new Map(types.map((t) => [t.name, t]));
    for (const name of ["Nota Dinas", "Memo", "Surat Dinas", "Surat Undangan"]) {
      expect(byName.get(name)).toMatchObject({ category: "korespondensi", layout: "korespondensi" });
    }
    for (const name of ["Surat Tugas", "Surat Perintah", "Surat Edaran", "Instruksi", "Surat Keterangan", "Berita Acara", "Keputusan"]) {
      expect(byName.get(name)?.layout).toBe("judul");
    }
    expect(byName.get("Surat Perintah")?.category).toBe("penugasan");
    expect(byName.get("Telaahan Staf")?.category).toBe("khusus");
    expect(byName.get("Peraturan Bupati")?.category).toBe("penetapan");
    expect(byName.get("Nota Dinas")).toMatchObject({ internal: true, numberingScope: "unit", numberingTemplate: "{kode}/{urut}/{unit}/{tahun}" });
    expect(byName.get("Surat Dinas")?.internal).toBe(false);
    for (const name of ["Surat Edaran", "Instruksi"]) {
      expect(byName.get(name)).toMatchObject({ numberingTemplate: "Nomor {urut} Tahun {tahun}", numberingScope: "agency" });
    }
    for (const t of types) {
      expect(templateProblem(t.numberingTemplate), t.name).toBeNull();
      if (t.numberingScope === "unit") expect(templateTokens(t.numberingTemplate).has("unit"), t.name).toBe(true);
    }
    expect(new Set(types.map((t) => t.code)).size).toBe(types.length);
    expect(auditOf("seed.document_types")).toHaveLength(1);
    expect(listDocumentTypes(db, org.agencyB)).toEqual([]);

    // Again: nothing added, nothing changed, no second audit row.
    const before = state();
    expect(seedDocumentTypes(db, org.agencyA, { now: TEST_NOW })).toBe(0);
    expect(state()).toEqual(before);
  });

  it("keeps the admin's edits and adds back only what is missing", () => {
    seedDocumentTypes(db, org.agencyA, { now: TEST_NOW });
    const nd = getDocumentTypeByCode(db, org.agencyA, "ND")!;
    updateDocumentType(admin(), nd.id, { ...nd, numberingTemplate: "{kode}/{urut:3}/{unit}/{tahun}" });
    db.delete(documentTypes).where(eq(documentTypes.code, "MEMO")).run();
    expect(seedDocumentTypes(db, org.agencyA, { now: TEST_NOW })).toBe(1);
    expect(getDocumentTypeByCode(db, org.agencyA, "ND")?.numberingTemplate).toBe("{kode}/{urut:3}/{unit}/{tahun}");
    expect(getDocumentTypeByCode(db, org.agencyA, "memo")?.name).toBe("Memo");
    expect(DOCUMENT_TYPE_SEEDS).toHaveLength(22);
  });

  it("numbers the seeded Nota Dinas, Surat Tugas and Surat Edaran as DOMAIN.md shows", () => {
    seedDocumentTypes(db, org.agencyA, { now: TEST_NOW });
    const ctx = ctxFor(db, org.employees.head);
    const issue = (code: string, values = { kode: "800.1.2", unit: "DISKOMINFO" }) => {
      const type = getDocumentTypeByCode(db, org.agencyA, code)!;
      return db.transaction((tx) =>
        issueNumber(tx, ctx, { registerKey: registerKeyFor(type, { id: org.units.dinas }), template: type.numberingTemplate, values }),
      );
    };
    expect(issue("ND")).toMatchObject({ registerKey: `unit:${org.units.dinas}:ND`, number: "800.1.2/1/DISKOMINFO/2026" });
    expect(issue("ST").number).toBe("800.1.2/1/DISKOMINFO/2026");
    expect(issue("SE")).toMatchObject({ registerKey: "agency:SE", number: "Nomor 1 Tahun 2026" });
    expect(issue("INS").number).toBe("Nomor 1 Tahun 2026");
    expect(issue("ND").number).toBe("800.1.2/2/DISKOMINFO/2026");
  });
});

describe("createDocumentType", () => {
  it("creates a type with a normalised code and name, audited", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    expect(getDocumentType(db, org.agencyA, id)).toMatchObject({
      agencyId: org.agencyA,
      code: "ND",
      name: "Nota Dinas",
      numberingTemplate: "{kode}/{urut}/{unit}/{tahun}",
      active: true,
      sortOrder: 10,
    });
    const [audit] = auditOf("document_type.created");
    expect(audit).toMatchObject({ agencyId: org.agencyA, actorEmployeeId: org.employees.admin, entityType: "document_type", entityId: String(id) });
    expect(JSON.parse(audit.after!)).toMatchObject({ code: "ND", numberingScope: "unit", internal: true });
    expect(getDocumentType(db, org.agencyB, id)).toBeNull();
  });

  it("refuses staff, a records clerk and another agency's admin acting on this agency, and changes nothing", () => {
    const before = state();
    expect(refusal(() => createDocumentType(staff(), notaDinas)).code).toBe("forbidden");
    expect(refusal(() => createDocumentType(ctxFor(db, clerkId), notaDinas)).code).toBe("forbidden");
    expect(state()).toEqual(before);
    // Agency B's admin creates in agency B only.
    const { id } = createDocumentType(adminB(), notaDinas);
    expect(getDocumentType(db, org.agencyB, id)?.agencyId).toBe(org.agencyB);
    expect(listDocumentTypes(db, org.agencyA)).toEqual([]);
  });

  it("reports every invalid field, with the template's problem as a message key", () => {
    const before = state();
    const bad = refusal(() =>
      createDocumentType(admin(), { ...notaDinas, code: "N D", name: " ", numberingTemplate: "{kode}/{nomor}/{tahun}", sortOrder: -1 }),
    );
    expect(bad).toMatchObject({
      code: "invalid",
      params: { token: "{nomor}" },
      fieldErrors: { code: "documentTypes.codeInvalid", name: "validation.required", numberingTemplate: "numbering.template.unknownToken", sortOrder: "validation.invalid" },
    });
    expect(refusal(() => createDocumentType(admin(), { ...notaDinas, numberingTemplate: "{kode}/{unit}/{tahun}" })).fieldErrors).toEqual({
      numberingTemplate: "numbering.template.missingSequence",
    });
    expect(refusal(() => createDocumentType(admin(), { ...notaDinas, numberingTemplate: "{kode}/{urut}/{tahun}" })).fieldErrors).toEqual({
      numberingTemplate: "numbering.template.unitRequired",
    });
    expect(refusal(() => createDocumentType(admin(), { ...notaDinas, layout: "poster" as "judul" })).fieldErrors).toEqual({ layout: "validation.invalid" });
    expect(state()).toEqual(before);
    // Without {unit} the template is fine for an agency-wide register.
    expect(createDocumentType(admin(), { ...notaDinas, numberingTemplate: "{kode}/{urut}/{tahun}", numberingScope: "agency" }).id).toBeGreaterThan(0);
  });

  it("refuses a code the agency already uses, whatever its case", () => {
    createDocumentType(admin(), notaDinas);
    const before = state();
    expect(refusal(() => createDocumentType(admin(), { ...notaDinas, code: "Nd", name: "Nota Dinas Lain" })).fieldErrors).toEqual({ code: "documentTypes.duplicateCode" });
    expect(state()).toEqual(before);
  });

  it("is all or nothing: when the audit row cannot be written, the type is not created", () => {
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    const ctx = admin();
    const before = state();
    expect(() => createDocumentType(ctx, notaDinas)).toThrow(/audit down/);
    expect(state()).toEqual(before);
  });
});

describe("updateDocumentType", () => {
  it("changes the fields and audits before and after; an unchanged form writes nothing", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    const before = state();
    updateDocumentType(admin(), id, notaDinas);
    expect(state()).toEqual(before);
    updateDocumentType(admin(), id, { ...notaDinas, numberingTemplate: "{sifat}/{kode}/{urut:4}/{unit}/{tahun}", layout: "judul" });
    expect(getDocumentType(db, org.agencyA, id)).toMatchObject({ numberingTemplate: "{sifat}/{kode}/{urut:4}/{unit}/{tahun}", layout: "judul" });
    const [audit] = auditOf("document_type.updated");
    expect(JSON.parse(audit.before!)).toMatchObject({ numberingTemplate: "{kode}/{urut}/{unit}/{tahun}", layout: "korespondensi" });
    expect(JSON.parse(audit.after!)).toMatchObject({ numberingTemplate: "{sifat}/{kode}/{urut:4}/{unit}/{tahun}", layout: "judul" });
  });

  it("refuses staff, another agency's admin and a missing id, and changes nothing", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    const before = state();
    expect(refusal(() => updateDocumentType(staff(), id, { ...notaDinas, name: "X" })).code).toBe("forbidden");
    expect(refusal(() => updateDocumentType(adminB(), id, { ...notaDinas, name: "X" })).code).toBe("forbidden");
    expect(refusal(() => updateDocumentType(admin(), 99999, { ...notaDinas, name: "X" })).code).toBe("not_found");
    expect(refusal(() => updateDocumentType(admin(), id, { ...notaDinas, numberingTemplate: "{urut" })).fieldErrors).toEqual({
      numberingTemplate: "numbering.template.unbalancedBrace",
    });
    expect(state()).toEqual(before);
  });

  it("lets the code change until numbers were issued in its series, and never onto another type's code", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    const other = createDocumentType(admin(), { ...notaDinas, code: "MEMO", name: "Memo" });
    updateDocumentType(admin(), id, { ...notaDinas, code: "NODIN" });
    expect(getDocumentType(db, org.agencyA, id)?.code).toBe("NODIN");
    expect(refusal(() => updateDocumentType(admin(), id, { ...notaDinas, code: "MEMO" })).fieldErrors).toEqual({ code: "documentTypes.duplicateCode" });

    const type = getDocumentType(db, org.agencyA, other.id)!;
    const ctx = ctxFor(db, org.employees.head);
    db.transaction((tx) =>
      issueNumber(tx, ctx, { registerKey: registerKeyFor(type, { id: org.units.dinas }), template: type.numberingTemplate, values: { kode: "800", unit: "DISKOMINFO" } }),
    );
    const before = state();
    expect(refusal(() => updateDocumentType(admin(), other.id, { ...notaDinas, code: "MM", name: "Memo" })).fieldErrors).toEqual({ code: "documentTypes.codeInUse" });
    expect(state()).toEqual(before);
    // Everything but the code may still change.
    updateDocumentType(admin(), other.id, { ...notaDinas, code: "MEMO", name: "Memorandum" });
    expect(getDocumentType(db, org.agencyA, other.id)?.name).toBe("Memorandum");
  });
});

describe("deactivateDocumentType and reactivateDocumentType", () => {
  it("hides a type from the list for new drafts and brings it back, auditing both", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    deactivateDocumentType(admin(), id);
    expect(listDocumentTypes(db, org.agencyA)).toEqual([]);
    expect(listDocumentTypes(db, org.agencyA, { includeInactive: true }).map((t) => [t.id, t.active])).toEqual([[id, false]]);
    expect(refusal(() => deactivateDocumentType(admin(), id)).messageKey).toBe("documentTypes.alreadyInactive");
    reactivateDocumentType(admin(), id);
    expect(listDocumentTypes(db, org.agencyA).map((t) => t.id)).toEqual([id]);
    expect(refusal(() => reactivateDocumentType(admin(), id)).messageKey).toBe("documentTypes.alreadyActive");
    expect(JSON.parse(auditOf("document_type.deactivated")[0].after!)).toEqual({ active: false });
    expect(auditOf("document_type.reactivated")).toHaveLength(1);
  });

  it("refuses staff and another agency's admin, and changes nothing", () => {
    const { id } = createDocumentType(admin(), notaDinas);
    const before = state();
    expect(refusal(() => deactivateDocumentType(staff(), id)).code).toBe("forbidden");
    expect(refusal(() => deactivateDocumentType(adminB(), id)).code).toBe("forbidden");
    expect(refusal(() => reactivateDocumentType(adminB(), id)).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });
});

describe("documentTypeForm", () => {
  it("reads the admin form's fields", () => {
    expect(
      documentTypeForm.parse({
        code: "st",
        name: "Surat Tugas",
        category: "penugasan",
        layout: "judul",
        numberingTemplate: "{kode}/{urut}/{unit}/{tahun}",
        numberingScope: "unit",
        internal: "on",
        sortOrder: "",
      }),
    ).toEqual({
      code: "st",
      name: "Surat Tugas",
      category: "penugasan",
      layout: "judul",
      numberingTemplate: "{kode}/{urut}/{unit}/{tahun}",
      numberingScope: "unit",
      internal: true,
      sortOrder: 0,
    });
    const bad = documentTypeForm.safeParse({ code: "", name: "X", category: "lain", layout: "judul", numberingTemplate: "{urut}", numberingScope: "unit" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["code", "validation.required"],
      ["category", "validation.invalid"],
    ]);
  });
});
