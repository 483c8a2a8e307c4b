import "server-only";
import type { NotificationKind } from "@/db/schema";
import { translator, type Locale } from "@/lib/i18n/catalog";
import { noticeLine } from "../email/compose";

// The words of a push, in the reader's language, rendered like the e-mail's line (email/compose.ts): the same
// message, and for a Rahasia item the same generic sentence with no subject, sender or number. The service worker
// (sw-handlers.ts) shows it as {title, body}; a tap opens url, which marks the in-app notification read on the way.

export type PushPayload = { title: string; body: string; url: string; tag: string };

export type PushItem = {
  id: number;
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number>;
  href: string;
  secret: boolean;
};

/** Push services take about 4 KB of encrypted payload; ours stays well below whatever a subject holds. */
export const PAYLOAD_MAX_BYTES = 3072;
const TITLE_MAX = 80;
const BODY_MAX = 400;

const clip = (text: string, max: number) => {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
};

export function composePushPayload(locale: Locale, item: PushItem): PushPayload {
  const t = translator(locale);
  const payload: PushPayload = {
    title: clip(t(`notifications.kinds.${item.kind}`), TITLE_MAX),
    body: clip(noticeLine(t, item), BODY_MAX),
    // Through /notifikasi/<id>: the tap marks the notification read, as a tap in the in-app list does.
    url: `/notifikasi/${item.id}`,
    // One notification per object on the phone: a later notice about the same letter replaces the earlier one.
    tag: `kawan:${item.href}`.slice(0, 200),
  };
  // Multi-byte text (or a catalog entry gone long) must still fit: shorten the body until it does.
  while (Buffer.byteLength(JSON.stringify(payload)) > PAYLOAD_MAX_BYTES && payload.body.length > 1) {
    payload.body = clip(payload.body, Math.floor(payload.body.length / 2));
  }
  return payload;
}

/** deadline_today cannot wait for the phone's next wake-up; everything else may. */
export const urgencyOf = (kind: NotificationKind): "high" | "normal" => (kind === "deadline_today" ? "high" : "normal");
