import type { JSONContent } from "@tiptap/core";
import {
  MAX_BODY_BLOCKS,
  MAX_LIST_DEPTH,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  MAX_TEXT_LENGTH,
  emptyBody,
  type Block,
  type Body,
  type Inline,
  type List,
  type ListItem,
  type Paragraph,
  type Table,
  type TableCell,
} from "./content";

// The two-way bridge between the stored body model and the editor's Tiptap JSON. Pure (type-only Tiptap
// import), so the server could use it too. Editor -> body never fails and always yields a body that passes
// bodySchema: nodes the body cannot hold (headings, quotes, code, lists inside table cells, lists nested
// deeper than MAX_LIST_DEPTH...) keep their words as plain paragraphs; only when a count limit of the schema
// is exceeded is content cut, and the caller is told so it can warn the writer.

// Limits of bodySchema that content.ts does not export as constants.
const MAX_PARAGRAPH_INLINES = 200;
const MAX_CELL_PARAGRAPH_INLINES = 100;
const MAX_CELL_PARAGRAPHS = 20;
const MAX_LIST_ITEMS = 200;
const MAX_ITEM_BLOCKS = 50;

const ALIGNMENTS = ["left", "center", "right", "justify"] as const;
type Align = (typeof ALIGNMENTS)[number];
type Marks = Omit<Inline, "text">;

const LIST_TYPES = new Set(["bulletList", "orderedList", "taskList"]);
/** Node types that hold blocks rather than text; anything else unknown is read as a line of text. */
const BLOCK_TYPES = new Set(["paragraph", "heading", "blockquote", "codeBlock", "table", "tableRow", "tableCell", "tableHeader", "listItem", "taskItem", "horizontalRule", ...LIST_TYPES]);

type Converter = { truncated: boolean };

const isList = (node: JSONContent) => LIST_TYPES.has(node.type ?? "");
const children = (node: JSONContent): JSONContent[] => node.content ?? [];

function alignOf(node: JSONContent): Align | undefined {
  const value = node.attrs?.textAlign;
  return ALIGNMENTS.includes(value) ? value : undefined;
}

function marksOf(node: JSONContent): Marks {
  const marks: Marks = {};
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") marks.bold = true;
    else if (mark.type === "italic") marks.italic = true;
    else if (mark.type === "underline") marks.underline = true;
  }
  return marks;
}

const sameMarks = (a: Marks, b: Marks) => !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline;

/** The inline runs of a text block; line breaks and unknown inline nodes become plain words or a space. */
function rawInlines(nodes: JSONContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === "text") out.push({ text: node.text ?? "", ...marksOf(node) });
    else if (node.type === "hardBreak") out.push({ text: " " });
    else if (node.content) out.push(...rawInlines(node.content));
    else {
      // Mentions, emoji and the like carry their visible text in an attribute.
      const text = node.attrs?.text ?? node.attrs?.label;
      if (typeof text === "string") out.push({ text });
    }
  }
  return out;
}

/** Merges runs with equal marks, drops empty ones, splits over-long ones, and keeps the count in bounds. */
function fitInlines(inlines: Inline[], maxCount: number, conv: Converter): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const text = inline.text.replace(/[\r\n\t]+/g, " ");
    if (!text) continue;
    const last = merged[merged.length - 1];
    if (last && sameMarks(last, inline)) last.text += text;
    else merged.push({ ...inline, text });
  }
  const split: Inline[] = [];
  for (const inline of merged) {
    for (let i = 0; i < inline.text.length; i += MAX_TEXT_LENGTH) split.push({ ...inline, text: inline.text.slice(i, i + MAX_TEXT_LENGTH) });
  }
  if (split.length <= maxCount) return split;
  // More formatting changes than the schema allows: keep the words of the rest, without their marks.
  const rest = split
    .slice(maxCount - 1)
    .map((i) => i.text)
    .join("");
  if (rest.length > MAX_TEXT_LENGTH) conv.truncated = true;
  return [...split.slice(0, maxCount - 1), { text: rest.slice(0, MAX_TEXT_LENGTH) }];
}

const prefixed = (marker: string, line: Inline[]): Inline[] => [{ text: marker }, ...line];

