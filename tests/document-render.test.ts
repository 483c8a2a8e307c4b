import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { Body } from "@/lib/documents/content";
import { renderDocumentPdf } from "@/lib/documents/render/render-document";
import type { RenderedDocument, RenderInput } from "@/lib/documents/render/render-input";
import { BLOCK_HEIGHT, BLOCK_WIDTH } from "@/lib/signing/appearance";
import { cell, para, renderInput } from "./support/render";

// The renderer checked the way a reader's software sees its output: poppler's pdftotext, pdfinfo and pdffonts.

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-render-"));
let fileNo = 0;
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function tool(name: string, pdf: Buffer, args: string[] = []): Promise<string> {
  const file = path.join(tmp, `doc-${++fileNo}.pdf`);
  fs.writeFileSync(file, pdf);
  const { stdout } = await run(name, [...args, file, ...(name === "pdftotext" ? ["-"] : [])], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Text per page, with pdftotext -layout (rows keep their columns). */
const pagesOf = async (pdf: Buffer) => (await tool("pdftotext", pdf, ["-layout"])).split("\f");
/** The text with runs of spaces collapsed, for phrases that cross columns. */
const flat = (text: string) => text.replace(/[ \t]+/g, " ");

type Word = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };
async function wordsOf(pdf: Buffer): Promise<Word[]> {
  const html = await tool("pdftotext", pdf, ["-bbox"]);
  const words: Word[] = [];
  html.split("<page ").slice(1).forEach((chunk, page) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page, text: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return words;
}


const richBody: Body = [
  para("Dalam rangka ", { text: "percepatan transformasi digital", bold: true }, " kami sampaikan hal yang ", { text: "perlu diperhatikan", italic: true }, " dan ", { text: "dilaksanakan segera", underline: true }, "."),
  {
    type: "list",
    ordered: true,
    items: [
      {
        blocks: [
          para("Penyusunan peta jalan SPBE."),
          { type: "list", ordered: true, items: [{ blocks: [para("Inventarisasi aplikasi")] }, { blocks: [para("Penilaian risiko")] }] },
        ],
      },
      { blocks: [para("Pelaporan berkala."), { type: "list", ordered: false, items: [{ blocks: [para("butir bertanda")] }] }] },
    ],
  },
  {
    type: "table",
    rows: [
      [cell("No", true), cell("Perangkat Daerah", true), cell("Keterangan", true)],
      [cell("1"), cell("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"), cell("Hadir lengkap membawa laptop")],
      [cell("2"), cell("Dinas Kesehatan"), cell("Menyiapkan data cakupan imunisasi")],
    ],
  },
  para("Demikian untuk menjadi perhatian dan dilaksanakan."),
];

function input(over: Partial<RenderInput> = {}): RenderInput {
  return renderInput({
    urgencyLabel: "Segera",
    attachmentLabel: "1 (satu) berkas",
    subject: "Rapat Koordinasi Transformasi Digital",
    carbonCopies: ["Sekretaris Daerah", "Inspektur"],
    body: richBody,
    provisional: true,
    ...over,
  });
}

const assignment = {
  basis: ["Peraturan Bupati Banyuwangi Nomor 12 Tahun 2024", "Undangan Kementerian Komunikasi dan Digital"],
  people: [
    { name: "Wahyu Hidayat, S.Kom.", nip: "19760823 200212 1 003", grade: "Pembina (IV/a)", position: "Kepala Bidang Aplikasi Informatika" },
    { name: "Dyah Ayu Kusumawati", nip: "19800517 200604 2 011", grade: "Penata (III/c)", position: "Pranata Komputer Ahli Muda" },
  ],
  purpose: "Mengikuti Rapat Koordinasi Nasional SPBE",
  destination: "Jakarta",
  period: "1 Desember 2026 s.d. 3 Desember 2026",
};

type Case = { name: string; over: Partial<RenderInput>; expected: string[] };
const cases: Case[] = [
  {
    name: "Nota Dinas",
    over: {},
    expected: ["NOTA DINAS", "Yth. : Kepala Dinas Komunikasi", "Dari : Kepala Bidang Aplikasi Informatika", "Tembusan : 1. Sekretaris Daerah", "Hal : Rapat Koordinasi", "Sifat : Biasa, Segera"],
  },
  {
    name: "Surat Dinas",
    over: {
      internal: false,
      typeName: "Surat Dinas",
      recipients: ["Kepala Dinas Pendidikan\nJalan Letjen S. Parman 1, Banyuwangi", "Camat Genteng"],
      signers: [{ positionLabel: "Kepala Dinas Komunikasi", onBehalfOf: "a.n. Bupati Banyuwangi" }],
    },
    expected: ["Banyuwangi,", "Nomor :", "Lampiran : 1 (satu) berkas", "Hal : Rapat Koordinasi", "Yth. 1. Kepala Dinas Pendidikan", "Jalan Letjen S. Parman 1", "2. Camat Genteng", "a.n. Bupati Banyuwangi,", "Tembusan:", "1. Yth. Sekretaris Daerah", "2. Yth. Inspektur"],
  },
  {
    name: "Surat Undangan",
    over: {
      internal: false,
      typeName: "Surat Undangan",
      body: [para("Dengan hormat, kami mengundang Saudara pada:"), para("Atas perhatiannya diucapkan terima kasih.")],
      invitation: { dayDate: "Senin, 30 November 2026", time: "09.00 WIB s.d. selesai", place: "Ruang Rapat Diskominfo", agenda: "Rapat Koordinasi SPBE" },
    },
    expected: ["hari, tanggal : Senin, 30 November 2026", "pukul : 09.00 WIB", "tempat : Ruang Rapat Diskominfo", "acara : Rapat Koordinasi SPBE", "Atas perhatiannya"],
  },
  {
    name: "Surat Tugas",
    over: { layout: "judul", internal: false, typeName: "Surat Tugas", body: [para("Agar melaksanakan tugas dengan penuh tanggung jawab.")], assignment },
    expected: ["SURAT TUGAS", "NOMOR", "Dasar : 1. Peraturan Bupati", "MENUGASKAN:", "Kepada : 1. Nama : Wahyu Hidayat", "NIP : 19760823 200212 1 003", "Pangkat/Gol. : Pembina (IV/a)", "Untuk : Mengikuti Rapat", "Ditetapkan di : Banyuwangi", "pada tanggal :"],
  },
  {
    name: "Surat Perintah",
    over: { layout: "judul", internal: false, typeName: "Surat Perintah", body: [], assignment },
    expected: ["SURAT PERINTAH", "MEMERINTAHKAN:", "Jabatan : Pranata Komputer Ahli Muda", "Waktu : 1 Desember 2026"],
  },
  {
    name: "Surat Edaran",
    over: { layout: "judul", internal: false, typeName: "Surat Edaran", subject: "Penggunaan Tanda Tangan Elektronik" },
    expected: ["SURAT EDARAN", "TENTANG", "PENGGUNAAN TANDA TANGAN ELEKTRONIK", "Ditetapkan di : Banyuwangi"],
  },
];

const bodyWords = ["percepatan", "diperhatikan", "Inventarisasi", "Perangkat Daerah", "Badan Kepegawaian", "imunisasi", "Demikian untuk"];
const kopLines = ["PEMERINTAH KABUPATEN BANYUWANGI", "DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN", "Jalan Ahmad Yani Nomor 100", "Telepon (0333) 424523, Pos-el diskominfo@banyuwangikab.go.id"];

async function checkPlacements(rendered: RenderedDocument, doc: RenderInput, pageSize: { width: number; height: number }) {
  const words = await wordsOf(rendered.pdf);
  rendered.signaturePlacements.forEach((p, i) => {
    expect(p.pageIndex).toBeGreaterThanOrEqual(0);
    expect(p.pageIndex).toBeLessThan(rendered.pageCount);
    const left = p.x * pageSize.width;
    const top = p.y * pageSize.height;
    // Inside the page, clear of the 28 pt that prepareSignature keeps free (so it does not move the block).
    expect(left).toBeGreaterThanOrEqual(28);
    expect(left + BLOCK_WIDTH).toBeLessThanOrEqual(pageSize.width - 28 + 0.01);
    expect(top).toBeGreaterThanOrEqual(28);
    expect(top + BLOCK_HEIGHT).toBeLessThanOrEqual(pageSize.height - 28 + 0.01);
    // Nothing but the preview's own note inside the reserved box, and body text above it on its page.
    const own = new Set(["Tanda", "tangan", "elektronik", ...doc.signers[i].positionLabel.split(" ")]);
    const onPage = words.filter((w) => w.page === p.pageIndex);
    const inside = onPage.filter((w) => w.xMax > left && w.xMin < left + BLOCK_WIDTH && w.yMax > top && w.yMin < top + BLOCK_HEIGHT);
    expect(inside.filter((w) => !own.has(w.text)).map((w) => w.text)).toEqual([]);
    expect(onPage.filter((w) => w.yMax <= top && w.text !== "KONSEP").length).toBeGreaterThan(0);
  });
  const lastBodyWord = words.filter((w) => w.text === "dilaksanakan." || w.text === "terima" || w.text === "jawab.").pop();
  const first = rendered.signaturePlacements[0];
  if (lastBodyWord && first) {
    expect(first.pageIndex).toBeGreaterThanOrEqual(lastBodyWord.page);
    if (first.pageIndex === lastBodyWord.page) expect(first.y * pageSize.height).toBeGreaterThan(lastBodyWord.yMax);
  }
}

describe("renderDocumentPdf: each layout in A4 and F4, checked with poppler", () => {
  for (const paperSize of ["A4", "F4"] as const) {
    for (const c of cases) {
      it(`${c.name} (${paperSize})`, async () => {
        const doc = input({ ...c.over, paperSize });
        const rendered = await renderDocumentPdf(doc);
        const text = flat((await pagesOf(rendered.pdf)).join("\n"));
        for (const line of [...kopLines, ...c.expected]) expect(text, line).toContain(line);
        expect(text).not.toContain("Laman"); // an empty website is skipped, not printed as "Laman "
        if (c.over.body === undefined) for (const word of bodyWords) expect(text, word).toContain(word);
        if (c.over.body === undefined) expect(text).toMatch(/1\. Penyusunan[\s\S]*a\. Inventarisasi[\s\S]*b\. Penilaian[\s\S]*2\. Pelaporan[\s\S]*– butir bertanda/);

        // Provisional: the KONSEP mark and the grey notes where the number and date will go.
        expect(text).toContain("KONSEP");
        expect(text).toContain("(nomor diberikan setelah ditandatangani)");
        expect(text).toContain("(tanggal penandatanganan)");
        expect(text).toContain("Tanda tangan elektronik");

        const info = await tool("pdfinfo", rendered.pdf);
        const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map(Number);
        const expectedSize = paperSize === "A4" ? [595.28, 841.89] : [609.45, 935.43];
        expect(size[0]).toBeCloseTo(expectedSize[0], 1);
        expect(size[1]).toBeCloseTo(expectedSize[1], 1);
        expect(info).toMatch(/Title:\s+Rapat Koordinasi Transformasi Digital|Title:\s+Penggunaan Tanda Tangan Elektronik/);
        expect(info).toMatch(/Producer:\s+Kawan/);
        expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(rendered.pageCount);

        const fonts = (await tool("pdffonts", rendered.pdf)).split("\n").slice(2).filter(Boolean);
        expect(fonts.length).toBeGreaterThanOrEqual(2);
        for (const row of fonts) expect(row, row).toMatch(/LiberationSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+/);

        expect(rendered.signaturePlacements).toHaveLength(1);
        await checkPlacements(rendered, doc, { width: size[0], height: size[1] });
        for (const slot of [rendered.numberSlot, rendered.dateSlot]) {
          expect(slot.fontSize).toBe(12);
          expect(slot.maxWidth).toBeGreaterThan(100);
          expect(slot.x).toBeGreaterThan(0);
          expect(slot.y).toBeGreaterThan(0);
          expect(slot.y).toBeLessThan(size[1]);
        }
      });
    }
  }

  it("the revision for signing: no KONSEP, no notes, empty number and date places; given values print", async () => {
    for (const c of cases) {
      const signing = await renderDocumentPdf(input({ ...c.over, provisional: false }));
      const text = flat((await pagesOf(signing.pdf)).join("\n"));
      expect(text).not.toContain("KONSEP");
      expect(text).not.toContain("(nomor diberikan");
      expect(text).not.toContain("(tanggal penandatanganan)");
      expect(text).not.toContain("Tanda tangan elektronik");

      const final = await renderDocumentPdf(input({ ...c.over, provisional: false, number: "000.1/12/DISKOMINFO/2026", dateLabel: "28 November 2026" }));
      const finalText = flat((await pagesOf(final.pdf)).join("\n"));
      expect(finalText).toContain(c.over.layout === "judul" ? "NOMOR 000.1/12/DISKOMINFO/2026" : "Nomor : 000.1/12/DISKOMINFO/2026");
      expect(finalText).toContain("28 November 2026");
      // The slots stay where the renderer printed the values.
      expect(final.numberSlot.pageIndex).toBe(signing.numberSlot.pageIndex);
      expect(final.numberSlot.y).toBeCloseTo(signing.numberSlot.y, 3);
      expect(final.dateSlot.x).toBeCloseTo(signing.dateSlot.x, 3);
    }
  });
});

describe("long documents", () => {
  const line = (n: number) => para(`Baris ke-${n} dari isi naskah yang cukup panjang untuk mengisi satu baris penuh di halaman surat dinas resmi.`);
  const longBody = (paragraphs: number): Body => Array.from({ length: paragraphs }, (_, i) => line(i + 1));

  it("paginates a 3-page body with page numbers from page 2, fast", async () => {
    await renderDocumentPdf(input({ body: longBody(5) })); // warm the font caches, as a running server has them
    const started = performance.now();
    const rendered = await renderDocumentPdf(input({ body: longBody(70), carbonCopies: [] }));
    const elapsed = performance.now() - started;
    expect(rendered.pageCount).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeLessThan(500);
    const pages = await pagesOf(rendered.pdf);
    expect(pages[0]).not.toMatch(/-\s*1\s*-/);
    for (let i = 1; i < rendered.pageCount; i++) {
      const head = pages[i].split("\n").filter((l) => l.trim()).slice(0, 2).join(" ").trim(); // the KONSEP mark, then the number
      expect(head).toMatch(new RegExp(`^(KONSEP\\s+)?-\\s*${i + 1}\\s*-`));
      expect(pages[i]).not.toContain("PEMERINTAH KABUPATEN"); // the kop is on the first page only
    }
    const all = flat(pages.join("\n"));
    for (let n = 1; n <= 70; n++) expect(all).toContain(`Baris ke-${n} dari`);
    expect(rendered.signaturePlacements[0].pageIndex).toBe(rendered.pageCount - 1);
  });

  it("never leaves a signature place alone at the top of a page", async () => {
    const pageSize = { width: 595.28, height: 841.89 };
    for (let n = 30; n <= 52; n += 2) {
      const rendered = await renderDocumentPdf(input({ body: longBody(n), carbonCopies: [] }));
      const place = rendered.signaturePlacements[0];
      const words = await wordsOf(rendered.pdf);
      const top = place.y * pageSize.height;
      const before = words.filter((w) => w.page === place.pageIndex && w.yMax <= top && w.text === "Baris");
      expect(before.length, `${n} paragraphs`).toBeGreaterThanOrEqual(1);
      expect(top + BLOCK_HEIGHT).toBeLessThanOrEqual(pageSize.height - 56);
    }
  });

  it("splits a long table by whole rows and repeats its header row", async () => {
    const rows = [[cell("No", true), cell("Nama Aplikasi", true), cell("Perangkat Daerah", true)]];
    for (let i = 1; i <= 70; i++) rows.push([cell(String(i)), cell(`Aplikasi ${i}`), cell(i % 3 ? "Dinas Kesehatan" : "Badan Pendapatan Daerah Kabupaten Banyuwangi")]);
    const rendered = await renderDocumentPdf(input({ body: [para("Daftar aplikasi:"), { type: "table", rows }] }));
    expect(rendered.pageCount).toBeGreaterThanOrEqual(2);
    const pages = await pagesOf(rendered.pdf);
    for (let i = 0; i < rendered.pageCount; i++) if (/Aplikasi \d/.test(pages[i])) expect(pages[i]).toContain("Nama Aplikasi");
    const words = await wordsOf(rendered.pdf);
    // Every row is whole on one page: its number and its name are on the same page.
    for (let i = 1; i <= 70; i++) {
      const name = words.filter((w) => w.text === String(i) && words.some((v) => v.page === w.page && v.text === "Aplikasi"));
      expect(name.length, `row ${i}`).toBeGreaterThan(0);
    }
  });
});

describe("robustness", () => {
  it("prints characters the font lacks as ? and never throws", async () => {
    const rendered = await renderDocumentPdf(
      input({ subject: "Uji 中文 ✓", body: [para("Emoji 🙂 dan aksara ꦗꦮ serta ", { text: "tebal miring", bold: true, italic: true }, " \u200b selesai")] }),
    );
    const text = flat((await pagesOf(rendered.pdf)).join("\n"));
    expect(text).toContain("Uji ?? ?");
    expect(text).toContain("Emoji ? dan aksara ?? serta tebal miring selesai");
    const fonts = await tool("pdffonts", rendered.pdf);
    expect(fonts).toContain("LiberationSans-BoldItalic");
  });

  it("survives a broken logo, an empty body, no signers and very long words", async () => {
    const rendered = await renderDocumentPdf(
      input({
        letterhead: { ...input().letterhead, logo: { bytes: Buffer.from("not a png"), type: "png" }, unitName: null },
        body: [para("https://contoh.banyuwangikab.go.id/" + "x".repeat(300))],
        signers: [],
        recipients: [],
      }),
    );
    expect(rendered.pageCount).toBe(1);
    expect(rendered.signaturePlacements).toEqual([]);
    expect(flat((await pagesOf(rendered.pdf)).join("\n"))).toContain("PEMERINTAH KABUPATEN BANYUWANGI");
  });

  it("stacks several signers in order, each with its a.n. line", async () => {
    const rendered = await renderDocumentPdf(
      input({
        signers: [
          { positionLabel: "Kepala Bidang", onBehalfOf: null },
          { positionLabel: "Sekretaris Daerah", onBehalfOf: "a.n. Bupati Banyuwangi" },
        ],
      }),
    );
    const [a, b] = rendered.signaturePlacements;
    expect(b.pageIndex > a.pageIndex || (b.pageIndex === a.pageIndex && b.y * 841.89 >= a.y * 841.89 + BLOCK_HEIGHT)).toBe(true);
    expect(flat((await pagesOf(rendered.pdf)).join("\n"))).toContain("a.n. Bupati Banyuwangi,");
  });
});
