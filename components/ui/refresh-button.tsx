"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { RefreshCw } from "lucide-react";

/**
 * Reloads the list's server data in place (router.refresh keeps scroll position, typed filters and client
 * state), spinning while the new data streams in. A phone has no F5 and the layout survives client navigation,
 * so without this a list stays as old as the moment it was opened.
 */
export function RefreshButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      data-testid="list-refresh"
      // Not `disabled`: a disabled button drops keyboard focus in the middle of the refresh.
      onClick={() => {
        if (!pending) startTransition(() => router.refresh());
      }}
      aria-busy={pending}
      aria-label={pending ? pendingLabel : label}
      title={label}
      className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 aria-busy:cursor-progress"
    >
      <RefreshCw aria-hidden className={`size-5 ${pending ? "motion-safe:animate-spin" : ""}`} />
    </button>
  );
}
