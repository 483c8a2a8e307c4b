/// <reference lib="webworker" />
// The service worker, bundled by @serwist/turbopack (app/serwist/[path]/route.ts) and served at /serwist/sw.js.
//
// What it caches, and why so little: a phone may be shared, and whatever sits in a cache outlives the session.
// So pages, server-action answers, route handlers (PDFs, photos, exports) and everything else personal always
// go to the network and are never stored. Only what is the same for everyone is kept:
// - precached on install: the offline page, the icons and the stylesheets (a few kB);
// - cached on first use: Next's build assets under /_next/static (content-hashed, so never stale).
// A navigation that cannot reach the server gets the offline page. Sign-out also empties every cache
// (components/shell/sign-out-form.tsx).
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from "serwist";
import { installPushHandlers } from "@/lib/notifications/push/sw-handlers";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "kawan-static",
        plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60 })],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline.html", matcher: ({ request }) => request.mode === "navigate" }],
  },
});

serwist.addEventListeners();
// Web push: show what the server pushed (lib/notifications/push) and open its page when tapped.
installPushHandlers(self);
