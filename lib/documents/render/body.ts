import type { Body, List, Paragraph } from "../content";
import type { Fonts } from "./fonts";
import { PARAGRAPH_GAP } from "./geometry";
import { emptyLine, layoutRuns, runsOf, type Align, type Line } from "./lines";
import { marker, markerColumn, withMarker } from "./markers";
import { lineItem, paragraphItems, type Item, type LineItem } from "./flow";
import { tableItems } from "./table";

// The drafted body: paragraphs, nested lists and tables, as flow items.

/** Official letters are set justified (rata kiri-kanan) unless the drafter chose otherwise. */
const DEFAULT_ALIGN: Align = "justify";
const LIST_ITEM_GAP = 3;

const paragraphLines = (p: Paragraph, fonts: Fonts, x: number, width: number): Line[] =>
  layoutRuns(runsOf(p.content), fonts, { x, width, align: p.align ?? DEFAULT_ALIGN });

function listItems(list: List, fonts: Fonts, x: number, width: number, depth: number, spaceBefore: number): LineItem[] {
  const markers = list.items.map((_, i) => marker(list.ordered, depth, i + 1));
  const column = markerColumn(markers, fonts);
  const out: LineItem[] = [];
  list.items.forEach((item, n) => {
    const start = out.length;
    item.blocks.forEach((block, k) => {
      const gap = n === 0 && k === 0 ? spaceBefore : LIST_ITEM_GAP;
      if (block.type === "paragraph") out.push(...paragraphItems(paragraphLines(block, fonts, x + column, width - column), gap));
      else if (block.type === "list") out.push(...listItems(block, fonts, x + column, width - column, depth + 1, gap));
    });
    if (out.length === start) out.push(lineItem(emptyLine(), n === 0 ? spaceBefore : LIST_ITEM_GAP));
    // The marker sits on the item's first line, whatever that line belongs to (a nested list's first item).
    withMarker([out[start].line], markers[n], x);
  });
  return out;
}

/** The body's items within [x, x + width]; `firstGap` is the space above the first block. */
export function bodyItems(body: Body, fonts: Fonts, x: number, width: number, firstGap = 0): Item[] {
  const items: Item[] = [];
  body.forEach((block, i) => {
    const gap = i === 0 ? firstGap : PARAGRAPH_GAP;
    if (block.type === "paragraph") items.push(...paragraphItems(paragraphLines(block, fonts, x, width), gap));
    else if (block.type === "list") items.push(...listItems(block, fonts, x, width, 1, gap));
    else if (block.type === "table") items.push(...tableItems(block, fonts, x, width, gap));
  });
  return items;
}
