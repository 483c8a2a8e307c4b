import type { ReactNode } from "react";
import { ChevronDown } from "lucide-react";

/** A titled section that opens on a tap (native <details>, so it works before JavaScript loads). */
export function Disclosure({ title, open, children, testId }: { title: string; open?: boolean; children: ReactNode; testId?: string }) {
  return (
    <details className="group rounded-xl border border-slate-200 bg-white shadow-sm" open={open} data-testid={testId}>
      <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 py-3 text-base font-semibold text-slate-900 [&::-webkit-details-marker]:hidden">
        {title}
        <ChevronDown aria-hidden className="size-5 shrink-0 text-slate-600 transition-transform group-open:rotate-180" />
      </summary>
      <div className="border-t border-slate-200 p-4">{children}</div>
    </details>
  );
}
