import { grayscale } from "pdf-lib";
import type { Table, TableCell } from "../content";
import type { Fonts } from "./fonts";
import { layoutRuns, measureRuns, runsOf, type Line } from "./lines";
import { drawLine, type Item } from "./flow";

// Simple bordered tables: column widths follow the content (never below the longest word where the page
// allows), cells wrap, a header row prints bold and is repeated on each page the table continues on;
// rows move to the next page whole (only a row taller than a page is cut).

const PAD_X = 4;
const PAD_Y = 3;
const CELL_PARAGRAPH_GAP = 2;
const BORDER = 0.6;

type CellLayout = { x: number; width: number; lines: { line: Line; offset: number }[] };

const cellRuns = (cell: TableCell) => cell.paragraphs.map((p) => runsOf(p, { bold: cell.header }));
const extent = (cell: CellLayout) => cell.lines.reduce((max, l) => Math.max(max, l.offset + l.line.height), 0);

/** Column widths: natural widths when they fit, else each column's minimum plus a share of the rest. */
function columnWidths(rows: TableCell[][], columns: number, fonts: Fonts, width: number): number[] {
  const min = Array<number>(columns).fill(2 * PAD_X + 12);
  const max = Array<number>(columns).fill(2 * PAD_X + 12);
  for (const row of rows)
    row.forEach((cell, c) => {
      for (const runs of cellRuns(cell)) {
        const m = measureRuns(runs, fonts);
        min[c] = Math.max(min[c], m.min + 2 * PAD_X);
        max[c] = Math.max(max[c], m.max + 2 * PAD_X);
      }
    });
  // A long unbreakable word (a URL) must not take the table: no column claims more than an equal share
  // as its minimum; such a word is cut inside its cell instead.
  for (let c = 0; c < columns; c++) min[c] = Math.min(min[c], width / columns);
  const sum = (a: number[]) => a.reduce((s, n) => s + n, 0);
  const sumMax = sum(max);
  const sumMin = sum(min);
  if (sumMax <= width) return max.map((m) => m + ((width - sumMax) * m) / sumMax);
  if (sumMin <= width) {
    const slack = sumMax - sumMin;
    return min.map((m, c) => m + ((width - sumMin) * (max[c] - m)) / slack);
  }
  return min.map((m) => (m * width) / sumMin); // long words will be cut inside their cells
}

function layoutCell(cell: TableCell, fonts: Fonts, x: number, width: number): CellLayout {
  const lines: CellLayout["lines"] = [];
  let offset = 0;
  cellRuns(cell).forEach((runs, i) => {
    if (i > 0) offset += CELL_PARAGRAPH_GAP;
    for (const line of layoutRuns(runs, fonts, { x: x + PAD_X, width: width - 2 * PAD_X })) {
      lines.push({ line, offset });
      offset += line.height;
    }
  });
  return { x, width, lines };
}

function rowItem(cells: CellLayout[], spaceBefore: number, header?: Item): Item {
  const height = Math.max(...cells.map(extent)) + 2 * PAD_Y;
  return {
    height,
    spaceBefore,
    header,
    keepWithNext: false,
    draw(ctx, top) {
      for (const cell of cells) {
        ctx.page.drawRectangle({
          x: cell.x,
          y: ctx.geometry.height - top - height,
          width: cell.width,
          height,
          borderWidth: BORDER,
          borderColor: grayscale(0),
        });
        for (const { line, offset } of cell.lines) drawLine(ctx, line, top + PAD_Y + offset);
      }
    },
    split(room) {
      const cut = room - 2 * PAD_Y;
      const first = cells.map((c) => ({ ...c, lines: c.lines.filter((l) => l.offset + l.line.height <= cut + 0.01) }));
      if (first.every((c) => c.lines.length === 0)) return null;
      const rest = cells.map((c, i) => {
        const left = c.lines.slice(first[i].lines.length);
        const shift = left.length ? left[0].offset : 0;
        return { ...c, lines: left.map((l) => ({ line: l.line, offset: l.offset - shift })) };
      });
      return [rowItem(first, spaceBefore, header), rowItem(rest, 0, header)];
    },
  };
}

/** The table's rows as flow items within [x, x + width]. */
export function tableItems(table: Table, fonts: Fonts, x: number, width: number, spaceBefore: number): Item[] {
  const columns = Math.max(1, ...table.rows.map((r) => r.length));
  const rows = table.rows.map((r) => [...r, ...Array.from({ length: columns - r.length }, (): TableCell => ({ paragraphs: [[]] }))]);
  const widths = columnWidths(rows, columns, fonts, width);
  const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((s, w) => s + w, 0));
  const layouts = rows.map((row) => row.map((cell, c) => layoutCell(cell, fonts, lefts[c], widths[c])));

  const hasHeader = rows.length > 1 && rows[0].every((cell) => cell.header);
  const headerItem = hasHeader ? { ...rowItem(layouts[0], spaceBefore), keepWithNext: true } : undefined;
  return layouts.map((cells, r) => {
    if (r === 0 && headerItem) return headerItem;
    return rowItem(cells, r === 0 ? spaceBefore : 0, headerItem && { ...headerItem, spaceBefore: 0 });
  });
}
