import { grayscale } from "pdf-lib";
import { BLOCK_HEIGHT, BLOCK_WIDTH } from "@/lib/signing/appearance";
import type { PlannedSigner } from "./render-input";
import type { Env } from "./env";
import { withoutYth } from "./env";
import { drawLine, lineItem, type Item } from "./flow";
import { layoutRuns, plain, type Line } from "./lines";
import { numberedLines } from "./markers";
import { rowItems } from "./rows";
import { slotValue } from "./slots";

// The end of the document: "Ditetapkan di / pada tanggal" (judul), each signer's reserved TTE place in
// the right column, and the tembusan list of letters.

const SECTION_GAP = 24;
const SIGNER_GAP = 14;
const PLACEHOLDER_GRAY = 0.5;

/** The reserved place: a dashed box naming the signer's position in previews, nothing in the signing revision. */
function placeItem(env: Env, signer: PlannedSigner, spaceBefore: number): Item {
  const { input, fonts, g } = env;
  const x = g.columnX;
  const inner: Line[] = [];
  if (input.provisional) {
    inner.push(...layoutRuns(plain("Tanda tangan elektronik", "bold", PLACEHOLDER_GRAY), fonts, { x: x + 8, width: BLOCK_WIDTH - 16, align: "center", size: 10 }));
    inner.push(...layoutRuns(plain(signer.positionLabel, "regular", PLACEHOLDER_GRAY), fonts, { x: x + 8, width: BLOCK_WIDTH - 16, align: "center", size: 9 }).slice(0, 4));
  }
  const innerHeight = inner.reduce((s, l) => s + l.height, 0);
  return {
    height: BLOCK_HEIGHT,
    spaceBefore,
    draw(ctx, top) {
      const { page, geometry } = ctx;
      ctx.sink.signature({ pageIndex: ctx.pageIndex, x: x / geometry.width, y: top / geometry.height });
      if (!input.provisional) return;
      page.drawRectangle({
        x,
        y: geometry.height - top - BLOCK_HEIGHT,
        width: BLOCK_WIDTH,
        height: BLOCK_HEIGHT,
        borderWidth: 0.8,
        borderColor: grayscale(0.6),
        borderDashArray: [4, 3],
      });
      let lineTop = top + (BLOCK_HEIGHT - innerHeight) / 2;
      for (const line of inner) {
        drawLine(ctx, line, lineTop);
        lineTop += line.height;
      }
    },
  };
}

/** One item list per signer: the "a.n." line(s), then the place; everything keeps with what follows it. */
export function signatureItems(env: Env, judul: boolean): Item[] {
  const { input, fonts, g } = env;
  const items: Item[] = [];
  if (judul) {
    const rows = [
      { label: "Ditetapkan di", value: (x: number, width: number) => layoutRuns(plain(input.place), fonts, { x, width }), spaceBefore: SECTION_GAP },
      { label: "pada tanggal", value: slotValue(input, fonts, "date") },
    ];
    items.push(...rowItems(rows, fonts, { x: g.columnX, width: g.columnWidth }));
  }
  input.signers.forEach((signer, i) => {
    let gap = items.length === 0 ? SECTION_GAP : i === 0 ? 10 : SIGNER_GAP;
    const onBehalf = signer.onBehalfOf?.trim();
    if (onBehalf) {
      const text = /[,:]$/.test(onBehalf) ? onBehalf : `${onBehalf},`;
      for (const line of layoutRuns(plain(text), fonts, { x: g.columnX, width: g.columnWidth })) {
        items.push(lineItem(line, gap, true));
        gap = 0;
      }
    }
    items.push(placeItem(env, signer, gap));
  });
  items.forEach((item, i) => {
    if (i < items.length - 1) item.keepWithNext = true;
  });
  return items;
}

/** "Tembusan:" and the numbered "Yth. ..." entries at the left, after the signatures. */
export function carbonCopyItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const entries = input.carbonCopies.map((c) => c.trim()).filter(Boolean);
  if (!entries.length) return [];
  const head = layoutRuns(plain("Tembusan:"), fonts, { x: g.left, width: g.textWidth });
  // Numbered even with a single entry: the tembusan list has a fixed form.
  const lines = numberedLines(entries.map((e) => plain(`Yth. ${withoutYth(e)}`)), fonts, g.left, g.textWidth, true);
  return [...head.map((l) => lineItem(l, SECTION_GAP, true)), ...lines.flatMap((entry) => entry.map((l) => lineItem(l, 0, false)))];
}
