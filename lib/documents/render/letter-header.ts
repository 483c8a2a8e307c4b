import type { Env } from "./env";
import { withoutYth } from "./env";
import { BODY_SIZE } from "./geometry";
import { plain } from "./lines";
import { numberedLines } from "./markers";
import { lineItem, type Item } from "./flow";
import { rowItems, textValue } from "./rows";
import { slotValue } from "./slots";

// The head of a letter (Surat Dinas, Surat Undangan, Surat Pengantar): place and date at the right,
// Nomor / Sifat / Lampiran / Hal at the left, then the addressees after "Yth.".

export function sifatLabel(env: Env): string {
  const { securityLabel, urgencyLabel } = env.input;
  return [securityLabel, urgencyLabel].filter((s) => s && s.trim()).join(", ");
}

export function letterHeaderItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const items: Item[] = [];

  const place = `${fonts.clean("regular", input.place.trim())},`;
  const dateX = g.columnX + fonts.width("regular", `${place} `, BODY_SIZE);
  const dateLines = slotValue(input, fonts, "date")(dateX, g.right - dateX);
  dateLines[0].fragments.unshift({ x: g.columnX, text: place, font: "regular", size: BODY_SIZE });
  items.push(...dateLines.map((line) => lineItem(line, 0, true)));

  const rows = [
    { label: "Nomor", value: slotValue(input, fonts, "number"), spaceBefore: 12 },
    { label: "Sifat", value: textValue(plain(sifatLabel(env)), fonts) },
    { label: "Lampiran", value: textValue(plain(input.attachmentLabel), fonts) },
    { label: "Hal", value: textValue(plain(input.subject), fonts) },
  ];
  items.push(...rowItems(rows, fonts, { x: g.left, width: g.textWidth }));

  const recipients = input.recipients.map((r) => r.trim()).filter(Boolean);
  if (recipients.length) {
    const contentX = g.left + fonts.width("regular", "Yth. ", BODY_SIZE);
    const lines = numberedLines(recipients.map((r) => plain(withoutYth(r))), fonts, contentX, g.right - contentX).flat();
    lines[0].fragments.unshift({ x: g.left, text: "Yth.", font: "regular", size: BODY_SIZE });
    items.push(...lines.map((line, i) => lineItem(line, i === 0 ? 18 : 0, true)));
  }
  return items;
}
