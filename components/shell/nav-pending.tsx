"use client";

import { useLinkStatus } from "next/link";

/**
 * A bar under the tapped menu entry while its page loads, so a slow connection never looks like an ignored tap.
 * Pages have no loading.tsx skeleton on purpose: a Suspense boundary around a page makes Next stream the answer
 * before the page runs, so a page that refuses (403) or does not exist (404) would answer 200.
 */
export function NavPending() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={`absolute inset-x-3 bottom-1 h-0.5 rounded-full bg-brand-600 ${pending ? "animate-pulse" : "invisible"}`} />;
}
