import {
  beginText,
  endText,
  grayscale,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFName,
  type PDFOperator,
  type PDFPage,
} from "pdf-lib";
import type { TextSlot } from "./render-input";
import type { FontKey, Fonts } from "./fonts";
import type { Geometry } from "./geometry";
import type { Line, LineSlot } from "./lines";

// Pagination: the document is a list of vertical items (a text line, a table row, a signature place),
// laid out first and then placed page by page, so an item can be kept with the ones after it.

export type Placement = { pageIndex: number; x: number; y: number };

/** What drawing reports back: the stamp slots and the signature places, in document order. */
export type Sink = {
  slot(kind: LineSlot["kind"], slot: TextSlot & Pick<LineSlot, "align" | "prefix">): void;
  signature(placement: Placement): void;
};

export type DrawContext = {
  page: PDFPage;
  pageIndex: number;
  geometry: Geometry;
  fonts: Fonts;
  sink: Sink;
  /** The page's resource name for a font, registered once per page. */
  fontName(key: FontKey): PDFName;
};

/**
 * A page's drawing context. Text goes through our own operators: pdf-lib's drawText adds a new font
 * resource entry on every call (thousands per letter, and quadratic time to find a free name).
 */
export function pageContext(page: PDFPage, pageIndex: number, geometry: Geometry, fonts: Fonts, sink: Sink): DrawContext {
  const names = new Map<FontKey, PDFName>();
  return {
    page,
    pageIndex,
    geometry,
    fonts,
    sink,
    fontName(key) {
      const font = fonts.font(key);
      let name = names.get(key);
      if (!name) names.set(key, (name = page.node.newFontDictionary(font.name, font.ref)));
      return name;
    },
  };
}

export type Item = {
  height: number;
  /** Space above the item, dropped at the top of a page. */
  spaceBefore: number;
  /** Move to the next page together with the following item(s) rather than be left alone at a page end. */
  keepWithNext?: boolean;
  /** Drawn again above this item when it starts a page (a table's header row). */
  header?: Item;
  /** For an item taller than a page: the part that fits in `room` and the rest, or null when nothing fits. */
  split?: (room: number) => [Item, Item] | null;
  draw(ctx: DrawContext, top: number): void;
};

export type LineItem = Item & { line: Line };

export function drawLine(ctx: DrawContext, line: Line, top: number): void {
  const { page, fonts, geometry } = ctx;
  const y = geometry.height - (top + line.baseline);
  const ops: PDFOperator[] = [];
  let font: PDFName | null = null;
  let size = 0;
  let gray = 0;
  let at = { x: 0, y: 0 };
  for (const f of line.fragments) {
    if (!f.text.trim()) continue;
    const name = ctx.fontName(f.font);
    if (name !== font || f.size !== size) ops.push(setFontAndSize((font = name), (size = f.size)));
    if ((f.gray ?? 0) !== gray) ops.push(setFillingGrayscaleColor((gray = f.gray ?? 0)));
    ops.push(moveText(f.x - at.x, y - at.y), showText(fonts.encode(f.font, f.text)));
    at = { x: f.x, y };
  }
  if (ops.length) page.pushOperators(pushGraphicsState(), setFillingGrayscaleColor(0), beginText(), ...ops, endText(), popGraphicsState());
  for (const u of line.underlines ?? []) {
    // Liberation Sans' own underline position and thickness (post table): -0.106 em, 0.073 em.
    const uy = y - 0.106 * u.size;
    page.drawLine({ start: { x: u.x1, y: uy }, end: { x: u.x2, y: uy }, thickness: 0.073 * u.size, color: grayscale(0) });
  }
  for (const s of line.slots ?? []) {
    ctx.sink.slot(s.kind, { pageIndex: ctx.pageIndex, x: s.x, y, fontSize: 12, maxWidth: s.maxWidth, align: s.align, prefix: s.prefix });
  }
}

export const lineItem = (line: Line, spaceBefore = 0, keepWithNext = false): LineItem => ({
  line,
  height: line.height,
  spaceBefore,
  keepWithNext,
  draw: (ctx, top) => drawLine(ctx, line, top),
});

/** Lines of one paragraph as items; the first two and the last two lines stay together (no orphans, no widows). */
export function paragraphItems(lines: Line[], spaceBefore: number): LineItem[] {
  return lines.map((line, i) => lineItem(line, i === 0 ? spaceBefore : 0, lines.length > 1 && (i === 0 || i === lines.length - 2)));
}

function chainHeight(items: Item[], i: number): number {
  let height = items[i].height;
  for (let j = i; items[j].keepWithNext && j + 1 < items.length; j++) height += items[j + 1].spaceBefore + items[j + 1].height;
  return height;
}

export type PageStart = { ctx: DrawContext; top: number };

const EPS = 0.01;

/** Places the items, starting new pages through `newPage`; returns the number of pages used. */
export function paginate(items: Item[], newPage: (index: number) => PageStart): number {
  const queue = [...items];
  let index = 0;
  let { ctx, top: cursor } = newPage(0);
  // Items placed on the current page; a repeated table header does not count, so the row after it stays.
  let placed = 0;
  for (let i = 0; i < queue.length; ) {
    const item = queue[i];
    const { bottom, top } = ctx.geometry;
    const freshRoom = bottom - top;
    const gap = placed === 0 ? 0 : item.spaceBefore;
    const room = bottom - cursor - gap;
    if (item.height > room + EPS && item.split && (placed === 0 || item.height > freshRoom)) {
      // Taller than the room left and than a whole page (a huge table row): cut it here.
      const parts = item.split(room);
      if (parts) {
        queue.splice(i, 1, ...parts);
        continue;
      }
    }
    const chain = item.keepWithNext ? chainHeight(queue, i) : item.height;
    if (placed > 0 && (item.height > room + EPS || (chain > room + EPS && chain <= freshRoom))) {
      index += 1;
      ({ ctx, top: cursor } = newPage(index));
      placed = 0;
      if (item.header) {
        item.header.draw(ctx, cursor);
        cursor += item.header.height;
      }
      continue; // the same item again, now at the top of a page: it is placed whatever its size
    }
    item.draw(ctx, cursor + gap);
    cursor += gap + item.height;
    placed += 1;
    i += 1;
  }
  return index + 1;
}
