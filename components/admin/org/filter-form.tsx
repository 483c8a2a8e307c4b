import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A plain GET form: filters live in the URL, so a filtered list can be bookmarked, shared and paged, and
 * the form works without JavaScript.
 */
export function FilterForm({
  action,
  submitLabel,
  resetLabel,
  children,
}: {
  action: string;
  submitLabel: string;
  resetLabel: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className="space-y-3" role="search">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900">
          {submitLabel}
        </button>
        <Link href={action} className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100">
          {resetLabel}
        </Link>
      </div>
    </form>
  );
}
