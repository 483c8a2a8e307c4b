/**
 * What a route shows while its server component loads (the loading.tsx files under app): grey blocks shaped like the page,
 * announced once to screen readers by the sr-only label. Server component: no JavaScript of its own, so it
 * appears with the first streamed bytes even on a slow phone connection.
 */
export function Skeleton({ label, variant = "list", rows = 5 }: { label: string; variant?: "list" | "form" | "table"; rows?: number }) {
  return (
    <div role="status" aria-live="polite" data-testid="route-loading" className="space-y-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden className="space-y-4 motion-safe:animate-pulse">
        <div className="flex items-center justify-between gap-3">
          <div className="h-7 w-1/2 rounded bg-slate-200" />
          <div className="size-11 rounded-lg bg-slate-200" />
        </div>
        <div className="h-4 w-3/4 rounded bg-slate-200" />
        {variant === "form" ? (
          <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
            {Array.from({ length: rows }, (_, i) => (
              <div key={i} className="space-y-2">
                <div className="h-4 w-1/3 rounded bg-slate-200" />
                <div className="h-11 w-full rounded-lg bg-slate-100" />
              </div>
            ))}
            <div className="h-11 w-full rounded-lg bg-slate-200 sm:w-40" />
          </div>
        ) : variant === "table" ? (
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            {Array.from({ length: rows }, (_, i) => (
              <div key={i} className="h-8 w-full rounded bg-slate-100" />
            ))}
          </div>
        ) : (
          <ul className="space-y-3">
            {Array.from({ length: rows }, (_, i) => (
              <li key={i} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
                <div className="h-5 w-4/5 rounded bg-slate-200" />
                <div className="h-4 w-1/2 rounded bg-slate-100" />
                <div className="h-5 w-24 rounded-full bg-slate-100" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
