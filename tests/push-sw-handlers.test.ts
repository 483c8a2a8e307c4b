import { describe, expect, it, vi } from "vitest";
import { installPushHandlers, parsePushMessage } from "@/lib/notifications/push/sw-handlers";

// The service worker's push handlers, run against a stand-in for ServiceWorkerGlobalScope: what a push shows, and
// where a tap on it leads (an open Kawan window is reused, else a new one opens; never a page off this origin).

type Listener = (event: unknown) => void;

function fakeWorker(windows: { url: string; navigate?: (url: string) => Promise<unknown> }[] = []) {
  const listeners = new Map<string, Listener>();
  const shown: { title: string; options: NotificationOptions & { data: { url: string } } }[] = [];
  const opened: string[] = [];
  const clients = windows.map((w) => ({ url: w.url, focus: vi.fn(async function (this: unknown) { return this; }), navigate: vi.fn(w.navigate ?? (async () => ({}))) }));
  const sw = {
    location: { origin: "https://kawan.uji.go.id" },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    registration: { showNotification: async (title: string, options: (typeof shown)[number]["options"]) => void shown.push({ title, options }) },
    clients: { matchAll: async () => clients, openWindow: async (url: string) => void opened.push(url) },
  };
  installPushHandlers(sw as unknown as ServiceWorkerGlobalScope);
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (pending = p) });
    await pending;
  };
  return { dispatch, shown, opened, clients };
}

describe("push handlers in the service worker", () => {
  it("shows the payload's title and body with the app's icon, badge, tag and link", async () => {
    const w = fakeWorker();
    const payload = { title: "Disposisi masuk", body: "Disposisi masuk: “Anggaran”.", url: "/notifikasi/7", tag: "kawan:/surat-masuk/3" };
    await w.dispatch("push", { data: { text: () => JSON.stringify(payload) } });
    expect(w.shown).toEqual([
      { title: "Disposisi masuk", options: expect.objectContaining({ body: payload.body, icon: "/icons/icon-192.png", badge: "/icons/badge-72.png", tag: payload.tag, renotify: true, data: { url: "/notifikasi/7" } }) },
    ]);
  });

  it("shows a neutral notice for an empty or malformed push, and keeps links inside the app", () => {
    expect(parsePushMessage(null)).toEqual({ title: "Kawan", body: "", url: "/notifikasi", tag: undefined });
    expect(parsePushMessage("{bukan json")).toMatchObject({ title: "Kawan", url: "/notifikasi" });
    for (const url of ["https://jahat.example/", "//jahat.example/x", "javascript:alert(1)", "/\\jahat.example"]) {
      expect(parsePushMessage(JSON.stringify({ title: "x", body: "y", url })).url, url).toBe("/notifikasi");
    }
  });

  it("a tap takes an open Kawan window to the link, or opens one", async () => {
    const close = vi.fn();
    const withWindow = fakeWorker([{ url: "https://kawan.uji.go.id/" }]);
    await withWindow.dispatch("notificationclick", { notification: { close, data: { url: "/notifikasi/7" } } });
    expect(close).toHaveBeenCalled();
    expect(withWindow.clients[0].navigate).toHaveBeenCalledWith("https://kawan.uji.go.id/notifikasi/7");
    expect(withWindow.opened).toEqual([]);

    const none = fakeWorker([{ url: "https://lain.example/" }]);
    await none.dispatch("notificationclick", { notification: { close, data: { url: "https://jahat.example/" } } });
    expect(none.opened).toEqual(["https://kawan.uji.go.id/notifikasi"]);

    // A window this worker does not control cannot be navigated: a new one opens instead.
    const uncontrolled = fakeWorker([{ url: "https://kawan.uji.go.id/akun", navigate: () => Promise.reject(new TypeError("not controlled")) }]);
    await uncontrolled.dispatch("notificationclick", { notification: { close, data: { url: "/notifikasi/8" } } });
    expect(uncontrolled.opened).toEqual(["https://kawan.uji.go.id/notifikasi/8"]);
  });
});
