import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Db } from "@/db";
import { documentParticipants, officialDocuments } from "@/db/schema";
import { createDraft, saveDraft } from "@/lib/documents/drafts";
import { disposeLetter } from "@/lib/incoming/dispositions";
import { seedDispositionInstructions } from "@/lib/incoming/instructions";
import { registerIncomingLetter, type LetterFields } from "@/lib/incoming/register";
import { indexDocument, rebuildSearchIndex } from "@/lib/search";
import { toMatchExpression } from "@/lib/search/match-expression";
import { extractPdfText } from "@/lib/search/pdf-text";
import { searchAll, snippetParts, type SearchKind } from "@/lib/search/search";
import { ctxFor, freshDb } from "./support/db";
import { createDocumentOrg, draftFields } from "./support/naskah";

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
const NOW = new Date("2026-11-27T02:00:00Z");
const ctx = (employeeId: number) => ctxFor(db, employeeId, NOW);
const find = (employeeId: number, q: string, kind?: SearchKind, page = 1) => searchAll(ctx(employeeId), { q, kind, page });
const keys = (employeeId: number, q: string, kind?: SearchKind) => find(employeeId, q, kind).hits.map((h) => `${h.kind}:${h.id}`);

const fields = (over: Partial<LetterFields> = {}): LetterFields => ({
  senderAgency: "Kementerian Dalam Negeri",
  senderName: "Direktur Jenderal Bina Keuangan Daerah",
  letterNumber: "900.1/1234/Keuda",
  letterDate: "2026-11-20",
  receivedDate: "2026-11-26",
  subject: "Percepatan realisasi belanja daerah",
  securityClass: "B",
  urgency: "segera",
  classificationCode: "900",
  attachmentCount: 1,
  summary: "",
  ...over,
});

const register = (over: Partial<LetterFields>, addressees = [org.positions.regent], pdf: Buffer | null = null) =>
  registerIncomingLetter(ctx(org.people.clerk), { fields: fields(over), addresseePositionIds: addressees, pdf }).then((r) => r.letterId);

async function pdfWithText(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}

/** A sent naskah written straight into the tables (signing is tested elsewhere), addressed to one post. */
function sentDocument(subject: string, toPositionId: number, securityClass: "B" | "R" = "B"): number {
  return db.transaction((tx) => {
    const doc = tx
      .insert(officialDocuments)
      .values({
        agencyId: org.agencyA,
        documentTypeId: org.typeId("ND"),
        status: "sent",
        drafterEmployeeId: org.people.drafter,
        drafterPositionId: org.docPositions.programmer,
        securityClass,
        subject,
        number: `000.1/${Math.floor(Math.random() * 1e6)}/DISKOMINFO/2026`,
        documentDate: "2026-11-25",
        createdAt: NOW,
        updatedAt: NOW,
        sentAt: NOW,
      })
      .returning({ id: officialDocuments.id })
      .get();
    tx.insert(documentParticipants).values({ documentId: doc.id, role: "drafter", employeeId: org.people.drafter }).run();
    tx.insert(documentParticipants).values({ documentId: doc.id, role: "to", positionId: toPositionId }).run();
    indexDocument(tx, doc.id);
    return doc.id;
  });
}

const indexRows = () => db.all<Record<string, unknown>>(sql`select rowid, title, number, sender, body, file_text from search_entries order by rowid`);

beforeAll(() => {
  db = freshDb();
  org = createDocumentOrg(db);
  seedDispositionInstructions(db, org.agencyA);
});

describe("the match expression", () => {
  it("quotes every word, makes the last a prefix, and drops what has no letter or digit", () => {
    expect(toMatchExpression("rapat koordinasi")?.expression).toBe('"rapat" "koordinasi"*');
    expect(toMatchExpression('a" OR 1=1 --')?.expression).toBe('"a" "OR" "1=1"');
    expect(toMatchExpression("NEAR(rapat anggaran)")?.expression).toBe('"NEAR(rapat" "anggaran)"*');
    expect(toMatchExpression("   ")).toBeNull();
    expect(toMatchExpression("😀 *** ((( ")).toBeNull();
    expect(toMatchExpression("x".repeat(10_000))?.expression).toBe(`"${"x".repeat(100)}"*`);
  });

  it("splits snippets at the markers only", () => {
    expect(snippetParts("a \u0002rapat\u0003 b")).toEqual([
      { text: "a ", hit: false },
      { text: "rapat", hit: true },
      { text: " b", hit: false },
    ]);
  });
});

