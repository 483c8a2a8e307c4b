import type { Metadata } from "next";
import { getDb } from "@/db";
import { FilterForm } from "@/components/admin/org/filter-form";
import { InlineAction } from "@/components/attendance/admin/inline-action";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { FLEXIBLE_FILTERS, listFlexibleEmployees, type FlexibleFilter } from "@/lib/attendance/admin/flexible";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { formatNip } from "@/lib/org/nip";
import { clearHomePointAction, setFlexibleWorkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.flexible.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function FlexibleWorkPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const params = await searchParams;
  const q = single(params.q).trim().slice(0, 100);
  const showParam = single(params.tampil) as FlexibleFilter;
  const show = FLEXIBLE_FILTERS.includes(showParam) ? showParam : "all";
  const requestedPage = Math.max(1, Math.floor(Number(single(params.page))) || 1);
  const result = listFlexibleEmployees(await requestContext(actor), { q, show, page: requestedPage });
  const timeZone = getAgency(getDb(), actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (show !== "all") query.set("tampil", show);
    if (n > 1) query.set("page", String(n));
    const s = query.toString();
    return `/admin/presensi/fleksibel${s ? `?${s}` : ""}`;
  };
  const loading = t("common.loading");

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("presensiAdmin.flexible.title")} description={t("presensiAdmin.flexible.description")} back={{ href: "/admin/presensi", label: t("presensiAdmin.title") }} />
      <Card>
        <FilterForm action="/admin/presensi/fleksibel" submitLabel={t("common.search")} resetLabel={t("common.reset")}>
          <TextField name="q" type="search" label={t("presensiAdmin.flexible.search")} placeholder={t("presensiAdmin.flexible.searchPlaceholder")} defaultValue={q} maxLength={100} />
          <SelectField name="tampil" label={t("presensiAdmin.flexible.show")} options={FLEXIBLE_FILTERS.map((f) => ({ value: f, label: t(`presensiAdmin.flexible.shows.${f}`) }))} defaultValue={show} />
        </FilterForm>
      </Card>
      <p className="text-sm text-slate-700" data-testid="flexible-count">
        {t("presensiAdmin.flexible.count", { count: result.total.toLocaleString(actor.locale === "id" ? "id-ID" : "en-GB") })}
        {result.pageCount > 1 && ` · ${t("presensiAdmin.flexible.pageOf", { page: result.page, pages: result.pageCount })}`}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("presensiAdmin.flexible.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="flexible-list">
          {result.rows.map((e) => (
            <li key={e.id} data-testid="flexible-item" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <p className="font-semibold wrap-anywhere text-slate-900">{e.displayName}</p>
                  <p className="text-sm text-slate-600 tabular-nums">NIP {formatNip(e.nip)}</p>
                  <p className="text-sm">
                    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${e.flexibleWork ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-700"}`}>
                      {e.flexibleWork ? "● " : "○ "}
                      {e.flexibleWork ? t("presensiAdmin.flexible.allowed") : t("presensiAdmin.flexible.notAllowed")}
                    </span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {e.homeSetAt ? t("presensiAdmin.flexible.homeRegistered", { date: formatDateTime(e.homeSetAt, actor.locale, timeZone) }) : t("presensiAdmin.flexible.homeMissing")}
                  </p>
                </div>
                <div className="flex flex-col gap-2 sm:items-end">
                  <InlineAction
                    action={setFlexibleWorkAction}
                    fields={{ employeeId: e.id, flexibleWork: e.flexibleWork ? "false" : "true" }}
                    text={e.flexibleWork ? t("presensiAdmin.flexible.revoke") : t("presensiAdmin.flexible.allow")}
                    accessibleLabel={`${e.flexibleWork ? t("presensiAdmin.flexible.revoke") : t("presensiAdmin.flexible.allow")}: ${e.displayName}`}
                    pendingText={loading}
                    variant="secondary"
                  />
                  {e.homeSetAt && (
                    <InlineAction
                      action={clearHomePointAction}
                      fields={{ employeeId: e.id }}
                      text={t("presensiAdmin.flexible.clearHome")}
                      accessibleLabel={`${t("presensiAdmin.flexible.clearHome")}: ${e.displayName}`}
                      pendingText={loading}
                      variant="danger"
                    />
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        prevHref={result.page > 1 ? pageHref(result.page - 1) : undefined}
        nextHref={result.page < result.pageCount ? pageHref(result.page + 1) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        label={t("common.pagination")}
      />
      {can(actor, "audit.read") && (
        <LinkButton href="/admin/audit?entityType=employee_attendance_settings" variant="secondary">
          {t("presensiAdmin.history")}
        </LinkButton>
      )}
    </div>
  );
}
