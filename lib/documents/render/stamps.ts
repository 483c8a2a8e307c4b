import fontkit from "@pdf-lib/fontkit";
import type { TextStamp } from "@/lib/signing/pdf-incremental";
import type { TextSlot } from "./render-input";
import { fontBytes } from "./fonts";
import { withPrefix } from "./slots";

// Turns a slot reserved by the renderer into the stamp drawn at the last signature: the prefix of a
// centred "NOMOR ..." line, centring, and a smaller size for a text longer than its place.

type Measurer = { layout(text: string): { advanceWidth: number }; unitsPerEm: number };
let regular: Measurer | undefined;
const widthOf = (text: string, size: number) => {
  regular ??= fontkit.create(fontBytes("regular")) as unknown as Measurer;
  return (regular.layout(text).advanceWidth / regular.unitsPerEm) * size;
};

const MIN_SIZE = 8;

/** The stamp (user space, baseline start) that prints `text` in `slot` as the renderer would have printed it. */
export function stampForSlot(slot: TextSlot, text: string): TextStamp {
  const full = withPrefix(slot.prefix ?? "", text);
  let fontSize = slot.fontSize;
  let width = widthOf(full, fontSize);
  if (width > slot.maxWidth && width > 0) {
    fontSize = Math.max(MIN_SIZE, (fontSize * slot.maxWidth) / width);
    width = widthOf(full, fontSize);
  }
  const x = slot.align === "center" ? slot.x + Math.max(0, (slot.maxWidth - width) / 2) : slot.x;
  return { pageIndex: slot.pageIndex, x, y: slot.y, fontSize, text: full };
}
