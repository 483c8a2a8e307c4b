import {
  beginText,
  endText,
  fill,
  lineTo,
  moveTo,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import { embedFonts, type FontKey, type Fonts } from "@/lib/documents/render/fonts";
import { translator, type Translate } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { recapColumns, recapLegend, type RecapColumn } from "./export-layout";
import { monthLabel } from "./month";
import type { MonthlyRecap } from "./monthly-recap";

// The recap as a printable PDF: landscape A4, Liberation Sans embedded (the naskah renderer's fonts, so every
// Indonesian name prints), the table's header repeated on every page, cells wrapping rather than overflowing, the
// PP 94/2021 step in words with a tint, and "Halaman n dari N" on each page. Each page's drawing is collected as
// raw operators and written once: pdf-lib's drawText adds a font resource per call, which makes a 2,000-row recap
// take a quarter of a minute instead of about a second.

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 24;
const FOOTER = 18;
const BODY_SIZE = 7;
const HEAD_SIZE = 6.5;
const LINE = 1.22;
const PAD = 2;
type Rgb = readonly [number, number, number];
const GRID: Rgb = [0.58, 0.64, 0.72];
const HEAD_FILL: Rgb = [0.89, 0.91, 0.94];
const WARN_FILL: Rgb = [1, 0.95, 0.78];
const INK: Rgb = [0.06, 0.09, 0.16];
const MUTED: Rgb = [0.28, 0.33, 0.41];

type Cell = { lines: string[]; font: FontKey; align: "left" | "right" | "center" };

/** Greedy word wrap to `width`; a word longer than the width is broken between characters. */
function wrap(fonts: Fonts, key: FontKey, text: string, size: number, width: number): string[] {
  const clean = fonts.clean(key, text);
  const lines: string[] = [];
  for (const paragraph of clean.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fonts.width(key, candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (fonts.width(key, rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && fonts.width(key, rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines.length ? lines : [""];
}

/** One page's drawing: cell fills under the grid under the text, written as three operator runs. */
class PageCanvas {
  private fills: PDFOperator[] = [];
  private grid: PDFOperator[] = [];
  private text: PDFOperator[] = [];
  private names = new Map<FontKey, PDFName>();
  private font: PDFName | null = null;
  private size = 0;
  private color: Rgb | null = null;

  constructor(
    readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {}

  rect(x: number, y: number, width: number, height: number, color: Rgb): void {
    this.fills.push(setFillingRgbColor(...color), rectangle(x, y, width, height), fill());
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.grid.push(moveTo(x1, y1), lineTo(x2, y2));
  }

  /** Text with its top at `top` (the baseline one font size below). */
  write(text: string, x: number, top: number, key: FontKey, size: number, color: Rgb = INK): void {
    if (!text.trim()) return;
    let name = this.names.get(key);
    if (!name) {
      const font = this.fonts.font(key);
      this.names.set(key, (name = this.page.node.newFontDictionary(font.name, font.ref)));
    }
    if (name !== this.font || size !== this.size) this.text.push(setFontAndSize((this.font = name), (this.size = size)));
    if (color !== this.color) this.text.push(setFillingRgbColor(...(this.color = color)));
    this.text.push(setTextMatrix(1, 0, 0, 1, x, top - size), showText(this.fonts.encode(key, text)));
  }

  flush(): void {
    const ops: PDFOperator[] = [pushGraphicsState(), ...this.fills, setStrokingRgbColor(...GRID), setLineWidth(0.4), ...this.grid];
    if (this.grid.length) ops.push(stroke());
    ops.push(popGraphicsState());
    if (this.text.length) ops.push(pushGraphicsState(), beginText(), ...this.text, endText(), popGraphicsState());
    this.page.pushOperators(...ops);
  }
}

export async function recapPdf(recap: MonthlyRecap, t: Translate = translator("id"), locale: "id" | "en" = "id", timeZone = "Asia/Jakarta"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const month = monthLabel(recap.month, locale);
  const title = t("rekap.export.title", { unit: recap.unit.name, month });
  doc.setTitle(title);
  doc.setAuthor(recap.agencyName);
  doc.setCreator("Kawan");
  doc.setProducer("Kawan");
  doc.setCreationDate(recap.generatedAt);
  const fonts = await embedFonts(doc, ["regular", "bold"]);

  const columns = fitColumns(recapColumns(recap, t), PAGE.width - 2 * MARGIN);
  const lefts = columns.reduce<number[]>((xs, c, i) => [...xs, i === 0 ? MARGIN : xs[i - 1] + columns[i - 1].pdfWidth], []);
  const right = MARGIN + columns.reduce((s, c) => s + c.pdfWidth, 0);
  const bodyAlign = (c: RecapColumn): Cell["align"] => (c.kind === "text" && c.key !== "no" ? "left" : "right");
  const layoutRow = (values: (string | number | null)[], font: FontKey, size: number, header = false): Cell[] =>
    columns.map((c, i) => ({
      lines: wrap(fonts, font, header ? String(values[i]) : format(values[i], c, locale), size, c.pdfWidth - 2 * PAD),
      font,
      align: header ? (c.kind === "text" ? "left" : "center") : bodyAlign(c),
    }));
  const rowHeight = (cells: Cell[], size: number) => Math.max(...cells.map((c) => c.lines.length)) * size * LINE + 2 * PAD;
  const header = layoutRow(
    columns.map((c) => c.shortHeader),
    "bold",
    HEAD_SIZE,
    true,
  );

  let canvas!: PageCanvas;
  let y = 0;
  let tableTop = 0;
  const bottom = MARGIN + FOOTER;

  const drawRow = (cells: Cell[], size: number, tint?: { color: Rgb; column?: number }) => {
    const height = rowHeight(cells, size);
    cells.forEach((cell, i) => {
      const x = lefts[i];
      const width = columns[i].pdfWidth;
      if (tint && (tint.column === undefined || tint.column === i)) canvas.rect(x, y - height, width, height, tint.color);
      cell.lines.forEach((line, n) => {
        const w = fonts.width(cell.font, line, size);
        const tx = cell.align === "right" ? x + width - PAD - w : cell.align === "center" ? x + (width - w) / 2 : x + PAD;
        canvas.write(line, tx, y - PAD - n * size * LINE, cell.font, size);
      });
    });
    y -= height;
    canvas.line(MARGIN, y, right, y);
  };
  /** The vertical rules of the table part on this page, drawn once it is known how far down it goes. */
  const closeTable = () => {
    for (const x of [...lefts, right]) canvas.line(x, tableTop, x, y);
  };
  const startPage = (first: boolean) => {
    canvas = new PageCanvas(doc.addPage([PAGE.width, PAGE.height]), fonts);
    y = PAGE.height - MARGIN;
    if (first) {
      canvas.write(fonts.clean("bold", recap.agencyName), MARGIN, y, "bold", 11);
      y -= 15;
      canvas.write(fonts.clean("bold", title), MARGIN, y, "bold", 10);
      y -= 14;
      const counted = recap.countedThrough ? t("rekap.countedThrough", { date: formatLocalDate(recap.countedThrough, locale) }) : t("rekap.nothingCounted");
      const generated = t("rekap.export.generated", { at: formatDateTime(recap.generatedAt, locale, timeZone) });
      canvas.write(fonts.clean("regular", `${counted} · ${generated}`), MARGIN, y, "regular", 8, MUTED);
      y -= 14;
    } else {
      canvas.write(fonts.clean("regular", `${recap.agencyName} · ${title}`), MARGIN, y, "regular", 8, MUTED);
      y -= 12;
    }
    tableTop = y;
    canvas.line(MARGIN, y, right, y);
    drawRow(header, HEAD_SIZE, { color: HEAD_FILL });
  };
  const nextPage = () => {
    closeTable();
    canvas.flush();
    startPage(false);
  };

  startPage(true);
  const standing = columns.findIndex((c) => c.key === "standing");
  recap.rows.forEach((row, index) => {
    const cells = layoutRow(
      columns.map((c) => c.value(row, index)),
      "regular",
      BODY_SIZE,
    );
    if (y - rowHeight(cells, BODY_SIZE) < bottom) nextPage();
    const highlighted = row.standing.level > 0 || row.standing.nearNext;
    if (highlighted && standing >= 0) cells[standing] = { ...cells[standing], font: "bold", lines: wrap(fonts, "bold", String(columns[standing].value(row, index)), BODY_SIZE, columns[standing].pdfWidth - 2 * PAD) };
    drawRow(cells, BODY_SIZE, highlighted ? { color: WARN_FILL, column: standing } : undefined);
  });
  const totals = layoutRow(
    columns.map((c) => c.total(recap.totals)),
    "bold",
    BODY_SIZE,
  );
  if (y - rowHeight(totals, BODY_SIZE) < bottom) nextPage();
  drawRow(totals, BODY_SIZE, { color: HEAD_FILL });
  closeTable();

  y -= 8;
  for (const text of recapLegend(t)) {
    const lines = wrap(fonts, "regular", text, 7, PAGE.width - 2 * MARGIN);
    if (y - lines.length * 7 * LINE < bottom) {
      canvas.flush();
      canvas = new PageCanvas(doc.addPage([PAGE.width, PAGE.height]), fonts);
      y = PAGE.height - MARGIN;
    }
    for (const line of lines) {
      canvas.write(line, MARGIN, y, "regular", 7, MUTED);
      y -= 7 * LINE;
    }
  }
  canvas.flush();

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = new PageCanvas(page, fonts);
    const label = fonts.clean("regular", t("rekap.export.page", { page: i + 1, pages: pages.length }));
    footer.write(label, PAGE.width - MARGIN - fonts.width("regular", label, 8), MARGIN + 8, "regular", 8, MUTED);
    footer.flush();
  });
  return doc.save();
}

/** Columns scaled to the printable width, so a change in one width never pushes the table off the page. */
function fitColumns(columns: RecapColumn[], width: number): RecapColumn[] {
  const scale = width / columns.reduce((s, c) => s + c.pdfWidth, 0);
  return columns.map((c) => ({ ...c, pdfWidth: c.pdfWidth * scale }));
}

const percentFormats = new Map<string, Intl.NumberFormat>();

function format(value: string | number | null, column: RecapColumn, locale: "id" | "en"): string {
  if (value === null) return "";
  if (column.kind !== "percent") return String(value);
  let formatter = percentFormats.get(locale);
  if (!formatter) percentFormats.set(locale, (formatter = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 2 })));
  return `${formatter.format(Number(value))} %`;
}
