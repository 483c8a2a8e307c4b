import type { Env } from "./env";
import { PARAGRAPH_GAP } from "./geometry";
import type { Item } from "./flow";
import { bodyItems } from "./body";
import { letterHeaderItems } from "./letter-header";
import { memoHeaderItems } from "./memo-header";
import { titleHeaderItems } from "./title-header";
import { invitationItems } from "./invitation";
import { carbonCopyItems, signatureItems } from "./signature-places";

// The document as one list of flow items, in reading order, for its layout.

const BODY_GAP = 18;

export function documentItems(env: Env): Item[] {
  const { input, fonts, g } = env;
  const body = (blocks: typeof input.body, gap: number) => bodyItems(blocks, fonts, g.left, g.textWidth, gap);
  const items: Item[] = [];
  if (input.layout === "judul") {
    items.push(...titleHeaderItems(env), ...body(input.body, BODY_GAP));
  } else if (input.internal) {
    items.push(...memoHeaderItems(env), ...body(input.body, 0));
  } else {
    items.push(...letterHeaderItems(env));
    // An invitation's block follows its opening paragraph; the closing paragraphs come after it.
    if (input.invitation) items.push(...body(input.body.slice(0, 1), BODY_GAP), ...invitationItems(env), ...body(input.body.slice(1), PARAGRAPH_GAP));
    else items.push(...body(input.body, BODY_GAP));
  }
  // A signature place never starts a page alone: at least the last line before it goes along.
  if (items.length && input.signers.length) items[items.length - 1].keepWithNext = true;
  items.push(...signatureItems(env, input.layout === "judul"));
  if (input.layout === "korespondensi" && !input.internal) items.push(...carbonCopyItems(env));
  return items;
}