/** Any block content as lines of text, for places the body holds only paragraphs (table cells, deep lists). */
function linesOf(nodes: JSONContent[]): Inline[][] {
  const lines: Inline[][] = [];
  for (const node of nodes) {
    if (isList(node)) {
      const start = node.type === "orderedList" && Number.isInteger(node.attrs?.start) ? (node.attrs!.start as number) : 1;
      children(node).forEach((item, i) => {
        const marker = node.type === "orderedList" ? `${start + i}. ` : "- ";
        const itemLines = linesOf(children(item));
        lines.push(prefixed(marker, itemLines[0] ?? []), ...itemLines.slice(1));
      });
    } else if (node.type === "table") {
      for (const row of children(node)) lines.push(children(row).flatMap((cell, i) => (i > 0 ? [{ text: " | " }] : []).concat(linesOf(children(cell)).flatMap((l, j) => (j > 0 ? [{ text: " " }, ...l] : l)))));
    } else if (node.type === "codeBlock") {
      for (const line of rawInlines(children(node)).map((i) => i.text).join("").split("\n")) lines.push([{ text: line }]);
    } else if (isTextBlock(node)) {
      const line = rawInlines(children(node));
      if (line.length > 0 || node.type === "paragraph" || node.type === "heading") lines.push(line);
    } else {
      lines.push(...linesOf(children(node)));
    }
  }
  return lines;
}

/** Paragraphs, headings and unknown nodes without block children are lines of text. */
function isTextBlock(node: JSONContent): boolean {
  if (node.type === "paragraph" || node.type === "heading") return true;
  if (BLOCK_TYPES.has(node.type ?? "")) return false;
  return !children(node).some((c) => BLOCK_TYPES.has(c.type ?? ""));
}

/** A text block as a paragraph; an unknown node without any words (an image, a rule) is dropped. */
function paragraphOf(node: JSONContent, conv: Converter): Paragraph[] {
  const align = alignOf(node);
  const content = fitInlines(rawInlines(children(node)), MAX_PARAGRAPH_INLINES, conv);
  if (content.length === 0 && node.type !== "paragraph" && node.type !== "heading") return [];
  return [{ type: "paragraph", content, ...(align ? { align } : {}) }];
}

const lineParagraph = (line: Inline[], conv: Converter): Paragraph => ({ type: "paragraph", content: fitInlines(line, MAX_PARAGRAPH_INLINES, conv) });

function capped<T>(items: T[], max: number, conv: Converter): T[] {
  if (items.length <= max) return items;
  conv.truncated = true;
  return items.slice(0, max);
}

/** The blocks inside a list item at `depth` (1 = the item of a top-level list). */
function itemBlocks(nodes: JSONContent[], depth: number, conv: Converter): (Paragraph | List)[] {
  const out: (Paragraph | List)[] = [];
  for (const node of nodes) {
    if (isList(node)) {
      if (depth < MAX_LIST_DEPTH) {
        const list = listOf(node, depth + 1, conv);
        if (list) out.push(list);
      } else {
        // Deeper than an official document goes: the items stay as lines with their markers.
        out.push(...linesOf([node]).map((line) => lineParagraph(line, conv)));
      }
    } else if (isTextBlock(node)) out.push(...paragraphOf(node, conv));
    else if (node.type === "table" || node.type === "codeBlock") out.push(...linesOf([node]).map((line) => lineParagraph(line, conv)));
    else out.push(...itemBlocks(children(node), depth, conv));
  }
  return out;
}

function listOf(node: JSONContent, depth: number, conv: Converter): List | null {
  const items: ListItem[] = children(node).map((item) => {
    const blocks = itemBlocks(item.type === "listItem" || item.type === "taskItem" ? children(item) : [item], depth, conv);
    // Like the editor, an item starts with a paragraph, so a body read from the editor reads back unchanged.
    if (blocks[0]?.type !== "paragraph") blocks.unshift({ type: "paragraph", content: [] });
    return { blocks: capped(blocks, MAX_ITEM_BLOCKS, conv) };
  });
  if (items.length === 0) return null;
  return { type: "list", ordered: node.type === "orderedList", items: capped(items, MAX_LIST_ITEMS, conv) };
}

function cellOf(node: JSONContent, conv: Converter): TableCell {
  let lines = linesOf(children(node));
  if (lines.length === 0) lines = [[]];
  if (lines.length > MAX_CELL_PARAGRAPHS) {
    // Too many lines for one cell: the overflow joins the last allowed line, so no words are lost.
    const tail = lines.slice(MAX_CELL_PARAGRAPHS - 1).flatMap((line, i) => (i > 0 ? [{ text: " " }, ...line] : line));
    lines = [...lines.slice(0, MAX_CELL_PARAGRAPHS - 1), tail];
  }
  return { paragraphs: lines.map((line) => fitInlines(line, MAX_CELL_PARAGRAPH_INLINES, conv)), ...(node.type === "tableHeader" ? { header: true } : {}) };
}

