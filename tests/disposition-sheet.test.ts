import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { geometryFor } from "@/lib/documents/render/geometry";
import { renderDispositionSheet, sifatLabel, type DispositionSheetInput } from "@/lib/incoming/disposition-sheet";
import { CHECKBOX } from "@/lib/incoming/sheet/cells";
import { LOGO_PNG } from "./support/render";
import { DEFAULT_INSTRUCTIONS } from "@/lib/incoming/instructions";

// The lembar disposisi as a reader's software sees it: poppler's pdftotext (words and their boxes),
// pdfinfo, pdffonts, and pdftoppm's rendering for the drawn checkbox crosses.

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-sheet-"));
let fileNo = 0;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function save(pdf: Buffer): string {
  const file = path.join(tmp, `sheet-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

const INSTRUCTIONS = [...DEFAULT_INSTRUCTIONS];
const TICKED = new Set(["Untuk ditindaklanjuti", "Hadiri dan laporkan hasilnya", "Wakili saya dan laporkan hasilnya"]);

function sheet(over: Partial<DispositionSheetInput> = {}, disposition: Partial<NonNullable<DispositionSheetInput["disposition"]>> = {}): DispositionSheetInput {
  return {
    paperSize: "A4",
    letterhead: {
      logo: { bytes: LOGO_PNG, type: "png" },
      agencyName: "Pemerintah Kabupaten Banyuwangi",
      unitName: "Dinas Komunikasi, Informatika dan Persandian",
      address: "Jalan Ahmad Yani Nomor 100, Banyuwangi 68411",
      phone: "(0333) 424523",
      email: "diskominfo@banyuwangikab.go.id",
      website: "",
    },
    letter: {
      senderAgency: "Dinas Pendidikan Provinsi Jawa Timur",
      senderName: "Kepala Dinas",
      letterNumber: "400.3/1234/101.1/2026",
      letterDate: "20 November 2026",
      receivedDate: "24 November 2026",
      agendaNumber: "SM/2026/00123",
      securityLabel: "Terbatas",
      urgencyLabel: "Segera",
      subject: "Undangan Rapat Koordinasi Transformasi Digital Pendidikan",
      summary: "Mengundang Kepala Dinas untuk rapat koordinasi di Surabaya pada 2 Desember 2026.",
    },
    disposition: {
      toPositions: ["Sekretaris", "Kepala Bidang Aplikasi Informatika"],
      instructions: INSTRUCTIONS.map((label) => ({ label, ticked: TICKED.has(label) })),
      note: "Mohon dihadiri dan dilaporkan hasilnya paling lambat tiga hari setelah rapat.",
      deadline: "5 Desember 2026",
      disposerName: "Dr. Budi Santoso, S.Kom., M.T.",
      disposerPosition: "Kepala Dinas Komunikasi, Informatika dan Persandian",
      dateLabel: "25 November 2026",
      ...disposition,
    },
    ...over,
  };
}

type Word = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };
async function wordsOf(pdf: Buffer): Promise<Word[]> {
  const { stdout } = await run("pdftotext", ["-bbox", save(pdf), "-"], { maxBuffer: 16 * 1024 * 1024 });
  const words: Word[] = [];
  stdout
    .split("<page ")
    .slice(1)
    .forEach((chunk, page) => {
      for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const text = m[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"');
        words.push({ page, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
      }
    });
  return words;
}

/** The text in reading order with all whitespace collapsed: phrases are found even where they wrap. */
async function flatText(pdf: Buffer): Promise<string> {
  const { stdout } = await run("pdftotext", [save(pdf), "-"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(/\s+/g, " ");
}

/** One page's text laid out as printed (-layout), runs of spaces collapsed; pdftotext does not join "-" line ends here. */
async function layoutText(pdf: Buffer, page = 1): Promise<string> {
  const { stdout } = await run("pdftotext", ["-layout", "-f", String(page), "-l", String(page), save(pdf), "-"], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(/[ \t]+/g, " ");
}

async function pageCount(pdf: Buffer): Promise<number> {
  const { stdout } = await run("pdfinfo", [save(pdf)]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

/** The first word of each occurrence of `phrase` (its words consecutive), optionally only right of `minX`. */
function find(words: Word[], phrase: string, minX = 0): Word[] {
  const parts = phrase.split(/\s+/);
  return words.filter((w, i) => w.xMin >= minX && parts.every((p, k) => words[i + k]?.text === p));
}

const DPI = 144;
/** Grey levels of a page rendered at 144 dpi, read at a point given in PDF points from the top left. */
async function raster(pdf: Buffer, page = 1): Promise<(x: number, y: number) => number> {
  const out = path.join(tmp, `page-${++fileNo}`);
  await run("pdftoppm", ["-r", String(DPI), "-gray", "-f", String(page), "-l", String(page), "-singlefile", save(pdf), out]);
  const pgm = fs.readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40));
  if (!header) throw new Error("unexpected pdftoppm output");
  const [width, offset] = [Number(header[1]), header[0].length];
  return (x, y) => pgm[offset + Math.round((y * DPI) / 72) * width + Math.round((x * DPI) / 72)];
}

/** Whether the checkbox before `word` is crossed: dark where its diagonals meet, at the box's centre. */
function crossed(grey: (x: number, y: number) => number, word: Word): boolean {
  const cx = word.xMin - CHECKBOX.gap - CHECKBOX.size / 2;
  const cy = (word.yMin + word.yMax) / 2;
  let darkest = 255;
  for (const dx of [-0.5, 0, 0.5]) for (const dy of [-0.5, 0, 0.5]) darkest = Math.min(darkest, grey(cx + dx, cy + dy));
  return darkest < 128;
}

/** Whether a checkbox's border is drawn before `word` (its left edge, half way down). */
function boxed(grey: (x: number, y: number) => number, word: Word): boolean {
  const left = word.xMin - CHECKBOX.gap - CHECKBOX.size;
  const cy = (word.yMin + word.yMax) / 2;
  return Math.min(grey(left - 0.5, cy), grey(left, cy), grey(left + 0.5, cy)) < 128;
}

const g = geometryFor("A4");

describe("renderDispositionSheet", () => {
  it("prints every label and value of a usual letter on one page", async () => {
    const input = sheet();
    const pdf = await renderDispositionSheet(input);
    expect(await pageCount(pdf)).toBe(1);
    const text = await flatText(pdf);
    const d = input.disposition!;
    const expected = [
      "PEMERINTAH KABUPATEN BANYUWANGI",
      "LEMBAR DISPOSISI",
      "Surat dari",
      "Nomor surat",
      "Tanggal surat",
      "Diterima tanggal",
      "Nomor agenda",
      "Sifat",
      "Hal",
      "Isi ringkas",
      "Diteruskan kepada",
      "Instruksi",
      "Catatan",
      "Batas waktu",
      "Dinas Pendidikan Provinsi Jawa Timur, Kepala Dinas",
      input.letter.letterNumber,
      input.letter.letterDate,
      input.letter.receivedDate,
      input.letter.agendaNumber,
      "Terbatas, Segera",
      input.letter.subject,
      input.letter.summary,
      ...d.toPositions,
      ...INSTRUCTIONS,
      d.note,
      d.deadline!,
      d.dateLabel,
      `${d.disposerPosition},`,
      d.disposerName,
    ];
    for (const phrase of expected) expect(text, phrase).toContain(phrase);
    expect(text).toMatch(/1\. Sekretaris 2\. Kepala Bidang Aplikasi Informatika/);
    // Short pairs side by side: "Diterima tanggal" on the line of "Surat dari", right of the middle.
    const words = await wordsOf(pdf);
    const [from] = find(words, "Surat dari");
    const [received] = find(words, "Diterima tanggal");
    expect(Math.abs(received.yMin - from.yMin)).toBeLessThan(1);
    expect(received.xMin).toBeGreaterThan(g.left + g.textWidth / 2);
  });

  it("crosses the checkboxes of the ticked instructions only", async () => {
    const pdf = await renderDispositionSheet(sheet());
    const words = await wordsOf(pdf);
    const grey = await raster(pdf);
    const seen = INSTRUCTIONS.map((label) => {
      const [first] = find(words, label, g.left + g.textWidth * 0.4);
      expect(first, label).toBeDefined();
      expect(boxed(grey, first), `box before ${label}`).toBe(true);
      return crossed(grey, first);
    });
    expect(seen).toEqual(INSTRUCTIONS.map((label) => TICKED.has(label)));
    expect(seen.filter(Boolean)).toHaveLength(3);
  });

  it("embeds Liberation Sans (regular and bold) as subsets", async () => {
    const { stdout } = await run("pdffonts", [save(await renderDispositionSheet(sheet()))]);
    const fonts = stdout.trim().split("\n").slice(2);
    expect(fonts.some((l) => /LiberationSans\b/.test(l) || /LiberationSans-Regular/.test(l))).toBe(true);
    expect(fonts.some((l) => /LiberationSans-Bold/.test(l))).toBe(true);
    // emb yes (pdf-lib names its subsets "Name-1234", which pdffonts does not count as "sub").
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it("wraps long values within their cells and continues on a second page", async () => {
    const positions = Array.from({ length: 14 }, (_, i) => `Kepala Seksi Pengelolaan Infrastruktur Teknologi Informasi Wilayah${i + 1}`);
    const sentences = Array.from({ length: 40 }, (_, i) => `Kalimat catatan nomor ${i + 1} yang panjang sekali supaya catatan ini memenuhi halaman.`);
    const note = sentences.join(" ");
    const longNumber = "400.3/1234/101.1/2026/SANGAT-PANJANG-TANPA-SPASI-SAMPAI-MELEBIHI-LEBAR-KOLOM-NYA";
    const input = sheet(
      {
        letter: {
          ...sheet().letter,
          letterNumber: longNumber,
          senderAgency: "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia",
          senderName: "Deputi Bidang Kelembagaan dan Tata Laksana",
          subject: "Permohonan data ".repeat(20).trim(),
        },
      },
      { toPositions: positions, note, instructions: [...INSTRUCTIONS, "Lain-lain: siapkan juga laporan tertulis"].map((label) => ({ label, ticked: TICKED.has(label) })) },
    );
    const pdf = await renderDispositionSheet(input);
    expect(await pageCount(pdf)).toBeGreaterThanOrEqual(2);
    const words = await wordsOf(pdf);
    const text = await flatText(pdf);
    for (const phrase of [...sentences, "Kementerian Pendayagunaan Aparatur Negara", "Deputi Bidang Kelembagaan dan Tata Laksana", "Lain-lain: siapkan juga laporan tertulis"]) expect(text).toContain(phrase);
    expect(await layoutText(pdf, 2)).toMatch(/^\s*-\s*2\s*-\s*$/m);
    // The long number is cut inside its cell; every piece of it is there, in order.
    expect(words.map((w) => w.text).join("")).toContain(longNumber);
    for (let i = 1; i <= 14; i++) expect(words.some((w) => w.text === `Wilayah${i}`)).toBe(true);

    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(g.left - 0.5);
      expect(w.xMax, w.text).toBeLessThanOrEqual(g.right + 0.5);
      expect(w.yMax, w.text).toBeLessThanOrEqual(g.bottom + 0.5);
    }
    // The positions stay in the left column of the disposition box, the instructions in the right one.
    const split = g.left + Math.round(g.textWidth * 0.44);
    for (const w of words.filter((w) => /^Wilayah\d+$/.test(w.text) || w.text === "Infrastruktur")) expect(w.xMax, w.text).toBeLessThan(split);
    for (const label of INSTRUCTIONS) expect(find(words, label).every((w) => w.xMin > split), label).toBe(true);
    // A box fills the page and continues on the next under its repeated header; the details pair whose
    // sender is long is printed one under the other on the full width.
    const wilayah = (n: number) => words.find((w) => w.text === `Wilayah${n}`)!;
    expect(wilayah(1).page).toBe(0);
    expect(wilayah(14).page).toBeGreaterThan(0);
    expect(words.filter((w) => w.text === "Diteruskan").map((w) => w.page)).toEqual([0, wilayah(14).page]);
    const received = find(words, "Diterima tanggal")[0];
    expect(received.xMin).toBeLessThan(g.left + 10);
    // The checkboxes go along with their instructions, on whichever page they land.
    const ticked = find(words, "Hadiri dan laporkan hasilnya")[0];
    expect(crossed(await raster(pdf, ticked.page + 1), ticked)).toBe(true);
  });

  it("uses F4 paper when asked", async () => {
    const { stdout } = await run("pdfinfo", [save(await renderDispositionSheet(sheet({ paperSize: "F4" })))]);
    expect(stdout).toMatch(/Page size:\s+609\.4\d* x 935\.4\d* pts/);
    expect(stdout).toMatch(/Producer:\s+Kawan/);
  });

  it("prints a blank form to fill by hand when there is no disposition yet", async () => {
    const pdf = await renderDispositionSheet(sheet({ disposition: null }));
    expect(await pageCount(pdf)).toBe(1);
    const text = await flatText(pdf);
    for (const label of ["LEMBAR DISPOSISI", "Surat dari", "Nomor agenda", "Diteruskan kepada", "Instruksi", "Catatan", "Batas waktu", "Tanggal", "Nama", "SM/2026/00123"]) expect(text).toContain(label);
    expect(text).not.toContain("Untuk diketahui");

    // With the agency's instruction list: every instruction with an empty box.
    const listed = await renderDispositionSheet(sheet({ disposition: null, blankInstructions: INSTRUCTIONS }));
    expect(await pageCount(listed)).toBe(1);
    const words = await wordsOf(listed);
    const grey = await raster(listed);
    for (const label of INSTRUCTIONS) {
      const [first] = find(words, label, g.left + g.textWidth * 0.4);
      expect(boxed(grey, first), label).toBe(true);
      expect(crossed(grey, first), label).toBe(false);
    }
  });

  it("prints empty values as a dash and survives a missing logo and characters the font lacks", async () => {
    const pdf = await renderDispositionSheet(
      sheet(
        { letterhead: { ...sheet().letterhead, logo: null }, letter: { ...sheet().letter, summary: "", agendaNumber: "" } },
        { deadline: null, note: "Segera 🚀 tindak lanjuti", toPositions: [] },
      ),
    );
    const text = await layoutText(pdf);
    expect(text).toMatch(/Nomor agenda : -\n/);
    expect(text).toMatch(/Batas waktu : -\n/);
    expect(text).toMatch(/Diteruskan kepada: Instruksi:\n\s*- Untuk diketahui/);
    expect(text).not.toContain("Isi ringkas");
    expect(text).toContain("Segera ? tindak lanjuti");
  });
});

describe("sifatLabel", () => {
  it("joins the security label and the urgency, leaving out Biasa when the other says more", () => {
    expect(sifatLabel("Biasa", "")).toBe("Biasa");
    expect(sifatLabel("Biasa", "Biasa")).toBe("Biasa");
    expect(sifatLabel("Biasa", "Segera")).toBe("Segera");
    expect(sifatLabel("Rahasia", "Biasa")).toBe("Rahasia");
    expect(sifatLabel("Rahasia", "Amat Segera")).toBe("Rahasia, Amat Segera");
    expect(sifatLabel("", "")).toBe("-");
  });
});
