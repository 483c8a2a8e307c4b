import type { Metadata } from "next";
import { getDb } from "@/db";
import { EmployeeList } from "@/components/admin/employees/employee-list";
import { FilterForm } from "@/components/admin/org/filter-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { listEmployees, type EmployeeStatusFilter } from "@/lib/org/employee-queries";
import { unitOptions } from "@/lib/org/org-queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("employees.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const STATUSES: EmployeeStatusFilter[] = ["active", "inactive", "all"];

export default async function EmployeesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("employee.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const params = await searchParams;
  const q = single(params.q).trim().slice(0, 100);
  const unit = single(params.unit);
  const unitId = /^\d+$/.test(unit) ? Number(unit) : null;
  const statusParam = single(params.status) as EmployeeStatusFilter;
  const status = STATUSES.includes(statusParam) ? statusParam : "active";
  const requestedPage = Math.max(1, Math.floor(Number(single(params.page))) || 1);

  const result = listEmployees({ db, actor, now: new Date() }, { q, unitId, status, page: requestedPage });
  const units = unitOptions(db, actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (unitId) query.set("unit", String(unitId));
    if (status !== "active") query.set("status", status);
    if (n > 1) query.set("page", String(n));
    const s = query.toString();
    return `/admin/pegawai${s ? `?${s}` : ""}`;
  };

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("employees.title")}
        description={t("employees.description")}
        back={{ href: "/admin", label: t("adminHome.title") }}
        actions={
          <div className="flex flex-wrap gap-2">
            <LinkButton href="/admin/pegawai/baru">{t("employees.add")}</LinkButton>
            {can(actor, "employee.import") && (
              <LinkButton href="/admin/pegawai/impor" variant="secondary">
                {t("employees.import")}
              </LinkButton>
            )}
          </div>
        }
      />
      <Card>
        <FilterForm action="/admin/pegawai" submitLabel={t("employees.search")} resetLabel={t("common.reset")}>
          <TextField name="q" type="search" label={t("employees.search")} placeholder={t("employees.searchPlaceholder")} defaultValue={q} maxLength={100} />
          <SelectField name="unit" label={t("employees.unitFilter")} options={units} defaultValue={unitId ? String(unitId) : ""} emptyLabel={t("employees.allUnits")} />
          <SelectField
            name="status"
            label={t("employees.statusFilter")}
            options={STATUSES.map((s) => ({ value: s, label: t(`employees.status.${s}`) }))}
            defaultValue={status}
          />
        </FilterForm>
      </Card>
      <p className="text-sm text-slate-700" data-testid="employee-count">
        {t("employees.count", { count: result.total.toLocaleString(actor.locale === "id" ? "id-ID" : "en-GB") })}
        {result.pageCount > 1 && ` · ${t("employees.pageOf", { page: result.page, pages: result.pageCount })}`}
      </p>
      {result.rows.length > 0 ? <EmployeeList rows={result.rows} t={t} /> : <EmptyState>{t("employees.empty")}</EmptyState>}
      <Pagination
        prevHref={result.page > 1 ? pageHref(result.page - 1) : undefined}
        nextHref={result.page < result.pageCount ? pageHref(result.page + 1) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        label={t("common.pagination")}
      />
    </div>
  );
}
