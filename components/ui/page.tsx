import Link from "next/link";
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/catalog";
import { RefreshButton } from "./refresh-button";

/** The labels of a list's refresh button, from the catalog. */
export function refreshLabels(t: Translate): { label: string; pendingLabel: string } {
  return { label: t("common.refresh"), pendingLabel: t("common.refreshing") };
}

/**
 * The title row of a screen. `refresh` (list pages) puts the refresh button beside the title, where the thumb
 * finds it; a link in `actions` (the screen's primary action, e.g. "Buat naskah") takes the full width on phones.
 */
export function PageHeader({
  title,
  description,
  back,
  actions,
  refresh,
}: {
  title: string;
  description?: string;
  back?: { href: string; label: string };
  actions?: ReactNode;
  refresh?: { label: string; pendingLabel: string };
}) {
  return (
    <header className="mb-4 space-y-1">
      {back && (
        <Link href={back.href} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
          ← {back.label}
        </Link>
      )}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-1 items-start gap-2">
          <h1 className="min-w-0 flex-1 wrap-anywhere text-xl font-bold text-slate-900 sm:text-2xl">{title}</h1>
          {refresh && <RefreshButton label={refresh.label} pendingLabel={refresh.pendingLabel} />}
        </div>
        {actions && (
          <div className="flex flex-wrap items-center gap-2 has-[a]:w-full sm:has-[a]:w-auto [&>a]:flex-1 sm:[&>a]:flex-none">{actions}</div>
        )}
      </div>
      {description && <p className="text-sm text-slate-600">{description}</p>}
    </header>
  );
}

export function Card({ title, children, className = "" }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${className}`}>
      {title && <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>}
      {children}
    </section>
  );
}

export function LinkButton({ href, children, variant = "primary" }: { href: string; children: ReactNode; variant?: "primary" | "secondary" }) {
  const style = variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-900" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100";
  return (
    <Link href={href} className={`inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold ${style}`}>
      {children}
    </Link>
  );
}

/** Status shown by text and colour together, never colour alone. */
export function StatusBadge({ active, activeLabel, inactiveLabel }: { active: boolean; activeLabel: string; inactiveLabel: string }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${active ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-700"}`}>
      {active ? "● " : "○ "}
      {active ? activeLabel : inactiveLabel}
    </span>
  );
}

export function Pagination({ prevHref, nextHref, prevLabel, nextLabel, label }: { prevHref?: string; nextHref?: string; prevLabel: string; nextLabel: string; label: string }) {
  return (
    <nav className="mt-4 flex justify-between gap-2" aria-label={label}>
      {prevHref ? <LinkButton href={prevHref} variant="secondary">{prevLabel}</LinkButton> : <span />}
      {nextHref ? <LinkButton href={nextHref} variant="secondary">{nextLabel}</LinkButton> : <span />}
    </nav>
  );
}

/** Label and value pairs of a record (a letter, a document): stacked on phones, two columns from sm up. */
export function DetailRows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="mb-1 wrap-anywhere text-slate-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What a list shows when it has no rows: a sentence that says why (nothing yet, or nothing matches the
 * filter) and, where there is one, the next step as a full-width button on phones.
 */
export function EmptyState({ children, action }: { children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div data-testid="list-empty" className="space-y-3 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700">
      <p>{children}</p>
      {action && (
        <Link href={action.href} className="inline-flex min-h-11 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-slate-100 sm:w-auto">
          {action.label}
        </Link>
      )}
    </div>
  );
}
