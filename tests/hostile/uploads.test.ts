/**
 * The hostile upload corpus (tests/support/hostile-files.ts) pushed through every upload path, each as the employee
 * who may use it, so that only the file can be the reason for a refusal: the incoming letter's scan and photos, a
 * draft's body PDF and lampiran, a PDF to sign, a disposition's follow-up file, a leave request's supporting letter,
 * the agency logo, the check-in selfie (POST /api/presensi) and the employee import. Each must be refused with a
 * clear Indonesian message, and nothing may be stored (the file store is the files table, so the database snapshot
 * covers it; the data folder is compared too).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../support/hostile-next")).nextCacheMock);

import type { Db } from "@/db";
import { translator } from "@/lib/i18n/catalog";
import { changedTables, createHostileFixture, formOf, looksIndonesian, openHostileDb, OFFICE, runAction, signInAs, snapshot, watchChanges, type HostileFixture } from "../support/hostile";
import { requestHeaders } from "../support/hostile-next";
import { PDFName, PDFString } from "pdf-lib";
import { checkUploadedPdf } from "@/lib/files/pdf-safety";
import { hostileImages, hostilePdfs, pdfWith, hugePng, jpegOfSize, zipBomb, type CorpusFile } from "../support/hostile-files";
import { makeTestPdf } from "../support/signing";
import { buildXlsx, zip } from "../support/xlsx";

// A 1 MB upload limit for PDFs, so the over-the-limit file stays small to generate.
const MAX_PDF_MB = 1;
const t = translator("id");

let db: Db;
let fx: HostileFixture;
let corpus: CorpusFile[];
const dataFolder = () => path.dirname(process.env.DATABASE_PATH!);
const folderListing = () => fs.readdirSync(dataFolder()).filter((f) => !/-(wal|shm|journal)$/.test(f)).sort();

beforeAll(async () => {
  process.env.KAWAN_MAX_PDF_MB = String(MAX_PDF_MB);
  db = openHostileDb();
  fx = await createHostileFixture(db);
  corpus = await hostilePdfs(MAX_PDF_MB * 1024 * 1024);
}, 120_000);

afterAll(() => {
  delete process.env.KAWAN_MAX_PDF_MB;
});

const file = (f: CorpusFile, type = "application/pdf") => new File([new Uint8Array(f.data)], f.fileName, { type });

type ActionModule = Record<string, (previous: never, form: FormData) => Promise<unknown>>;
const load = async (route: string) => (await import(/* @vite-ignore */ path.join(process.cwd(), "app", route, "actions.ts"))) as ActionModule;

/** Posts the form as `employeeId` and expects a readable refusal and no change; returns the message shown. */
async function expectRefused(what: string, employeeId: number, action: (previous: never, form: FormData) => Promise<unknown>, fields: Record<string, unknown>): Promise<string> {
  await signInAs(db, employeeId);
  const watch = watchChanges(db);
  const listing = folderListing();
  const outcome = await runAction(action as never, formOf(fields));
  if (outcome.kind === "crash") throw new Error(`${what} threw (a 500): ${(outcome.error as Error)?.stack}`);
  if (outcome.kind !== "error") throw new Error(`${what} was accepted: ${JSON.stringify(outcome).slice(0, 300)}`);
  const texts = [outcome.state.message, ...Object.values(outcome.state.fieldErrors)];
  for (const text of texts) if (!looksIndonesian(text)) throw new Error(`${what}: message is not Indonesian text: ${text}`);
  const changed = watch.changed();
  if (changed.length) throw new Error(`${what} changed ${changed.join(", ")}`);
  expect(folderListing(), what).toEqual(listing);
  return texts.join(" / ");
}

/** Runs every corpus file through one upload path; collects every problem, so one run lists them all. */
async function throughPath(pathName: string, run: (f: CorpusFile) => Promise<string>, options: { emptyMeansNone?: boolean } = {}): Promise<void> {
  const problems: string[] = [];
  // Where the file is optional, an empty file is what a browser sends for "none chosen": not a hostile upload.
  for (const f of corpus.filter((c) => !(options.emptyMeansNone && c.data.length === 0))) {
    try {
      await run(f);
    } catch (error) {
      problems.push(`${pathName}, ${f.name}: ${(error as Error).message.slice(0, 400)}`);
    }
  }
  expect(problems).toEqual([]);
}

const letterFields = (fx: HostileFixture) => ({
  senderAgency: "Kementerian Dalam Negeri",
  senderName: "",
  letterNumber: "900/77/2026",
  letterDate: "2026-11-20",
  receivedDate: new Date().toISOString().slice(0, 10),
  subject: "Surat dengan lampiran berbahaya",
  securityClass: "B",
  urgency: "biasa",
  classificationCode: "",
  attachmentCount: "0",
  summary: "",
  addressees: JSON.stringify([{ kind: "position", positionId: fx.positions.regent }]),
});

