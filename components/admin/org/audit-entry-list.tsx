import Link from "next/link";
import type { AuditEntryRow } from "@/lib/audit/audit-queries";
import { hasMessage, type Locale, type Translate } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { formatNip } from "@/lib/org/nip";

const ENTITY_PAGES: Record<string, string> = { unit: "/admin/unit-kerja", position: "/admin/jabatan" };

/** Known actions read as words; actions of newer features still show their code. */
function actionLabel(action: string, t: Translate): string {
  const key = `audit.actions.${action}`;
  return hasMessage(key) ? t(key) : action;
}

function entityTypeLabel(type: string, t: Translate): string {
  const key = `audit.entityTypes.${type}`;
  return hasMessage(key) ? t(key) : type;
}

function prettyJson(raw: string | null): string | null {
  if (raw == null) return null;
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

function JsonBlock({ label, raw }: { label: string; raw: string | null }) {
  const text = prettyJson(raw);
  if (text == null) return null;
  return (
    <div className="min-w-0 flex-1">
      <p className="text-xs font-semibold text-slate-600">{label}</p>
      <pre className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-2 text-xs break-all whitespace-pre-wrap text-slate-100">{text}</pre>
    </div>
  );
}

/** Audit entries as stacked cards at every width: the JSON details do not fit table cells. */
export function AuditEntryList({ rows, t, locale, timeZone }: { rows: AuditEntryRow[]; t: Translate; locale: Locale; timeZone: string }) {
  return (
    <ol className="space-y-3" data-testid="audit-entries">
      {rows.map((row) => {
        const page = row.entityId ? ENTITY_PAGES[row.entityType] : undefined;
        const entity = `${entityTypeLabel(row.entityType, t)}${row.entityId ? ` #${row.entityId}` : ""}`;
        return (
          <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="audit-entry">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p className="font-semibold text-slate-900">
                {actionLabel(row.action, t)} <code className="ml-1 text-xs font-normal text-slate-600">{row.action}</code>
              </p>
              <time dateTime={row.at.toISOString()} className="text-xs text-slate-600">
                {formatDateTime(row.at, locale, timeZone)}
              </time>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-3">
              <div>
                <dt className="text-xs text-slate-600">{t("audit.actor")}</dt>
                <dd>
                  {row.actorName ?? t("audit.system")}
                  {row.actorNip && <span className="block text-xs text-slate-600 tabular-nums">{formatNip(row.actorNip)}</span>}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("audit.entity")}</dt>
                <dd>
                  {page ? (
                    <Link href={`${page}/${row.entityId}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4 sm:min-h-0">
                      {entity}
                    </Link>
                  ) : (
                    <span className="break-all">{entity}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("audit.ip")}</dt>
                <dd className="break-all tabular-nums" title={row.userAgent}>
                  {row.ip || "-"}
                </dd>
              </div>
            </dl>
            {(row.before != null || row.after != null || row.userAgent) && (
              <details className="mt-2">
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{t("audit.changes")}</summary>
                <div className="mt-1 flex flex-col gap-2 sm:flex-row">
                  <JsonBlock label={t("audit.before")} raw={row.before} />
                  <JsonBlock label={t("audit.after")} raw={row.after} />
                </div>
                {row.userAgent && (
                  <p className="mt-2 text-xs break-all text-slate-600">
                    {t("audit.userAgent")}: {row.userAgent}
                  </p>
                )}
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
