import type { Env } from "./env";
import { PARAGRAPH_GAP } from "./geometry";
import { plain } from "./lines";
import type { Item } from "./flow";
import { rowItems, textValue } from "./rows";

// Surat Undangan: the indented "hari, tanggal / pukul / tempat / acara" block after the opening paragraph.

const INDENT = 36;

export function invitationItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const inv = input.invitation;
  if (!inv) return [];
  const rows = [
    { label: "hari, tanggal", value: textValue(plain(inv.dayDate), fonts), spaceBefore: PARAGRAPH_GAP },
    { label: "pukul", value: textValue(plain(inv.time), fonts) },
    { label: "tempat", value: textValue(plain(inv.place), fonts) },
    { label: "acara", value: textValue(plain(inv.agenda), fonts) },
  ];
  const items = rowItems(rows, fonts, { x: g.left + INDENT, width: g.textWidth - INDENT });
  // The block reads as one unit: keep its rows on one page.
  items.forEach((item, i) => (item.keepWithNext = i < items.length - 1));
  return items;
}
