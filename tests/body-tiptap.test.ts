import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";
import { bodySchema, MAX_LIST_DEPTH, MAX_TABLE_COLUMNS, MAX_TEXT_LENGTH, type Body, type Inline, type List, type Paragraph } from "@/lib/documents/content";
import { bodyToTiptap, tiptapToBody, tiptapToBodyChecked } from "@/lib/documents/body-tiptap";

const roundTrip = (body: Body) => tiptapToBody(bodyToTiptap(body));
const p = (...content: Inline[]): Paragraph => ({ type: "paragraph", content });
const valid = (body: Body) => expect(bodySchema.safeParse(body).success).toBe(true);

describe("body <-> Tiptap JSON", () => {
  it("round-trips paragraphs with marks and alignment", () => {
    const body: Body = [
      { type: "paragraph", content: [{ text: "Dengan hormat, " }, { text: "penting", bold: true, underline: true }, { text: " dan ", italic: true }], align: "justify" },
      p({ text: "Tengah" }),
      p(),
    ];
    // A trailing empty paragraph is the editor's, not the writer's: it is dropped.
    expect(roundTrip(body)).toEqual(body.slice(0, 2));
  });

  it("writes Tiptap's node and mark names", () => {
    const json = bodyToTiptap([{ type: "paragraph", content: [{ text: "a", bold: true, italic: true }], align: "center" }]);
    expect(json).toEqual({
      type: "doc",
      content: [{ type: "paragraph", attrs: { textAlign: "center" }, content: [{ type: "text", text: "a", marks: [{ type: "bold" }, { type: "italic" }] }] }],
    });
  });

  it("round-trips nested ordered and bulleted lists", () => {
    const body: Body = [
      {
        type: "list",
        ordered: true,
        items: [
          {
            blocks: [
              p({ text: "Satu" }),
              {
                type: "list",
                ordered: false,
                items: [{ blocks: [p({ text: "a" }), { type: "list", ordered: true, items: [{ blocks: [p({ text: "i", italic: true })] }] }] }, { blocks: [p({ text: "b" })] }],
              },
            ],
          },
          { blocks: [p({ text: "Dua" }), p({ text: "paragraf kedua" })] },
        ],
      },
    ];
    expect(roundTrip(body)).toEqual(body);
    valid(roundTrip(body));
  });

  it("round-trips tables with header cells and multi-paragraph cells", () => {
    const body: Body = [
      {
        type: "table",
        rows: [
          [
            { paragraphs: [[{ text: "No" }]], header: true },
            { paragraphs: [[{ text: "Nama" }]], header: true },
          ],
          [{ paragraphs: [[{ text: "1" }]] }, { paragraphs: [[{ text: "Budi", bold: true }], [{ text: "NIP 1985" }]] }],
          [{ paragraphs: [[]] }, { paragraphs: [[]] }],
        ],
      },
      p({ text: "Sesudah tabel" }),
    ];
    expect(roundTrip(body)).toEqual(body);
  });

  it("pads ragged rows to a rectangle for the editor", () => {
    const json = bodyToTiptap([{ type: "table", rows: [[{ paragraphs: [[{ text: "a" }]] }, { paragraphs: [[{ text: "b" }]] }], [{ paragraphs: [[{ text: "c" }]] }]] }]);
    expect(json.content![0].content!.map((row) => row.content!.length)).toEqual([2, 2]);
  });

  it("starts a list item with a paragraph, as Tiptap requires", () => {
    const nested: List = { type: "list", ordered: false, items: [{ blocks: [p({ text: "x" })] }] };
    const json = bodyToTiptap([{ type: "list", ordered: false, items: [{ blocks: [nested] }] }]);
    expect(json.content![0].content![0].content!.map((n) => n.type)).toEqual(["paragraph", "bulletList"]);
  });

  it("gives an empty body one empty paragraph, both ways", () => {
    expect(bodyToTiptap([])).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(tiptapToBody({ type: "doc", content: [{ type: "paragraph" }, { type: "paragraph" }] })).toEqual([p()]);
    expect(tiptapToBody({ type: "doc" })).toEqual([p()]);
  });

  it("reads what the editor's getJSON() writes (extra attributes, cell spans, list start)", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        { type: "paragraph", attrs: { textAlign: null }, content: [{ type: "text", text: "x" }] },
        { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph", attrs: { textAlign: "left" }, content: [{ type: "text", text: "y" }] }] }] },
        {
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: "paragraph", attrs: { textAlign: null } }] }] }],
        },
        { type: "paragraph", attrs: { textAlign: null } },
      ],
    };
    expect(tiptapToBody(json)).toEqual([
      p({ text: "x" }),
      { type: "list", ordered: true, items: [{ blocks: [{ type: "paragraph", content: [{ text: "y" }], align: "left" }] }] },
      { type: "table", rows: [[{ paragraphs: [[]], header: true }]] },
    ]);
  });

  it("merges neighbouring runs with equal marks and drops other marks", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "a", marks: [{ type: "bold" }] },
            { type: "text", text: "b", marks: [{ type: "bold" }, { type: "strike" }] },
            { type: "text", text: "c", marks: [{ type: "link", attrs: { href: "https://x" } }] },
          ],
        },
      ],
    };
    expect(tiptapToBody(json)).toEqual([p({ text: "ab", bold: true }, { text: "c" })]);
  });

  it("degrades unknown nodes to text", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2, textAlign: "center" }, content: [{ type: "text", text: "Judul" }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Kutipan" }] }] },
        { type: "codeBlock", content: [{ type: "text", text: "baris 1\nbaris 2" }] },
        { type: "horizontalRule" },
        { type: "image", attrs: { src: "x.png" } },
        { type: "callout", content: [{ type: "text", text: "Catatan" }, { type: "hardBreak" }, { type: "mention", attrs: { label: "@budi" } }] },
        { type: "paragraph", content: [{ type: "emoji", attrs: { text: "ok" } }] },
      ],
    };
    const body = tiptapToBody(json);
    expect(body).toEqual([
      { type: "paragraph", content: [{ text: "Judul" }], align: "center" },
      p({ text: "Kutipan" }),
      p({ text: "baris 1" }),
      p({ text: "baris 2" }),
      p({ text: "Catatan @budi" }),
      p({ text: "ok" }),
    ]);
    valid(body);
  });

  it("keeps lists inside table cells and tables inside list items as lines of text", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                {
                  type: "tableCell",
                  content: [
                    {
                      type: "orderedList",
                      content: [
                        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "satu" }] }] },
                        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "dua" }] }] },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "item" }] },
                {
                  type: "table",
                  content: [
                    {
                      type: "tableRow",
                      content: [
                        { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] },
                        { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "b" }] }] },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const body = tiptapToBody(json);
    expect(body).toEqual([
      { type: "table", rows: [[{ paragraphs: [[{ text: "1. satu" }], [{ text: "2. dua" }]] }]] },
      { type: "list", ordered: false, items: [{ blocks: [p({ text: "item" }), p({ text: "a | b" })] }] },
    ]);
    valid(body);
  });

  it("flattens lists nested deeper than the schema allows into marked lines", () => {
    const nest = (depth: number): JSONContent => ({
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: `level ${depth}` }] }, ...(depth < MAX_LIST_DEPTH + 2 ? [nest(depth + 1)] : [])] }],
    });
    const body = tiptapToBody({ type: "doc", content: [nest(1)] });
    valid(body);
    let list = body[0] as List;
    for (let depth = 1; depth < MAX_LIST_DEPTH; depth++) list = list.items[0].blocks[1] as List;
    expect(list.items[0].blocks).toEqual([p({ text: `level ${MAX_LIST_DEPTH}` }), p({ text: `- level ${MAX_LIST_DEPTH + 1}` }), p({ text: `- level ${MAX_LIST_DEPTH + 2}` })]);
  });

  it("keeps columns beyond the limit as lines of the last column", () => {
    const cells = Array.from({ length: MAX_TABLE_COLUMNS + 2 }, (_, i) => ({ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: `c${i}` }] }] }));
    const body = tiptapToBody({ type: "doc", content: [{ type: "table", content: [{ type: "tableRow", content: cells }] }] });
    valid(body);
    const row = (body[0] as Extract<Body[number], { type: "table" }>).rows[0];
    expect(row).toHaveLength(MAX_TABLE_COLUMNS);
    expect(row[MAX_TABLE_COLUMNS - 1].paragraphs.map((l) => l[0].text)).toEqual([`c${MAX_TABLE_COLUMNS - 1}`, `c${MAX_TABLE_COLUMNS}`, `c${MAX_TABLE_COLUMNS + 1}`]);
  });

  it("splits over-long text without losing it, and reports cut content", () => {
    const text = "x".repeat(MAX_TEXT_LENGTH * 2 + 5);
    const { body, truncated } = tiptapToBodyChecked({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    valid(body);
    expect(truncated).toBe(false);
    expect((body[0] as Paragraph).content.map((i) => i.text).join("")).toBe(text);

    const many = tiptapToBodyChecked({ type: "doc", content: Array.from({ length: 450 }, () => ({ type: "paragraph", content: [{ type: "text", text: "a" }] })) });
    valid(many.body);
    expect(many.truncated).toBe(true);
  });

  it("always produces a valid body from arbitrary editor-shaped JSON", () => {
    const types = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "table", "tableRow", "tableCell", "tableHeader", "blockquote", "codeBlock", "hardBreak", "mystery"];
    const node: fc.Memo<JSONContent> = fc.memo((n): fc.Arbitrary<JSONContent> =>
      n <= 1
        ? fc.record({ type: fc.constant("text"), text: fc.string({ maxLength: 20 }), marks: fc.array(fc.record({ type: fc.constantFrom("bold", "italic", "underline", "strike") }), { maxLength: 3 }) })
        : fc.record({ type: fc.constantFrom(...types), attrs: fc.option(fc.record({ textAlign: fc.constantFrom("left", "center", "bogus", null) }), { nil: undefined }), content: fc.array(node(n - 1), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(node(6), { maxLength: 6 }), (content) => {
        const body = tiptapToBody({ type: "doc", content });
        expect(bodySchema.safeParse(body).success).toBe(true);
        // And the editor can show it again, unchanged.
        expect(roundTrip(body)).toEqual(body);
      }),
      { numRuns: 300 },
    );
  });
});
