"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (app/sw.ts) once the page has loaded, so it never competes with the first
 * render for a weak connection. Production only: in `next dev` a worker would serve stale chunks.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const register = () => void navigator.serviceWorker.register("/serwist/sw.js", { scope: "/", type: "module" }).catch(() => undefined);
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }, []);
  return null;
}
