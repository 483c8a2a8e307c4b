import type { Fonts } from "./fonts";
import { BODY_SIZE } from "./geometry";
import { layoutRuns, type Line, type Run } from "./lines";

// List markers as in official documents: 1. / a. / 1) / a) by nesting depth, bullets • and – alternating.

/** a, b, … z, aa, ab, … */
function letters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** The marker of the `n`-th item (1-based) of a list at `depth` (1-based). */
export function marker(ordered: boolean, depth: number, n: number): string {
  if (!ordered) return depth % 2 === 1 ? "•" : "–";
  switch ((depth - 1) % 4) {
    case 0:
      return `${n}.`;
    case 1:
      return `${letters(n)}.`;
    case 2:
      return `${n})`;
    default:
      return `${letters(n)})`;
  }
}

/** Width of the marker column: the widest marker plus a gap, at least a common tab stop. */
export function markerColumn(markers: string[], fonts: Fonts, size = BODY_SIZE): number {
  return Math.max(18, ...markers.map((m) => fonts.width("regular", m, size) + 6));
}

/** Adds the marker at `x` to the first line (in place) and returns the lines. */
export function withMarker(lines: Line[], text: string, x: number, size = BODY_SIZE): Line[] {
  if (lines.length) lines[0].fragments.unshift({ x, text, font: "regular", size });
  return lines;
}

/** A numbered list of texts with hanging indents: "1. …" / "2. …"; a single entry is printed without a number unless `always`. */
export function numberedLines(entries: Run[][], fonts: Fonts, x: number, width: number, always = false): Line[][] {
  if (entries.length === 1 && !always) return [layoutRuns(entries[0], fonts, { x, width })];
  const markers = entries.map((_, i) => `${i + 1}.`);
  const column = markerColumn(markers, fonts);
  return entries.map((runs, i) => withMarker(layoutRuns(runs, fonts, { x: x + column, width: width - column }), markers[i], x));
}
