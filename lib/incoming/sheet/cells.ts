import { grayscale } from "pdf-lib";
import { ASCENT, DESCENT } from "@/lib/documents/render/geometry";
import { drawLine, type DrawContext, type Item } from "@/lib/documents/render/flow";
import type { Line } from "@/lib/documents/render/lines";

// The boxes of a form: bordered cells holding a stack of entries (text lines, checkboxes, dotted lines
// to write on). A box row can be cut between entries at a page's end (see paginateForm); the header row
// (if any) is drawn again above the rest.

export const PAD_X = 5;
export const PAD_Y = 4;
const BORDER = 0.6;

/** A checkbox: a square of SIZE points, GAP points before the text it belongs to. */
export const CHECKBOX = { size: 8, gap: 5 } as const;

/** One piece of a cell's stack, `height` tall, drawn from `top` (points from the page's top). */
export type Entry = { height: number; draw(ctx: DrawContext, top: number): void };

export type Cell = { x: number; width: number; entries: Entry[] };

type Placed = { x: number; width: number; entries: { entry: Entry; offset: number }[] };

/**
 * A checkbox at `x`, centred on the x-height of the text whose baseline is at `baseline` (from the page's
 * top); ticked: crossed corner to corner (drawn, not a glyph, so it prints in any font).
 */
export function drawCheckbox(ctx: DrawContext, x: number, baseline: number, fontSize: number, ticked: boolean): void {
  const { page, geometry } = ctx;
  const s = CHECKBOX.size;
  const centre = geometry.height - (baseline - ((ASCENT - DESCENT) / 2) * fontSize);
  const y = centre - s / 2;
  page.drawRectangle({ x, y, width: s, height: s, borderWidth: 0.7, borderColor: grayscale(0) });
  if (!ticked) return;
  const inset = 1.3;
  page.drawLine({ start: { x: x + inset, y: y + inset }, end: { x: x + s - inset, y: y + s - inset }, thickness: 1, color: grayscale(0) });
  page.drawLine({ start: { x: x + inset, y: y + s - inset }, end: { x: x + s - inset, y: y + inset }, thickness: 1, color: grayscale(0) });
}

/** A text line; with `checkbox`, a box drawn at its x before the line. */
export const textEntry = (line: Line, checkbox?: { x: number; ticked: boolean; fontSize: number }): Entry => ({
  height: line.height,
  draw(ctx, top) {
    drawLine(ctx, line, top);
    if (checkbox) drawCheckbox(ctx, checkbox.x, top + line.baseline, checkbox.fontSize, checkbox.ticked);
  },
});

export const gapEntry = (height: number): Entry => ({ height, draw() {} });

/** A dotted line to write on, from x1 to x2, at the bottom of a `height` tall entry; `lead` (a "1." marker) drawn before it. */
export const ruleEntry = (x1: number, x2: number, height: number, lead?: Line): Entry => ({
  height,
  draw(ctx, top) {
    const y = ctx.geometry.height - (top + height - 3);
    if (lead) drawLine(ctx, lead, top + height - 3 - lead.baseline);
    ctx.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6, color: grayscale(0.35), dashArray: [1, 2] });
  },
});

function place(cell: Cell): Placed {
  let offset = 0;
  return {
    x: cell.x,
    width: cell.width,
    entries: cell.entries.map((entry) => {
      const placed = { entry, offset };
      offset += entry.height;
      return placed;
    }),
  };
}

const extent = (cell: Placed) => cell.entries.reduce((max, e) => Math.max(max, e.offset + e.entry.height), 0);

function rowOf(cells: Placed[], opts: { spaceBefore: number; header?: Item; keepWithNext?: boolean }): Item {
  const height = Math.max(0, ...cells.map(extent)) + 2 * PAD_Y;
  return {
    height,
    spaceBefore: opts.spaceBefore,
    header: opts.header,
    keepWithNext: opts.keepWithNext,
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
        for (const { entry, offset } of cell.entries) entry.draw(ctx, top + PAD_Y + offset);
      }
    },
    split(room) {
      const cut = room - 2 * PAD_Y;
      const first = cells.map((c) => ({ ...c, entries: c.entries.filter((e) => e.offset + e.entry.height <= cut + 0.01) }));
      if (first.every((c) => c.entries.length === 0)) return null;
      if (first.every((c, i) => c.entries.length === cells[i].entries.length)) return null;
      const rest = cells.map((c, i) => {
        const left = c.entries.slice(first[i].entries.length);
        const shift = left.length ? left[0].offset : 0;
        return { ...c, entries: left.map((e) => ({ entry: e.entry, offset: e.offset - shift })) };
      });
      return [rowOf(first, { ...opts, keepWithNext: false }), rowOf(rest, { ...opts, spaceBefore: 0 })];
    },
  };
}

/** A bordered row of cells side by side; all cells as tall as the tallest. */
export function boxRow(cells: Cell[], opts: { spaceBefore?: number; header?: Item; keepWithNext?: boolean } = {}): Item {
  return rowOf(cells.map(place), { spaceBefore: opts.spaceBefore ?? 0, header: opts.header, keepWithNext: opts.keepWithNext });
}

/** Entries stacked without a border, kept together (a signature block). */
export function stackItem(entries: Entry[], spaceBefore = 0): Item {
  const height = entries.reduce((sum, e) => sum + e.height, 0);
  return {
    height,
    spaceBefore,
    draw(ctx, top) {
      let at = top;
      for (const entry of entries) {
        entry.draw(ctx, at);
        at += entry.height;
      }
    },
  };
}
