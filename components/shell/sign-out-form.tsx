"use client";

import { startTransition, type FormEvent, type ReactNode } from "react";

/**
 * Forgets this device before the session ends, because a phone may pass to a colleague:
 * - every cache that reflects what this person opened is deleted (app/sw.ts keeps nothing personal, but
 *   nothing of the previous person should survive sign-out, not even which chunks they loaded). Only the
 *   precache stays: its list is fixed by the build and the same for everyone (the offline page, icons and
 *   stylesheets), and without it the next person would get no offline page;
 * - this device's push subscription is cancelled in the browser and its endpoint sent along, so the server
 *   deletes it and the next person does not receive the previous person's notifications.
 * Without JavaScript the form posts as usual (there is then no service worker or subscription either).
 */
export function SignOutForm({ action, className, children }: { action: (formData: FormData) => Promise<void>; className?: string; children: ReactNode }) {
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const endpoint = await cancelPushSubscription();
    if (endpoint) formData.set("pushEndpoint", endpoint);
    await clearCaches();
    startTransition(() => action(formData));
  }
  return (
    <form action={action} onSubmit={onSubmit} className={className} data-testid="sign-out-form">
      {children}
    </form>
  );
}

/** Serwist names its precache "serwist-precache-v2-<scope>". */
const PRECACHE_PREFIX = "serwist-precache-";

async function clearCaches(): Promise<void> {
  if (!("caches" in window)) return;
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => !name.startsWith(PRECACHE_PREFIX)).map((name) => caches.delete(name)));
  } catch {
    // Storage can be unavailable (private mode); signing out must still work.
  }
}

async function cancelPushSubscription(): Promise<string | null> {
  if (!("serviceWorker" in navigator)) return null;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = await registration?.pushManager?.getSubscription();
    if (!subscription) return null;
    const endpoint = subscription.endpoint;
    await subscription.unsubscribe();
    return endpoint;
  } catch {
    return null;
  }
}
