import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState, LinkButton, PageHeader, refreshLabels, StatusBadge } from "@/components/ui/page";
import { listSchedules, type ScheduleListRow } from "@/lib/attendance/admin/schedules";
import { clockText } from "@/lib/attendance/schedule";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { formatLocalDate } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { deactivateScheduleAction, reactivateScheduleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.schedule.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** "Senin–Kamis 07.30–16.00 · Jumat 07.30–16.30": consecutive weekdays with the same hours folded together. */
function hoursSummary(s: ScheduleListRow, t: Translate): string {
  const parts: string[] = [];
  let i = 0;
  while (i < 7) {
    const d = s.days[i];
    let j = i;
    while (j + 1 < 7 && JSON.stringify(s.days[j + 1]) === JSON.stringify(d)) j++;
    if (d) {
      const name = (k: number) => t(`presensiAdmin.schedule.weekdays.${k}`);
      parts.push(`${i === j ? name(i) : `${name(i)}–${name(j)}`} ${clockText(d.startMinute)}–${clockText(d.endMinute)}`);
    }
    i = j + 1;
  }
  return parts.join(" · ");
}

function validity(s: ScheduleListRow, t: Translate, locale: Locale): string {
  if (!s.validFrom && !s.validTo) return t("presensiAdmin.schedule.always");
  return t("presensiAdmin.schedule.validity", {
    from: s.validFrom ? formatLocalDate(s.validFrom, locale) : t("presensiAdmin.schedule.openStart"),
    to: s.validTo ? formatLocalDate(s.validTo, locale) : t("presensiAdmin.schedule.openEnd"),
  });
}

export default async function SchedulesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const rows = listSchedules(await requestContext(actor));
  const saved = (await searchParams).disimpan === "1";

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("presensiAdmin.schedule.title")}
        description={t("presensiAdmin.schedule.description")}
        back={{ href: "/admin/presensi", label: t("presensiAdmin.title") }}
        actions={<LinkButton href="/admin/presensi/jadwal/baru">{t("presensiAdmin.schedule.add")}</LinkButton>}
      />
      {saved && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("presensiAdmin.schedule.saved")}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t("presensiAdmin.schedule.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="schedule-list">
          {rows.map((s) => (
            <li key={s.id} data-testid="schedule-item" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <Link href={`/admin/presensi/jadwal/${s.id}`} className="inline-flex min-h-11 items-center font-semibold wrap-anywhere text-brand-700 underline-offset-4 hover:underline">
                    {s.name}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {t(`presensiAdmin.schedule.kinds.${s.kind}`)} · {s.unitName ?? t("presensiAdmin.agencyWide")} · {validity(s, t, actor.locale)}
                  </p>
                </div>
                <StatusBadge active={s.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
              </div>
              <p className="mt-1 text-sm wrap-anywhere text-slate-900">{hoursSummary(s, t)}</p>
              <p className="text-xs text-slate-600">
                {t("presensiAdmin.schedule.windows", {
                  inOpens: clockText(s.checkInOpensMinute),
                  inCloses: clockText(s.checkInClosesMinute),
                  outOpens: clockText(s.checkOutOpensMinute),
                  outCloses: clockText(s.checkOutClosesMinute),
                })}
                {s.graceMinutes > 0 && ` · ${t("presensiAdmin.schedule.grace", { minutes: s.graceMinutes })}`}
              </p>
              <details className="mt-2 border-t border-slate-100 pt-1">
                <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline-offset-4 hover:underline">{t("presensiAdmin.manage")}</summary>
                <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start">
                  <LinkButton href={`/admin/presensi/jadwal/${s.id}`} variant="secondary">
                    {t("common.edit")}
                  </LinkButton>
                  <ActionForm
                    action={s.active ? deactivateScheduleAction : reactivateScheduleAction}
                    submitLabel={s.active ? t("presensiAdmin.schedule.deactivate") : t("presensiAdmin.schedule.reactivate")}
                    submitVariant={s.active ? "danger" : "primary"}
                    pendingLabel={t("common.loading")}
                    className="flex-1 space-y-2"
                  >
                    <input type="hidden" name="scheduleId" value={s.id} />
                    <p className="text-sm text-slate-700">{s.active ? t("presensiAdmin.schedule.deactivateHint") : t("presensiAdmin.schedule.reactivateHint")}</p>
                  </ActionForm>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {can(actor, "audit.read") && (
        <LinkButton href="/admin/audit?entityType=work_schedule" variant="secondary">
          {t("presensiAdmin.history")}
        </LinkButton>
      )}
    </div>
  );
}
