import type { Fonts } from "./fonts";
import { BODY_SIZE } from "./geometry";
import { emptyLine, layoutRuns, type Align, type Line, type Run } from "./lines";
import { numberedLines } from "./markers";
import { lineItem, type LineItem } from "./flow";

// "Label : value" rows (Nomor / Sifat / Lampiran / Hal, Dasar / Kepada / Untuk...): the labels in one
// column, the colons aligned, and each value wrapping within its own column.

/** Lays out a row's value within [x, x + width]. */
export type RowValue = (x: number, width: number) => Line[];
export type Row = { label: string; value: RowValue; spaceBefore?: number };

export const textValue =
  (runs: Run[], fonts: Fonts, align: Align = "left"): RowValue =>
  (x, width) =>
    layoutRuns(runs, fonts, { x, width, align });

/** Several entries numbered "1." "2."…, one entry plain. */
export const listValue =
  (entries: Run[][], fonts: Fonts): RowValue =>
  (x, width) =>
    entries.length ? numberedLines(entries, fonts, x, width).flat() : [emptyLine()];

export type RowOptions = { x: number; width: number; labelWidth?: number; size?: number };

/** The width the label column needs for these labels. */
export const labelColumn = (labels: string[], fonts: Fonts, size = BODY_SIZE) => Math.max(...labels.map((l) => fonts.width("regular", fonts.clean("regular", l), size))) + 8;

/** The rows' lines, label and colon on each row's first line. */
export function rowLines(rows: Row[], fonts: Fonts, opts: RowOptions): Line[][] {
  const size = opts.size ?? BODY_SIZE;
  const labelWidth = opts.labelWidth ?? labelColumn(rows.map((r) => r.label), fonts, size);
  const colonX = opts.x + labelWidth;
  const valueX = colonX + fonts.width("regular", ":", size) + 6;
  const valueWidth = opts.x + opts.width - valueX;
  return rows.map((row) => {
    const lines = row.value(valueX, valueWidth);
    if (!lines.length) lines.push(emptyLine(size));
    lines[0].fragments.unshift({ x: opts.x, text: fonts.clean("regular", row.label), font: "regular", size }, { x: colonX, text: ":", font: "regular", size });
    return lines;
  });
}

/** Rows as flow items: a row's lines stay together where they can. */
export function rowItems(rows: Row[], fonts: Fonts, opts: RowOptions): LineItem[] {
  return rowLines(rows, fonts, opts).flatMap((lines, r) => lines.map((line, i) => lineItem(line, i === 0 ? (rows[r].spaceBefore ?? 0) : 0, i < lines.length - 1)));
}