function tableOf(node: JSONContent, conv: Converter): Table | null {
  const rows: TableCell[][] = [];
  for (const row of children(node)) {
    const cells = children(row).map((cell) => cellOf(cell, conv));
    if (cells.length === 0) continue;
    if (cells.length > MAX_TABLE_COLUMNS) {
      // Columns beyond the limit are kept as extra lines of the last column.
      const last = cells[MAX_TABLE_COLUMNS - 1];
      const extra = cells.slice(MAX_TABLE_COLUMNS).flatMap((c) => c.paragraphs);
      const paragraphs = [...last.paragraphs, ...extra];
      if (paragraphs.length > MAX_CELL_PARAGRAPHS) conv.truncated = true;
      cells.splice(MAX_TABLE_COLUMNS - 1, cells.length, { ...last, paragraphs: paragraphs.slice(0, MAX_CELL_PARAGRAPHS) });
    }
    rows.push(cells);
  }
  if (rows.length === 0) return null;
  // Rectangular, as the editor keeps it (a pasted table may have ragged rows).
  const width = Math.max(...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push({ paragraphs: [[]] });
  return { type: "table", rows: capped(rows, MAX_TABLE_ROWS, conv) };
}

function topBlocks(nodes: JSONContent[], conv: Converter): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (isList(node)) {
      const list = listOf(node, 1, conv);
      if (list) out.push(list);
    } else if (node.type === "table") {
      const table = tableOf(node, conv);
      if (table) out.push(table);
    } else if (node.type === "codeBlock") out.push(...linesOf([node]).map((line) => lineParagraph(line, conv)));
    else if (isTextBlock(node)) out.push(...paragraphOf(node, conv));
    else out.push(...topBlocks(children(node), conv));
  }
  return out;
}

const isEmptyParagraph = (block: Block) => block.type === "paragraph" && block.content.length === 0;

/** Editor JSON to the stored body, reporting whether a count limit forced content to be cut. */
export function tiptapToBodyChecked(json: JSONContent): { body: Body; truncated: boolean } {
  const conv: Converter = { truncated: false };
  const blocks = topBlocks(json.type === "doc" ? children(json) : [json], conv);
  // The editor keeps an empty paragraph after a final table or list so the writer can type below it.
  while (blocks.length > 0 && isEmptyParagraph(blocks[blocks.length - 1])) blocks.pop();
  const body = blocks.length === 0 ? emptyBody() : capped(blocks, MAX_BODY_BLOCKS, conv);
  return { body, truncated: conv.truncated };
}

export function tiptapToBody(json: JSONContent): Body {
  return tiptapToBodyChecked(json).body;
}

function textNodes(content: Inline[]): JSONContent[] {
  return content
    .filter((i) => i.text.length > 0) // ProseMirror refuses empty text nodes
    .map((i) => {
      const marks = [i.bold && { type: "bold" }, i.italic && { type: "italic" }, i.underline && { type: "underline" }].filter((m): m is { type: string } => !!m);
      return marks.length > 0 ? { type: "text", text: i.text, marks } : { type: "text", text: i.text };
    });
}

function paragraphNode(content: Inline[], align?: Align): JSONContent {
  const nodes = textNodes(content);
  return { type: "paragraph", ...(align ? { attrs: { textAlign: align } } : {}), ...(nodes.length > 0 ? { content: nodes } : {}) };
}

function listNode(list: List): JSONContent {
  return {
    type: list.ordered ? "orderedList" : "bulletList",
    content: list.items.map((item) => {
      const blocks = item.blocks.map((b) => (b.type === "paragraph" ? paragraphNode(b.content, b.align) : listNode(b)));
      // A Tiptap list item must start with a paragraph.
      if (blocks[0]?.type !== "paragraph") blocks.unshift(paragraphNode([]));
      return { type: "listItem", content: blocks };
    }),
  };
}

function tableNode(table: Table): JSONContent {
  // ProseMirror tables are rectangular: short rows are padded with empty cells.
  const width = Math.max(...table.rows.map((r) => r.length));
  return {
    type: "table",
    content: table.rows.map((row) => ({
      type: "tableRow",
      content: [...row, ...Array.from({ length: width - row.length }, (): TableCell => ({ paragraphs: [[]] }))].map((cell) => ({
        type: cell.header ? "tableHeader" : "tableCell",
        content: (cell.paragraphs.length > 0 ? cell.paragraphs : [[]]).map((p) => paragraphNode(p)),
      })),
    })),
  };
}

/** The stored body as the editor's document. */
export function bodyToTiptap(body: Body): JSONContent {
  const content = body.map((block) => (block.type === "paragraph" ? paragraphNode(block.content, block.align) : block.type === "list" ? listNode(block) : tableNode(block)));
  return { type: "doc", content: content.length > 0 ? content : [paragraphNode([])] };
}