describe("searching incoming letters", () => {
  let letter: number;
  let inSummary: number;
  let scanned: number;

  beforeAll(async () => {
    letter = await register({ subject: "Sosialisasi pengadaan barang jasa elektronik", letterNumber: "027/5501/Bappeda", senderAgency: "Lembaga Kebijakan Pengadaan" });
    inSummary = await register({ subject: "Undangan bimbingan teknis", summary: "Materi tentang pengadaan secara elektronik.", letterNumber: "005/77/LKPP" });
    scanned = await register({ subject: "Surat pindaian", letterNumber: "800/12/BKD" }, [org.positions.regent], await pdfWithText(["Permohonan mutasi pegawai", "atas nama Kartolo Wiryosentono"]));
  });

  it("finds by subject, number, sender and words typed half-way", () => {
    expect(keys(org.people.regent, "sosialisasi")).toEqual([`surat:${letter}`]);
    expect(keys(org.people.regent, "027/5501/Bappeda")).toEqual([`surat:${letter}`]);
    expect(keys(org.people.regent, "5501")).toEqual([`surat:${letter}`]);
    expect(keys(org.people.regent, "kebijakan pengad")).toEqual([`surat:${letter}`]);
    expect(keys(org.people.regent, "SOSIALISASI Pengadaan")).toEqual([`surat:${letter}`]);
  });

  it("finds the text inside the scanned PDF, with the words marked in the snippet", async () => {
    const hits = find(org.people.regent, "Wiryosentono").hits;
    expect(hits.map((h) => h.id)).toEqual([scanned]);
    expect(hits[0]).toMatchObject({ kind: "surat", number: "800/12/BKD", href: `/surat-masuk/${scanned}`, date: "2026-11-26" });
    expect(hits[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(["Wiryosentono"]);
  });

  it("ranks a match in the subject above a match in the summary", () => {
    expect(keys(org.people.regent, "elektronik")).toEqual([`surat:${letter}`, `surat:${inSummary}`]);
  });

  it("shows a letter only to the posts it reached, never to another agency", async () => {
    const letterId = await register({ subject: "Rencana kunjungan kerja gubernur" });
    expect(keys(org.people.regent, "kunjungan gubernur")).toEqual([`surat:${letterId}`]);
    expect(keys(org.people.clerk, "kunjungan gubernur")).toEqual([`surat:${letterId}`]);
    expect(keys(org.people.kadinkes, "kunjungan gubernur")).toEqual([]);
    expect(keys(org.people.staff, "kunjungan gubernur")).toEqual([]);
    expect(keys(org.people.adminB, "kunjungan gubernur")).toEqual([]);
    disposeLetter(ctx(org.people.regent), {
      letterId,
      parentId: null,
      toPositionIds: [org.docPositions.kadinkes],
      instructions: [],
      otherInstruction: "Siapkan",
      note: "",
      urgency: "biasa",
      deadline: null,
      copySuperior: false,
    });
    expect(keys(org.people.kadinkes, "kunjungan gubernur")).toEqual([`surat:${letterId}`]);
    expect(keys(org.people.staff, "kunjungan gubernur")).toEqual([]);
  });

  it("keeps a Rahasia letter from other clerks of the register", async () => {
    const secret = await register({ subject: "Pemeriksaan khusus inspektorat", securityClass: "R" });
    expect(keys(org.people.regent, "inspektorat")).toEqual([`surat:${secret}`]);
    expect(keys(org.people.clerk, "inspektorat")).toEqual([`surat:${secret}`]); // registered it
    expect(keys(org.people.head, "inspektorat")).toEqual([]);
  });

  it("pages through many hits without short or repeated pages", async () => {
    for (let i = 0; i < 23; i++) await register({ subject: `Laporan pemantauan banjir pekan ${i + 1}`, letterNumber: `360/${i}/BPBD` });
    const first = find(org.people.regent, "pemantauan banjir", undefined, 1);
    const second = find(org.people.regent, "pemantauan banjir", undefined, 2);
    expect(first.hits).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(3);
    expect(second.hasMore).toBe(false);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(23);
    expect(find(org.people.regent, "pemantauan banjir", "naskah").hits).toEqual([]);
  });
});

describe("searching official documents", () => {
  it("finds a draft for its drafter only, and a re-saved draft by its new words only", () => {
    const drafter = ctx(org.people.drafter);
    const { documentId } = createDraft(drafter, { documentTypeId: org.typeId("ND") });
    saveDraft(drafter, documentId, draftFields({ documentTypeId: org.typeId("ND"), subject: "Rencana migrasi pusat data" }));
    expect(keys(org.people.drafter, "migrasi pusat")).toEqual([`naskah:${documentId}`]);
    // The body's words are searchable too (SAMPLE_BODY speaks of "uji coba").
    expect(keys(org.people.drafter, "uji coba migrasi")).toEqual([`naskah:${documentId}`]);
    expect(keys(org.people.outsider, "migrasi pusat")).toEqual([]);
    expect(keys(org.people.clerk, "migrasi pusat")).toEqual([]);
    expect(keys(org.people.adminB, "migrasi pusat")).toEqual([]);

    saveDraft(drafter, documentId, draftFields({ documentTypeId: org.typeId("ND"), subject: "Rencana konsolidasi server" }));
    expect(keys(org.people.drafter, "migrasi")).toEqual([]);
    expect(keys(org.people.drafter, "konsolidasi")).toEqual([`naskah:${documentId}`]);
  });

  it("shows a sent document to its recipients and the clerks, not to a staff member it was not delivered to", () => {
    const id = sentDocument("Penataan arsip vital daerah", org.docPositions.kadinkes);
    const hit = find(org.people.kadinkes, "arsip vital").hits;
    expect(hit.map((h) => h.id)).toEqual([id]);
    expect(hit[0]).toMatchObject({ kind: "naskah", href: `/naskah/${id}`, date: "2026-11-25", typeName: expect.any(String) });
    expect(keys(org.people.clerk, "arsip vital")).toEqual([`naskah:${id}`]);
    expect(keys(org.people.staff, "arsip vital")).toEqual([]);
    expect(keys(org.people.outsider, "arsip vital")).toEqual([]);
    expect(keys(org.people.adminB, "arsip vital")).toEqual([]);
    // Rahasia: the clerks no longer see it, the recipient still does.
    const secret = sentDocument("Penataan arsip rahasia", org.docPositions.kadinkes, "R");
    expect(keys(org.people.clerk, "arsip rahasia")).toEqual([]);
    expect(keys(org.people.kadinkes, "arsip rahasia")).toEqual([`naskah:${secret}`]);
    expect(keys(org.people.kadinkes, "arsip", "surat")).toEqual([]);
  });
});

describe("hostile queries", () => {
  it("never throw and never match everything", () => {
    const nasty = [
      '"',
      '""',
      "'",
      "*",
      "rapat*",
      "^rapat",
      "title:rapat",
      "{title number}: rapat",
      "rapat AND",
      "OR",
      "NOT rapat",
      "NEAR(rapat anggaran, 2)",
      "(((",
      ")",
      "rapat OR 1=1",
      "'; drop table search_entries; --",
      "\u0000\u0002\u0003",
      "😀😀 rapat 👍🏽",
      "\ud800",
      "a".repeat(10_000),
      "kata ".repeat(2_000),
      "-",
      "+ - : . / \\",
      "ÅÄÖ café naïve",
    ];
    for (const q of nasty) {
      for (const kind of [undefined, "naskah", "surat"] as const) {
        const result = searchAll(ctx(org.people.regent), { q, kind, page: 1 });
        expect(Array.isArray(result.hits)).toBe(true);
      }
    }
    expect(find(org.people.regent, "").hits).toEqual([]);
    expect(find(org.people.regent, "*").hits).toEqual([]);
    expect(searchAll(ctx(org.people.regent), { q: "banjir", page: -5 }).page).toBe(1);
    expect(searchAll(ctx(org.people.regent), { q: "banjir", page: Number.NaN }).page).toBe(1);
  });
});

describe("rebuilding the index", () => {
  it("gives exactly what incremental indexing wrote", () => {
    const before = indexRows();
    expect(before.length).toBeGreaterThan(20);
    const counts = rebuildSearchIndex(db);
    expect(counts.letters).toBeGreaterThan(20);
    expect(indexRows()).toEqual(before);
    // PDF text survives a rebuild (it is kept per file).
    expect(keys(org.people.regent, "Wiryosentono")).toHaveLength(1);
  });
});

describe("PDF text", () => {
  it("reads the text layer and gives an empty text for broken or text-less files", async () => {
    expect(await extractPdfText(await pdfWithText(["Nomor 12 Tahun 2026", "Tentang retribusi"]))).toContain("Tentang retribusi");
    const blank = await PDFDocument.create();
    blank.addPage();
    expect(await extractPdfText(Buffer.from(await blank.save()))).toBe("");
    expect(await extractPdfText(Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj trailer <<>> %%EOF"))).toBe("");
    expect(await extractPdfText(Buffer.from("not a pdf at all"))).toBe("");
    const whole = await pdfWithText(["Potongan"]);
    expect(await extractPdfText(whole.subarray(0, Math.floor(whole.length / 2)))).toBe("");
    expect(await extractPdfText(await pdfWithText(["x".repeat(80)]), { maxChars: 10 })).toHaveLength(10);
  });
});
