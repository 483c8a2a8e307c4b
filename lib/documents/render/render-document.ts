import { PDFDocument } from "pdf-lib";
import type { Body, Inline } from "../content";
import type { RenderedDocument, RenderInput, TextSlot } from "./render-input";
import { embedFonts, type FontKey } from "./fonts";
import { geometryFor } from "./geometry";
import { documentItems } from "./compose";
import { pageContext, paginate, type Placement, type Sink } from "./flow";
import { drawDraftLabel, drawPageNumber, drawWatermark } from "./furniture";
import { drawLetterhead, embedLogo } from "./letterhead";

// Server-side rendering of an official document (naskah dinas) to PDF: kop, layout head, body,
// signature places; reports where the signatures and the later number/date stamps go.

/** The italic styles the body uses: embedding a font that draws nothing would only add weight. */
function italicStyles(body: Body): FontKey[] {
  const keys = new Set<FontKey>();
  const visit = (inlines: Inline[], bold = false) => {
    for (const i of inlines) if (i.italic && i.text.trim()) keys.add(i.bold || bold ? "boldItalic" : "italic");
  };
  const walk = (blocks: Body | Body[number][]) => {
    for (const b of blocks) {
      if (b.type === "paragraph") visit(b.content);
      else if (b.type === "list") b.items.forEach((item) => walk(item.blocks));
      else b.rows.forEach((row) => row.forEach((cell) => cell.paragraphs.forEach((p) => visit(p, cell.header))));
    }
  };
  walk(body);
  return [...keys];
}

export async function renderDocumentPdf(input: RenderInput): Promise<RenderedDocument> {
  const g = geometryFor(input.paperSize);
  const doc = await PDFDocument.create();
  const now = new Date();
  doc.setTitle(input.subject.trim() || input.typeName, { showInWindowTitleBar: true });
  doc.setSubject(input.typeName);
  doc.setProducer("Kawan");
  doc.setCreator("Kawan");
  doc.setLanguage("id-ID");
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  const fonts = await embedFonts(doc, ["regular", "bold", ...italicStyles(input.body)]);
  const logo = await embedLogo(doc, input.letterhead.logo);

  const slots: Partial<Record<"number" | "date", TextSlot>> = {};
  const signaturePlacements: Placement[] = [];
  const sink: Sink = {
    slot: (kind, slot) => {
      slots[kind] ??= Object.fromEntries(Object.entries(slot).filter(([, v]) => v !== undefined)) as TextSlot;
    },
    signature: (placement) => signaturePlacements.push(placement),
  };

  const pageCount = paginate(documentItems({ input, fonts, g }), (index) => {
    const page = doc.addPage([g.width, g.height]);
    const ctx = pageContext(page, index, g, fonts, sink);
    if (input.provisional) {
      drawWatermark(page, g);
      drawDraftLabel(page, fonts, g);
    }
    if (index === 0) return { ctx, top: drawLetterhead(ctx, input.letterhead, logo) };
    drawPageNumber(page, index, fonts, g);
    return { ctx, top: g.top };
  });

  const fallback: TextSlot = { pageIndex: 0, x: g.left, y: g.height - g.top, fontSize: 12, maxWidth: g.textWidth };
  const pdf = Buffer.from(await doc.save());
  return { pdf, pageCount, signaturePlacements, numberSlot: slots.number ?? fallback, dateSlot: slots.date ?? fallback };
}
