import { grayscale } from "pdf-lib";
import type { Env } from "./env";
import { upper, withoutYth } from "./env";
import { layoutRuns, plain } from "./lines";
import { lineItem, type Item } from "./flow";
import { listValue, rowItems, textValue, type Row } from "./rows";
import { slotValue } from "./slots";
import { sifatLabel } from "./letter-header";

// The head of a Nota Dinas / Memo: the centred title, then Yth. / Dari / Tembusan / Tanggal / Nomor /
// Sifat / Lampiran / Hal rows and a rule above the body.

const RULE_SPACE = 8;

export function memoHeaderItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const title = layoutRuns(plain(upper(input.typeName), "bold"), fonts, { x: g.left, width: g.textWidth, align: "center", size: 14 });
  const items: Item[] = title.map((line) => lineItem(line, 0, true));

  const entries = (list: string[]) => list.map((s) => s.trim()).filter(Boolean).map((s) => plain(withoutYth(s)));
  const rows: Row[] = [
    { label: "Yth.", value: listValue(entries(input.recipients), fonts), spaceBefore: 14 },
    { label: "Dari", value: textValue(plain(input.fromLabel), fonts) },
    ...(entries(input.carbonCopies).length ? [{ label: "Tembusan", value: listValue(entries(input.carbonCopies), fonts) }] : []),
    { label: "Tanggal", value: slotValue(input, fonts, "date") },
    { label: "Nomor", value: slotValue(input, fonts, "number") },
    { label: "Sifat", value: textValue(plain(sifatLabel(env)), fonts) },
    { label: "Lampiran", value: textValue(plain(input.attachmentLabel), fonts) },
    { label: "Hal", value: textValue(plain(input.subject), fonts) },
  ];
  items.push(...rowItems(rows, fonts, { x: g.left, width: g.textWidth }));
  items.push({
    height: 2 * RULE_SPACE,
    spaceBefore: 0,
    draw(ctx, top) {
      const y = ctx.geometry.height - top - RULE_SPACE;
      ctx.page.drawLine({ start: { x: g.left, y }, end: { x: g.right, y }, thickness: 1, color: grayscale(0) });
    },
  });
  return items;
}