describe("every PDF upload path refuses every hostile PDF and stores nothing", () => {
  it("the incoming letter's scan (surat-masuk/baru)", async () => {
    const { registerLetterAction } = await load("(app)/surat-masuk/baru");
    await throughPath("incoming letter", (f) => expectRefused(f.name, fx.people.clerk, registerLetterAction, { ...letterFields(fx), file: file(f), photos: new File([], "") }));
  });

  it("a draft's body PDF (naskah/[id]/ubah)", async () => {
    const { uploadBodyPdfAction } = await load("(app)/naskah/[id]/ubah");
    await throughPath("body PDF", (f) => expectRefused(f.name, fx.people.drafter, uploadBodyPdfAction, { documentId: fx.objects.draftA, file: file(f) }));
  });

  it("a draft's lampiran (naskah/[id]/ubah)", async () => {
    const { addAttachmentAction } = await load("(app)/naskah/[id]/ubah");
    await throughPath("lampiran", (f) => expectRefused(f.name, fx.people.drafter, addAttachmentAction, { documentId: fx.objects.draftA, file: file(f) }));
  });

  it("a PDF to sign (tandatangan/baru)", async () => {
    const { createSigningDocumentAction } = await load("(app)/tandatangan/baru");
    await throughPath("PDF to sign", (f) =>
      expectRefused(f.name, fx.employees.head, createSigningDocumentAction, { file: file(f), title: "Surat uji", securityClass: "B", documentNumber: "", documentDate: "", signer: String(fx.employees.head) }),
    );
  });

  it("a disposition's follow-up file (surat-masuk/[id])", async () => {
    const { followUpAction } = await load("(app)/surat-masuk/[id]");
    await throughPath("follow-up", (f) =>
      expectRefused(f.name, fx.employees.head, followUpAction, { letterId: fx.objects.letterA, dispositionId: fx.objects.dispositionA, note: "Sudah", file: file(f), complete: "" }),
      { emptyMeansNone: true },
    );
  });

  it("a leave request's supporting letter (presensi/pengajuan/baru)", async () => {
    const { submitRequestAction } = await load("(app)/presensi/pengajuan/baru");
    await throughPath("request attachment", (f) =>
      expectRefused(f.name, fx.employees.staff, submitRequestAction, { kind: "izin", leaveType: "", startDate: "2026-12-17", endDate: "2026-12-17", reason: "Mengurus dokumen kependudukan", attachment: file(f), officialDocumentId: "" }),
      { emptyMeansNone: true },
    );
  });

  it("the upload-to-verify form stores nothing and answers every file with a verdict or a clear refusal", async () => {
    const { verifyUploadAction } = await load("verifikasi");
    const problems: string[] = [];
    for (const f of corpus) {
      const before = snapshot(db);
      const outcome = await runAction(verifyUploadAction as never, formOf({ file: file(f) }));
      if (outcome.kind === "crash") problems.push(`${f.name}: threw ${(outcome.error as Error)?.message}`);
      if (outcome.kind === "error" && !looksIndonesian(outcome.state.message)) problems.push(`${f.name}: ${outcome.state.message}`);
      if (changedTables(before, snapshot(db)).length) problems.push(`${f.name}: changed the database`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps ordinary PDFs: object streams, an /OpenAction that only opens a page, links to web pages", async () => {
    const ordinary = [
      await makeTestPdf(2, { objectStreams: true }),
      await pdfWith((doc) => doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj([doc.getPage(0).ref, PDFName.of("Fit")]))),
      await pdfWith((doc) => {
        const link = doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [0, 0, 100, 20], A: { S: "URI", URI: PDFString.of("https://jdih.go.id") } });
        doc.getPage(0).node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
      }),
    ];
    for (const pdf of ordinary) await expect(checkUploadedPdf(pdf)).resolves.toBeDefined();
  });

  it("accepts a clean PDF on the same paths (the refusals above are about the files)", async () => {
    const { addAttachmentAction } = await load("(app)/naskah/[id]/ubah");
    await signInAs(db, fx.people.drafter);
    const clean = await makeTestPdf(1);
    const outcome = await runAction(addAttachmentAction as never, formOf({ documentId: fx.objects.draftA, file: new File([new Uint8Array(clean)], "bersih.pdf") }));
    expect(outcome.kind).toBe("ok");
  });
});

