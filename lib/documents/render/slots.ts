import type { RenderInput } from "./render-input";
import type { Fonts } from "./fonts";
import { layoutRuns, plain, type LineSlot, type Run } from "./lines";
import type { RowValue } from "./rows";

// The number and the date: printed when known; otherwise left empty for the stamp added at the last
// signature (or, in previews, a grey note saying what will come there).

export const NUMBER_PLACEHOLDER = "(nomor diberikan setelah ditandatangani)";
export const DATE_PLACEHOLDER = "(tanggal penandatanganan)";
export const PLACEHOLDER_GRAY = 0.55;

export function slotRuns(input: RenderInput, kind: LineSlot["kind"]): Run[] {
  const value = kind === "number" ? input.number : input.dateLabel;
  if (value) return plain(value);
  return input.provisional ? plain(kind === "number" ? NUMBER_PLACEHOLDER : DATE_PLACEHOLDER, "regular", PLACEHOLDER_GRAY) : [];
}

/** A row value holding the number or the date, with the stamp slot at its first line's start. */
export const slotValue =
  (input: RenderInput, fonts: Fonts, kind: LineSlot["kind"]): RowValue =>
  (x, width) => {
    const lines = layoutRuns(slotRuns(input, kind), fonts, { x, width });
    lines[0].slots = [{ kind, x, maxWidth: width }];
    return lines;
  };

/** `prefix` + `value`, without doubling a prefix the value already starts with ("Nomor 12 Tahun 2026"). */
export function withPrefix(prefix: string, value: string): string {
  const word = prefix.trim().toLowerCase();
  const text = value.trim();
  if (!word) return text;
  const rest = text.toLowerCase().startsWith(word) && /^\s/.test(text.slice(word.length)) ? text.slice(word.length).trim() : text;
  return prefix + rest;
}
