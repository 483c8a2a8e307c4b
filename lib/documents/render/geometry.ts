import { BLOCK_WIDTH } from "@/lib/signing/appearance";

// Page geometry of an official document (Permendagri 1/2023 tata naskah dinas): paper, margins, type size.
// Internally the renderer measures "top" downwards from the page's top edge, as the layout is read.

const MM = 72 / 25.4;
export const cm = (n: number) => n * 10 * MM;

export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  F4: { width: 215 * MM, height: 330 * MM },
} as const;

export const MARGIN = { top: cm(2), left: cm(3), right: cm(2), bottom: cm(2) };
/** The kop starts closer to the edge than the text: it is part of the sheet's design, not the text. */
export const KOP_TOP = cm(1.2);

export const BODY_SIZE = 12;
/** Line height as a multiple of the font size: between Word's "single" (1.15) and 1.5. */
export const LINE_FACTOR = 1.2;
export const PARAGRAPH_GAP = 6;
/** Liberation Sans vertical metrics (per em): used to put the baseline in the middle of the line box. */
export const ASCENT = 0.905;
export const DESCENT = 0.212;

export const lineHeightOf = (size: number) => size * LINE_FACTOR;
/** Distance from a line box's top to its baseline. */
export const baselineOf = (size: number) => (lineHeightOf(size) - (ASCENT + DESCENT) * size) / 2 + ASCENT * size;

export type Geometry = {
  width: number;
  height: number;
  left: number;
  right: number;
  textWidth: number;
  /** Where the right column (date, signature places) starts: one TTE block's width from the right margin. */
  columnX: number;
  columnWidth: number;
  /** Content top on pages after the first (the first starts under the kop). */
  top: number;
  bottom: number;
};

export function geometryFor(paper: "A4" | "F4"): Geometry {
  const { width, height } = PAPER[paper] ?? PAPER.A4;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  return {
    width,
    height,
    left,
    right,
    textWidth: right - left,
    columnX: right - BLOCK_WIDTH,
    columnWidth: BLOCK_WIDTH,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
  };
}
