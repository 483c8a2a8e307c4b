/// <reference lib="webworker" />
// The service worker's side of web push, imported by app/sw.ts: runs in the browser's worker, so no server-only
// module, no node import, nothing from the database. The payload is what push/compose.ts wrote (already in the
// reader's language, already blank for Rahasia items); anything else that arrives is shown as a plain "Kawan" notice
// rather than dropped, because a push with userVisibleOnly must always show something.

export type PushMessage = { title: string; body: string; url: string; tag?: string };

const ICON = "/icons/icon-192.png";
const BADGE = "/icons/badge-72.png";

/** The payload, or a neutral notice for an empty or malformed one; url is kept only when it is a path of this app. */
export function parsePushMessage(text: string | null): PushMessage {
  let value: unknown = null;
  try {
    value = text ? JSON.parse(text) : null;
  } catch {
    value = null;
  }
  const v = (value ?? {}) as Partial<Record<keyof PushMessage, unknown>>;
  const str = (x: unknown, max: number) => (typeof x === "string" ? x.slice(0, max) : "");
  const url = str(v.url, 500);
  return {
    title: str(v.title, 200) || "Kawan",
    body: str(v.body, 1000),
    url: url.startsWith("/") && !url.startsWith("//") && !url.includes("\\") ? url : "/notifikasi",
    tag: str(v.tag, 200) || undefined,
  };
}

async function openOrFocus(sw: ServiceWorkerGlobalScope, path: string): Promise<void> {
  const target = new URL(path, sw.location.origin).href;
  const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
  // A Kawan window already open: bring it forward and take it there, instead of a second copy of the app.
  const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
  if (open) {
    const focused = await open.focus().catch(() => open);
    // navigate() works only on a window this worker controls; otherwise (or if it fails) open a new one.
    const navigated = await focused.navigate(target).catch(() => null);
    if (navigated) return;
  }
  await sw.clients.openWindow(target);
}

export function installPushHandlers(sw: ServiceWorkerGlobalScope): void {
  sw.addEventListener("push", (event: PushEvent) => {
    let text: string | null = null;
    try {
      text = event.data ? event.data.text() : null;
    } catch {
      text = null;
    }
    const message = parsePushMessage(text);
    event.waitUntil(
      sw.registration.showNotification(message.title, {
        body: message.body,
        icon: ICON,
        badge: BADGE,
        tag: message.tag,
        // With a tag, a newer notice about the same object replaces the old one; it should still buzz.
        ...(message.tag ? { renotify: true } : {}),
        data: { url: message.url },
      } as NotificationOptions),
    );
  });

  sw.addEventListener("notificationclick", (event: NotificationEvent) => {
    event.notification.close();
    const data = event.notification.data as { url?: unknown } | null;
    const url = parsePushMessage(JSON.stringify({ url: data?.url })).url;
    event.waitUntil(openOrFocus(sw, url));
  });
}
