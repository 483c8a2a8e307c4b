/**
 * Rendering an official document to PDF in-process: a Nota Dinas of exactly three pages (paragraphs, a
 * nested list and a 30-row table), the size of a typical report-like nota. The page count is asserted:
 * a layout change that moves it to two or four pages would silently change what is measured.
 */
import type { Body, Paragraph } from "@/lib/documents/content";
import { renderDocumentPdf } from "@/lib/documents/render/render-document";
import type { RenderInput } from "@/lib/documents/render/render-input";
import { cell, para as plain, renderInput } from "@/tests/support/render";
import { check, stats, time, type BenchRow } from "./stats";

// A 8 x 10 px PNG: the renderer embeds whatever logo the agency uploaded; its size is not what we measure.

const para = (...content: Parameters<typeof plain>): Paragraph => ({ ...plain(...content), align: "justify" });

const UNITS = [
  "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
  "Dinas Kesehatan",
  "Dinas Pendidikan",
  "Dinas Pekerjaan Umum dan Penataan Ruang",
  "Badan Perencanaan Pembangunan Daerah",
  "Dinas Kependudukan dan Pencatatan Sipil",
  "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
  "Badan Pengelolaan Keuangan dan Aset Daerah",
  "Dinas Sosial, Pemberdayaan Perempuan dan Keluarga Berencana",
  "Kecamatan Genteng",
];
const APPS = ["Sistem Informasi Kepegawaian", "Aplikasi Perencanaan dan Penganggaran", "Layanan Perizinan Daring", "Sistem Informasi Kesehatan Daerah", "Aplikasi Kearsipan Dinamis"];
const STATUS = ["Terintegrasi penuh", "Uji coba integrasi", "Menunggu migrasi data", "Perlu pembaruan server"];

/** The Nota Dinas body; `paragraphs` tunes the length (see PARAGRAPHS). */
export function threePageBody(paragraphs: number): Body {
  const body: Body = [
    para(
      "Menindaklanjuti ",
      { text: "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik", italic: true },
      " dan hasil evaluasi SPBE tahun berjalan, bersama ini kami sampaikan laporan perkembangan ",
      { text: "percepatan transformasi digital", bold: true },
      " di lingkungan Pemerintah Kabupaten Banyuwangi sebagai berikut:",
    ),
    {
      type: "list",
      ordered: true,
      items: [
        {
          blocks: [
            para("Penyusunan peta jalan SPBE tahun 2027 sampai dengan 2031, yang meliputi:"),
            {
              type: "list",
              ordered: true,
              items: [
                { blocks: [para("inventarisasi aplikasi yang digunakan oleh setiap perangkat daerah;")] },
                { blocks: [para("penilaian risiko keamanan informasi dan rencana penanganannya;")] },
                { blocks: [para("penyusunan arsitektur data dan interoperabilitas layanan.")] },
              ],
            },
          ],
        },
        {
          blocks: [
            para("Pelaporan berkala kepada Bupati melalui Sekretaris Daerah, dengan catatan:"),
            { type: "list", ordered: false, items: [{ blocks: [para("laporan bulanan paling lambat tanggal 5;")] }, { blocks: [para("laporan triwulan disertai rekomendasi tindak lanjut.")] }] },
          ],
        },
        { blocks: [para("Pendampingan teknis bagi operator di setiap perangkat daerah dan kecamatan.")] },
      ],
    },
    para("Adapun status integrasi aplikasi per perangkat daerah sampai dengan akhir bulan ini adalah sebagai berikut:"),
    {
      type: "table",
      rows: [
        [cell("No", true), cell("Perangkat Daerah", true), cell("Aplikasi", true), cell("Status", true)],
        ...Array.from({ length: 30 }, (_, i) => [cell(String(i + 1)), cell(UNITS[i % UNITS.length]), cell(APPS[i % APPS.length]), cell(STATUS[(i * 7) % STATUS.length])]),
      ],
    },
  ];
  for (let i = 0; i < paragraphs; i++) {
    body.push(
      para(
        "Berdasarkan hasil pemantauan, ",
        { text: UNITS[i % UNITS.length], bold: true },
        " telah melaksanakan tahapan integrasi sesuai jadwal, namun masih diperlukan dukungan anggaran pemeliharaan, penambahan kapasitas pusat data, serta peningkatan kompetensi sumber daya manusia pengelola aplikasi agar layanan kepada masyarakat tidak terganggu selama masa transisi.",
      ),
    );
  }
  body.push(para("Demikian laporan ini kami sampaikan, atas perhatian dan arahan Bapak kami ucapkan terima kasih."));
  return body;
}

/** Closing paragraphs that make the body exactly three A4 pages (0..2 do today; 1 keeps a margin either way). */
export const PARAGRAPHS = 1;

export function threePageNotaDinas(paragraphs = PARAGRAPHS): RenderInput {
  return renderInput({
    letterhead: { ...renderInput().letterhead, website: "diskominfo.banyuwangikab.go.id" },
    urgencyLabel: "Segera",
    attachmentLabel: "1 (satu) berkas",
    subject: "Laporan Perkembangan Percepatan Transformasi Digital",
    carbonCopies: ["Sekretaris Dinas Komunikasi, Informatika dan Persandian"],
    body: threePageBody(paragraphs),
    // The revision that goes to the signers: the one rendered on every "send to signers" and re-render.
    provisional: false,
  });
}

export async function benchRender(quick: boolean): Promise<BenchRow[]> {
  const input = threePageNotaDinas();
  const first = await renderDocumentPdf(input);
  check(first.pageCount === 3, `the Nota Dinas must render to exactly 3 pages, got ${first.pageCount}: adjust PARAGRAPHS in scripts/bench/render.ts`);
  const samples = await time(quick ? 10 : 50, () => renderDocumentPdf(input), 3);
  return [
    {
      group: "render",
      name: "Render a 3-page Nota Dinas (renderDocumentPdf)",
      stats: stats(samples),
      note: `A4, 30-row table, nested list; ${(first.pdf.length / 1024).toFixed(0)} KiB PDF`,
      extra: { bytes: first.pdf.length, pageCount: first.pageCount },
    },
  ];
}
