import { z } from "zod";

// The body of an official document as Kawan stores it: a small block model that is neither the editor's
// (Tiptap/ProseMirror JSON) nor the renderer's, so either can change without migrating stored documents.
// Pure module without server imports: the compose form, the renderer and the server validation share it.

export type Inline = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
export type Paragraph = { type: "paragraph"; content: Inline[]; align?: "left" | "center" | "right" | "justify" };
/** A list item holds paragraphs and nested lists (not tables). */
export type ListItem = { blocks: (Paragraph | List)[] };
export type List = { type: "list"; ordered: boolean; items: ListItem[] };
/** A simple table: rows of cells, each cell one or more paragraphs of inline text; `header` cells print bold. */
export type TableCell = { paragraphs: Inline[][]; header?: boolean };
export type Table = { type: "table"; rows: TableCell[][] };
export type Block = Paragraph | List | Table;
export type Body = Block[];

/** Nesting deeper than this is not seen in official documents and would not fit a phone screen. */
export const MAX_LIST_DEPTH = 4;
export const MAX_BODY_BLOCKS = 400;
export const MAX_TEXT_LENGTH = 5000;
export const MAX_TABLE_ROWS = 200;
export const MAX_TABLE_COLUMNS = 8;

const inlineSchema = z.object({
  text: z.string().max(MAX_TEXT_LENGTH, "validation.tooLong"),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
const paragraphSchema = z.object({
  type: z.literal("paragraph"),
  content: z.array(inlineSchema).max(200),
  align: z.enum(["left", "center", "right", "justify"]).optional(),
});

function listSchemaAt(depth: number): z.ZodType<List> {
  const itemBlock: z.ZodType<Paragraph | List> =
    depth >= MAX_LIST_DEPTH ? paragraphSchema : z.union([paragraphSchema, z.lazy(() => listSchemaAt(depth + 1))]);
  return z.object({
    type: z.literal("list"),
    ordered: z.boolean(),
    items: z.array(z.object({ blocks: z.array(itemBlock).min(1).max(50) })).min(1).max(200),
  }) as z.ZodType<List>;
}

const tableSchema = z.object({
  type: z.literal("table"),
  rows: z
    .array(
      z
        .array(z.object({ paragraphs: z.array(z.array(inlineSchema).max(100)).min(1).max(20), header: z.boolean().optional() }))
        .min(1)
        .max(MAX_TABLE_COLUMNS, "naskah.body.tooManyColumns"),
    )
    .min(1)
    .max(MAX_TABLE_ROWS, "naskah.body.tooManyRows"),
});

export const bodySchema: z.ZodType<Body> = z.array(z.union([paragraphSchema, listSchemaAt(1), tableSchema])).max(MAX_BODY_BLOCKS, "naskah.body.tooLong") as z.ZodType<Body>;

export const emptyBody = (): Body => [{ type: "paragraph", content: [] }];

/** The body's words in reading order, one line per paragraph: for search, diffs and summaries. */
export function bodyPlainText(body: Body): string {
  const lines: string[] = [];
  const inline = (content: Inline[]) => content.map((i) => i.text).join("");
  const walk = (blocks: Block[], indent: string) => {
    for (const block of blocks) {
      if (block.type === "paragraph") lines.push(indent + inline(block.content));
      else if (block.type === "list")
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${i + 1}. ` : "- ";
          item.blocks.forEach((b, j) => walk([b], j === 0 ? `${indent}${marker}` : `${indent}   `));
        });
      else for (const row of block.rows) lines.push(indent + row.map((cell) => cell.paragraphs.map(inline).join(" ")).join(" | "));
    }
  };
  walk(body, "");
  return lines.join("\n");
}

export function bodyIsEmpty(body: Body): boolean {
  return bodyPlainText(body).trim() === "";
}
