import type { Metadata } from "next";
import { getDb } from "@/db";
import { InlineAction } from "@/components/attendance/admin/inline-action";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, LinkButton, PageHeader, refreshLabels } from "@/components/ui/page";
import { HOLIDAY_KINDS } from "@/db/schema";
import { listHolidays } from "@/lib/attendance/admin/holidays";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { formatLocalDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { agencyToday } from "@/lib/org/org-queries";
import { addNationalHolidays2026Action, createHolidayAction, deleteHolidayAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.holiday.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const count = (v: string) => (/^\d{1,3}$/.test(v) ? Number(v) : null);

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const params = await searchParams;
  const thisYear = Number(agencyToday(getDb(), actor.agencyId).slice(0, 4));
  const asked = Number(single(params.tahun));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const rows = listHolidays(await requestContext(actor), year);
  const added = count(single(params.ditambah));
  const skipped = count(single(params.dilewati));
  const addedRow = rows.find((h) => String(h.id) === single(params.baru));
  const weekday = new Intl.DateTimeFormat(actor.locale === "id" ? "id-ID" : "en-GB", { weekday: "long", timeZone: "UTC" });

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("presensiAdmin.holiday.title")} description={t("presensiAdmin.holiday.description")} back={{ href: "/admin/presensi", label: t("presensiAdmin.title") }} />
      {added !== null && skipped !== null && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("presensiAdmin.holiday.national2026Done", { added, skipped })}
        </p>
      )}

      {addedRow && (
        <p role="status" data-testid="holiday-added" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm wrap-anywhere text-emerald-900">
          {t("presensiAdmin.holiday.added", { name: addedRow.name, date: formatLocalDate(addedRow.date, actor.locale) })}
        </p>
      )}
      <Card title={t("presensiAdmin.holiday.addTitle")}>
        {/* Keyed by the list's length: after an add the form starts empty again. */}
        <ActionForm key={`add-${year}-${rows.length}`} action={createHolidayAction} submitLabel={t("presensiAdmin.holiday.add")} pendingLabel={t("common.loading")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField name="date" type="date" label={t("presensiAdmin.holiday.date")} required />
            <TextField name="name" label={t("presensiAdmin.holiday.name")} placeholder={t("presensiAdmin.holiday.namePlaceholder")} maxLength={120} required />
            <SelectField name="kind" label={t("presensiAdmin.holiday.kind")} options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`presensiAdmin.holiday.kinds.${k}`) }))} defaultValue="regional" />
          </div>
          <p className="text-xs text-slate-600">{t("presensiAdmin.recomputeNote")}</p>
        </ActionForm>
      </Card>

      <Card>
        <ActionForm action={addNationalHolidays2026Action} submitLabel={t("presensiAdmin.holiday.national2026")} submitVariant="secondary" pendingLabel={t("common.loading")} className="space-y-3">
          <p className="text-sm text-slate-700">{t("presensiAdmin.holiday.national2026Hint")}</p>
        </ActionForm>
      </Card>

      <section aria-labelledby="holiday-list-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="holiday-list-title" className="text-base font-semibold text-slate-900">
            {t("presensiAdmin.holiday.listTitle", { year })} <span className="font-normal text-slate-600">· {t("presensiAdmin.holiday.count", { count: rows.length })}</span>
          </h2>
          <nav className="flex gap-2" aria-label={t("presensiAdmin.holiday.year")}>
            <LinkButton href={`/admin/presensi/libur?tahun=${year - 1}`} variant="secondary">
              ← {t("presensiAdmin.holiday.prevYear", { year: year - 1 })}
            </LinkButton>
            <LinkButton href={`/admin/presensi/libur?tahun=${year + 1}`} variant="secondary">
              {t("presensiAdmin.holiday.nextYear", { year: year + 1 })} →
            </LinkButton>
          </nav>
        </div>
        {rows.length === 0 ? (
          <EmptyState>{t("presensiAdmin.holiday.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" data-testid="holiday-list">
            {rows.map((h) => (
              <li
                key={h.id}
                data-testid="holiday-item"
                className={`flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between ${h.id === addedRow?.id ? "bg-emerald-50" : ""}`}
              >
                <div className="min-w-0">
                  <p className="font-medium wrap-anywhere text-slate-900">{h.name}</p>
                  <p className="text-sm text-slate-700">
                    <time dateTime={h.date}>
                      {weekday.format(new Date(`${h.date}T00:00:00Z`))}, {formatLocalDate(h.date, actor.locale)}
                    </time>{" "}
                    · {t(`presensiAdmin.holiday.kinds.${h.kind}`)}
                  </p>
                </div>
                <InlineAction
                  action={deleteHolidayAction}
                  fields={{ holidayId: h.id }}
                  text={t("presensiAdmin.holiday.delete")}
                  accessibleLabel={t("presensiAdmin.holiday.deleteLabel", { name: h.name, date: formatLocalDate(h.date, actor.locale) })}
                  pendingText={t("common.loading")}
                  variant="danger"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      {can(actor, "audit.read") && (
        <LinkButton href="/admin/audit?entityType=holiday" variant="secondary">
          {t("presensiAdmin.history")}
        </LinkButton>
      )}
    </div>
  );
}

