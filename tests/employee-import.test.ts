import { beforeEach, describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, employees, units } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { commitEmployeeImport, normalizeImportedPhone, previewEmployeeImport, type ImportRow } from "@/lib/org/employee-import";
import { IMPORT_MAX_ROWS, parseEmployeeFile } from "@/lib/org/import-file";
import { createFixtureOrg, ctxFor, freshDb, nextNip } from "./support/db";
import { buildXlsx } from "./support/xlsx";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

async function errorOf(fn: () => Promise<unknown>): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const csv = (lines: string[], separator = ",") => Buffer.from(lines.map((l) => l.replace(/,/g, separator)).join("\r\n"), "utf8");
const employeeCount = () => db.select({ n: count() }).from(employees).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;
const admin = () => ctxFor(db, org.employees.admin);
const HEADER = "NIP,Nama,Jabatan,Unit,Email,Telepon";

describe("preview", () => {
  test("each row carries its own problems; nothing is written", async () => {
    const good = nextNip();
    const staffNip = db.select().from(employees).where(eq(employees.id, org.employees.staff)).get()!.nip;
    const before = { employees: employeeCount(), audit: auditCount() };
    const preview = await previewEmployeeImport(admin(), {
      name: "pegawai.csv",
      bytes: csv([
        HEADER,
        `${good},Budi Santoso,Pranata Komputer,diskominfo,Budi@Uji.go.id,081234567890`, // 2: good
        `19850615201003100,Salah Panjang,Pranata Komputer,Dinas Kominfo,,`, // 3: 17 digits
        `198506152010033002,Salah Gender,Pranata Komputer,Dinas Kominfo,,`, // 4: gender digit 3
        `${nextNip()},Unit Asing,Pranata Komputer,Dinas Pariwisata,,`, // 5: unknown unit
        `${nextNip()},Jabatan Asing,Juru Masak,Dinas Kominfo,,`, // 6: no such post in the unit
        `${good},Kembar,Pranata Komputer,Dinas Kominfo,,`, // 7: NIP repeats row 2
        `${staffNip},Sudah Ada,Pranata Komputer,Dinas Kominfo,,`, // 8: NIP in the database
        `${nextNip()},Surel Kembar,Pranata Komputer,Dinas Kominfo,budi@uji.go.id,`, // 9: e-mail repeats row 2
        `${nextNip()},Surel Ada,Pranata Komputer,Dinas Kominfo,staf@uji.go.id,`, // 10: e-mail in the database
        `${nextNip()},Surel Rusak,Pranata Komputer,Dinas Kominfo,bukan-surel,12ab`, // 11: bad e-mail and phone
        `${nextNip()},Kepala Kedua,Kepala Dinas Kominfo,Dinas Kominfo,,`, // 12: leader post held
        `${nextNip()},Bupati Satu,Bupati,Pemerintah Kabupaten Uji,,`, // 13: vacant leader post
        `${nextNip()},Bupati Dua,Bupati,Pemerintah Kabupaten Uji,,`, // 14: same post as row 13
        `,Tanpa NIP,,,,`, // 15: no NIP, no post
        `${nextNip()},Unit Saja,,Dinas Kominfo,,`, // 16: unit without post
      ]),
    });
    const issues = Object.fromEntries(preview.rows.map((r) => [r.rowNumber, r.issues.map((i) => `${i.field}:${i.messageKey}`)]));
    expect(issues).toEqual({
      2: [],
      3: ["nip:nip.wrongLength"],
      4: ["nip:nip.gender"],
      5: ["unit:employeeImport.unitUnknown"],
      6: ["position:employeeImport.positionUnknown"],
      7: ["nip:employeeImport.nipDuplicateInFile"],
      8: ["nip:employees.nipTaken"],
      9: ["email:employeeImport.emailDuplicateInFile"],
      10: ["email:employees.emailTaken"],
      11: ["email:validation.email", "phone:validation.phone"],
      12: ["position:employeeImport.positionHeld"],
      13: [],
      14: ["position:employeeImport.positionTakenInFile"],
      15: ["nip:validation.required"],
      16: ["position:validation.required"],
    });
    expect(preview.rows.find((r) => r.rowNumber === 7)!.issues[0].params).toEqual({ row: 2 });
    expect(preview.rows.find((r) => r.rowNumber === 12)!.issues[0].params).toEqual({ holder: "Kepala Uji" });
    expect(preview.rows[0]).toMatchObject({ email: "budi@uji.go.id", unitName: "Dinas Kominfo", positionName: "Pranata Komputer", positionId: org.positions.staff });
    expect(preview).toMatchObject({ fileName: "pegawai.csv", validCount: 2, errorCount: 13 });
    expect({ employees: employeeCount(), audit: auditCount() }).toEqual(before);
  });

  test("units by name path when names repeat across offices", async () => {
    db.insert(units).values({ agencyId: org.agencyA, parentId: org.units.root, name: "Sekretariat" }).run();
    db.insert(units).values({ agencyId: org.agencyA, parentId: org.units.dinas, name: "Sekretariat" }).run();
    const preview = await previewEmployeeImport(admin(), {
      name: "p.csv",
      bytes: csv([HEADER, `${nextNip()},A,Pranata Komputer,Sekretariat,,`, `${nextNip()},B,Pranata Komputer,DISKOMINFO > Sekretariat,,`, `${nextNip()},C,Pranata Komputer,Pemerintah Kabupaten Uji > Dinas Kominfo,,`]),
    });
    expect(preview.rows.map((r) => r.issues.map((i) => i.messageKey))).toEqual([
      ["employeeImport.unitAmbiguous"],
      ["employeeImport.positionUnknown"], // the unit resolves (Sekretariat under the dinas), which has no such post
      [],
    ]);
  });

  test("refused for a non-admin", async () => {
    const error = await errorOf(() => previewEmployeeImport(ctxFor(db, org.employees.staff), { name: "p.csv", bytes: csv([HEADER]) }));
    expect(error.code).toBe("forbidden");
  });
});