describe("photos, logo, selfie and spreadsheet uploads", () => {
  it("the incoming letter's page photos refuse non-images, SVG, zip bombs and a 20000 x 20000 PNG", async () => {
    const { registerLetterAction } = await load("(app)/surat-masuk/baru");
    const problems: string[] = [];
    for (const f of [...hostileImages().filter((i) => i.data.length > 0), { name: "a 20000 x 20000 PNG", fileName: "besar.png", data: hugePng() }]) {
      try {
        await expectRefused(f.name, fx.people.clerk, registerLetterAction, { ...letterFields(fx), file: new File([], ""), photos: new File([new Uint8Array(f.data)], f.fileName) });
      } catch (error) {
        problems.push(`${f.name}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the agency logo refuses an SVG with a script, HTML, GIF, a zip bomb and a file over 1 MB", async () => {
    const { updateAgencyAction } = await load("(app)/admin/instansi");
    const profile = { name: "Pemerintah Kabupaten Uji", regionName: "Kabupaten Uji", address: "", phone: "", email: "", website: "", timeZone: "Asia/Jakarta", paperSize: "A4" };
    const problems: string[] = [];
    for (const f of [...hostileImages().filter((i) => i.data.length > 0), { name: "a PNG over 1 MB", fileName: "besar.png", data: Buffer.concat([hugePng(), Buffer.alloc(1024 * 1024)]) }]) {
      try {
        await expectRefused(f.name, fx.employees.admin, updateAgencyAction, { ...profile, logo: new File([new Uint8Array(f.data)], f.fileName, { type: "image/png" }) });
      } catch (error) {
        problems.push(`${f.name}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("the check-in selfie refuses a PNG, an SVG, a JPEG over 50 KB and a huge body, with a 4xx and no record", async () => {
    const { POST } = await import("@/app/api/presensi/route");
    await signInAs(db, fx.employees.staff);
    const press = (selfie: string, key: string) => ({ kind: "in", ...OFFICE, accuracy: 10, clientTime: Date.now(), requestKey: key, selfie });
    const cases: [string, unknown][] = [
      ["a PNG", press(hugePng().toString("base64"), "selfie-png-01")],
      ["an SVG", press(hostileImages()[0].data.toString("base64"), "selfie-svg-01")],
      ["a 60 KB JPEG", press(jpegOfSize(60 * 1024).toString("base64"), "selfie-big-01")],
      ["a 5 MB base64 string", press("A".repeat(5 * 1024 * 1024), "selfie-huge-1")],
      ["not base64", press("<script>alert(1)</script>", "selfie-text-1")],
      ["a zip bomb", press(zipBomb("x", 5).toString("base64"), "selfie-zip-01")],
    ];
    const problems: string[] = [];
    for (const [what, body] of cases) {
      const before = snapshot(db);
      const response = await POST(new Request("http://kawan.test/api/presensi", { method: "POST", headers: { ...requestHeaders(), "content-type": "application/json" }, body: JSON.stringify(body) }));
      const answer = (await response.json()) as { error?: { message?: string } };
      if (response.status < 400 || response.status >= 500) problems.push(`${what}: status ${response.status}`);
      if (!answer.error?.message || !looksIndonesian(answer.error.message)) problems.push(`${what}: message ${JSON.stringify(answer.error)}`);
      const changed = changedTables(before, snapshot(db));
      if (changed.length) problems.push(`${what}: changed ${changed.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("the employee import refuses a zip-bomb .xlsx, a renamed PDF and an oversized file cleanly, and writes nothing", async () => {
    const { previewImportAction } = await load("(app)/admin/pegawai/impor");
    const sheetBomb = zip({
      "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      "xl/workbook.xml": "<workbook/>",
      "xl/worksheets/sheet1.xml": Buffer.alloc(200 * 1024 * 1024, 0x20),
    });
    const valid = buildXlsx([["NIP", "Nama", "Jabatan", "Unit"], ["198506152010031777", "Pegawai Impor", "Pranata Komputer", "Dinas Kominfo"]]);
    const cases: [string, Buffer, string][] = [
      ["a zip bomb (200 MB sheet) named .xlsx", sheetBomb, "pegawai.xlsx"],
      ["a 20 MB zip of zeros named .xlsx", zipBomb("xl/worksheets/sheet1.xml", 20), "pegawai.xlsx"],
      ["a PDF named .xlsx", await makeTestPdf(1), "pegawai.xlsx"],
      ["an .xlsx cut in half", valid.subarray(0, valid.length / 2), "pegawai.xlsx"],
      ["a 6 MB CSV", Buffer.alloc(6 * 1024 * 1024, 0x41), "pegawai.csv"],
      ["an SVG named .csv", hostileImages()[0].data, "pegawai.csv"],
    ];
    const problems: string[] = [];
    for (const [what, data, name] of cases) {
      try {
        const message = await expectRefused(what, fx.employees.admin, previewImportAction, { file: new File([new Uint8Array(data)], name) });
        // The bombs are stopped by the unpacked-size cap (lib/files/zip-limit.ts), before the reader inflates them.
        if (what.includes("200 MB") && !message.includes(t("employeeImport.fileUnpacksTooLarge", { max: "50 MB" }))) problems.push(`${what}: ${message}`);
      } catch (error) {
        problems.push((error as Error).message.slice(0, 400));
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