describe("file formats", () => {
  test("semicolon-separated CSV with a UTF-8 BOM, Indonesian header names and commas inside fields", async () => {
    const nip = nextNip();
    const text = `\ufeffNIP;Nama Lengkap;Jabatan;Unit Kerja;E-mail;No. HP\r\n"${nip}";"Budi Santoso, S.Kom.";Pranata Komputer;Dinas Kominfo;;81234567890\r\n;;;;;\r\n`;
    const rows = await parseEmployeeFile({ name: "Daftar Pegawai.CSV", bytes: Buffer.from(text, "utf8") });
    expect(rows).toEqual([{ rowNumber: 2, nip, name: "Budi Santoso, S.Kom.", position: "Pranata Komputer", unit: "Dinas Kominfo", email: "", phone: "81234567890" }]);
  });

  test("Windows-1252 CSV from older Excel is decoded", async () => {
    const bytes = Buffer.concat([Buffer.from(`NIP;Nama;Jabatan;Unit\n${nextNip()};Jos`), Buffer.from([0xe9]), Buffer.from(";Pranata Komputer;Dinas Kominfo\n")]);
    const [row] = await parseEmployeeFile({ name: "a.csv", bytes });
    expect(row.name).toBe("José");
  });

  test("XLSX: cells read, row numbers as Excel shows them, a NIP stored as a number is caught", async () => {
    const nip = nextNip();
    const bytes = buildXlsx([
      ["NIP", "Nama", "Jabatan", "Unit", "Email", "Telepon"],
      [nip, "Rina Wati", "Pranata Komputer", "Dinas Kominfo", "rina@uji.go.id", { number: "81234567890" }],
      [],
      [{ number: "1.98506152010031E+17" }, "Angka", "Pranata Komputer", "Dinas Kominfo", null, null],
    ]);
    const preview = await previewEmployeeImport(admin(), { name: "pegawai.xlsx", bytes });
    expect(preview.rows.map((r) => [r.rowNumber, r.issues.map((i) => i.messageKey)])).toEqual([
      [2, []],
      [4, ["employeeImport.nipStoredAsNumber"]],
    ]);
    expect(preview.rows[0]).toMatchObject({ nip, name: "Rina Wati", email: "rina@uji.go.id", phone: "081234567890", positionId: org.positions.staff });
  });

  test("other file types, old .xls, missing columns, empty, too large, too many rows", async () => {
    const parse = (name: string, bytes: Buffer) => errorOf(() => parseEmployeeFile({ name, bytes }));
    expect((await parse("surat.pdf", Buffer.from("%PDF-1.7"))).messageKey).toBe("employeeImport.fileType");
    expect((await parse("lama.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).messageKey).toBe("employeeImport.xlsNotSupported");
    expect((await parse("rusak.xlsx", Buffer.from("bukan zip"))).messageKey).toBe("employeeImport.fileUnreadable");
    expect((await parse("zip-rusak.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).messageKey).toBe("employeeImport.fileUnreadable");
    const missing = await parse("a.csv", csv(["NIP,Nama,Email", `${nextNip()},A,`]));
    expect(missing.messageKey).toBe("employeeImport.missingColumns");
    expect(missing.params).toEqual({ columns: "JABATAN, UNIT" });
    expect((await parse("a.csv", Buffer.alloc(0))).messageKey).toBe("employeeImport.fileEmpty");
    expect((await parse("a.csv", csv([HEADER]))).messageKey).toBe("employeeImport.noRows");
    expect((await parse("a.csv", Buffer.alloc(5 * 1024 * 1024 + 1, 0x41))).messageKey).toBe("employeeImport.fileTooLarge");
    const many = [HEADER, ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `1,Nama ${i},J,U,,`)];
    expect((await parse("a.csv", csv(many))).messageKey).toBe("employeeImport.tooManyRows");
    const exactly = [HEADER, ...Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `1,Nama ${i},J,U,,`)];
    expect(await parseEmployeeFile({ name: "a.csv", bytes: csv(exactly) })).toHaveLength(IMPORT_MAX_ROWS);
  });

  test("phone numbers that lost their leading zero or plus are repaired", () => {
    expect(normalizeImportedPhone("81234567890")).toBe("081234567890");
    expect(normalizeImportedPhone("6281234567890")).toBe("+6281234567890");
    expect(normalizeImportedPhone("0341 123456")).toBe("0341 123456");
  });
});

describe("commit", () => {
  const row = (rowNumber: number, over: Partial<ImportRow> = {}): ImportRow => ({
    rowNumber,
    nip: nextNip(),
    name: `Pegawai ${rowNumber}`,
    position: "Pranata Komputer",
    unit: "Dinas Kominfo",
    email: "",
    phone: "",
    ...over,
  });

  test("a good semicolon CSV with BOM is committed: employees, posts, passwords, audit rows", async () => {
    const nips = [nextNip(), nextNip(), nextNip()];
    const text =
      "\ufeffNIP;Nama;Jabatan;Unit;Email;Telepon\r\n" +
      `${nips[0]};Ani Lestari;Pranata Komputer;DISKOMINFO;ani@uji.go.id;081111111111\r\n` +
      `${nips[1]};Bagus Prakoso;Bupati;Pemerintah Kabupaten Uji;;\r\n` +
      `${nips[2]};Citra Dewi;;;;\r\n`;
    const ctx = admin();
    const preview = await previewEmployeeImport(ctx, { name: "impor.csv", bytes: Buffer.from(text, "utf8") });
    expect(preview.errorCount).toBe(0);
    const auditBefore = auditCount();

    const { created } = await commitEmployeeImport(ctx, { fileName: preview.fileName, rows: preview.rows });
    expect(created.map((c) => [c.rowNumber, c.nip, c.displayName])).toEqual([
      [2, nips[0], "Ani Lestari"],
      [3, nips[1], "Bagus Prakoso"],
      [4, nips[2], "Citra Dewi"],
    ]);
    for (const c of created) {
      const e = db.select().from(employees).where(eq(employees.id, c.employeeId)).get()!;
      expect(e).toMatchObject({ agencyId: org.agencyA, active: true, mustChangePassword: true });
      expect(verifyPassword(c.temporaryPassword, e.passwordHash)).toBe(true);
    }
    expect(new Set(created.map((c) => c.temporaryPassword)).size).toBe(3);
    const posts = created.map((c) => db.select().from(assignments).where(eq(assignments.employeeId, c.employeeId)).all());
    expect(posts[0]).toMatchObject([{ positionId: org.positions.staff, kind: "definitif", startDate: "2026-11-27", endDate: null }]);
    expect(posts[1]).toMatchObject([{ positionId: org.positions.regent, kind: "definitif" }]);
    expect(posts[2]).toEqual([]);

    expect(auditCount()).toBe(auditBefore + 4);
    const createdAudits = db.select().from(auditLog).where(eq(auditLog.action, "employee.created")).all();
    expect(createdAudits.map((a) => a.entityId)).toEqual(created.map((c) => String(c.employeeId)));
    for (const a of createdAudits) {
      expect(a.after).not.toContain("scrypt");
      expect(JSON.parse(a.after!)).toMatchObject({ source: "import" });
    }
    const [summary] = db.select().from(auditLog).where(eq(auditLog.action, "employee.import_committed")).all();
    expect(JSON.parse(summary.after!)).toMatchObject({ fileName: "impor.csv", count: 3 });
  });

  test("all or nothing: one bad row and nothing is written", async () => {
    const before = { employees: employeeCount(), audit: auditCount(), assignments: db.select({ n: count() }).from(assignments).get()!.n };
    const error = await errorOf(() => commitEmployeeImport(admin(), { fileName: "x.csv", rows: [row(2), row(3), row(4, { nip: "19850615201003100" }), row(5)] }));
    expect(error.messageKey).toBe("employeeImport.hasErrors");
    expect(error.params).toEqual({ count: 1 });
    expect({ employees: employeeCount(), audit: auditCount(), assignments: db.select({ n: count() }).from(assignments).get()!.n }).toEqual(before);
  });

  test("rows sent back from the browser are checked again, not trusted", async () => {
    const ctx = admin();
    const preview = await previewEmployeeImport(ctx, { name: "x.csv", bytes: csv([HEADER, `${nextNip()},Dewi,Pranata Komputer,Dinas Kominfo,,`]) });
    // Someone registers the same NIP between preview and commit.
    db.insert(employees).values({ agencyId: org.agencyA, nip: preview.rows[0].nip, name: "Lebih Dulu", passwordHash: "x" }).run();
    expect((await errorOf(() => commitEmployeeImport(ctx, { fileName: "x.csv", rows: preview.rows }))).messageKey).toBe("employeeImport.hasErrors");
    // A tampered row naming another agency's unit resolves to nothing.
    const tampered = [row(2, { unit: "Pemerintah Kabupaten Lain", position: "Bupati Lain" })];
    expect((await errorOf(() => commitEmployeeImport(ctx, { fileName: "x.csv", rows: tampered }))).messageKey).toBe("employeeImport.hasErrors");
    expect(db.select().from(employees).where(eq(employees.name, "Dewi")).all()).toEqual([]);
  });

  test("refused for a non-admin and for empty or oversized input", async () => {
    expect((await errorOf(() => commitEmployeeImport(ctxFor(db, org.employees.staff), { fileName: "x.csv", rows: [row(2)] }))).code).toBe("forbidden");
    expect((await errorOf(() => commitEmployeeImport(admin(), { fileName: "x.csv", rows: [] }))).messageKey).toBe("employeeImport.noRows");
    const tooMany = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => row(i + 2));
    expect((await errorOf(() => commitEmployeeImport(admin(), { fileName: "x.csv", rows: tooMany }))).messageKey).toBe("employeeImport.tooManyRows");
  });
});
