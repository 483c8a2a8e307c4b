import type { Metadata } from "next";
import { getDb } from "@/db";
import { AuditEntryList } from "@/components/admin/org/audit-entry-list";
import { FilterForm } from "@/components/admin/org/filter-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { listAuditEntries, type AuditFilters } from "@/lib/audit/audit-queries";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { localDateField } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("audit.title") };
}

const ENTITY_TYPES = ["unit", "position", "employee", "assignment", "employee_import", "agency", "account", "signer_certificate", "certificate_authority", "signing_document", "document_type", "official_document", "issued_number", "numbering_register", "disposition_instruction", "incoming_letter", "attendance_policy", "work_schedule", "holiday", "attendance_site", "employee_attendance_settings", "attendance_record", "attendance_request"];

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 100);

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("audit.read");
  const t = translator(actor.locale);
  const db = getDb();
  const params = await searchParams;
  const text = { who: single(params.who), action: single(params.action), entityType: single(params.entityType), entityId: single(params.entityId) };
  const from = single(params.from);
  const to = single(params.to);
  const isDate = (v: string) => localDateField.safeParse(v).success;
  const badDate = (from !== "" && !isDate(from)) || (to !== "" && !isDate(to));
  const before = single(params.before);
  const filters: AuditFilters = {
    ...text,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
    before: /^\d+$/.test(before) ? Number(before) : undefined,
  };

  const { rows, nextCursor } = listAuditEntries({ db, actor }, filters);
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";

  const href = (cursor?: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...text, from: filters.from ?? "", to: filters.to ?? "" })) if (value) query.set(key, value);
    if (cursor) query.set("before", String(cursor));
    const s = query.toString();
    return `/admin/audit${s ? `?${s}` : ""}`;
  };
  const entityTypes = [...ENTITY_TYPES, ...(text.entityType && !ENTITY_TYPES.includes(text.entityType) ? [text.entityType] : [])].map((type) => ({
    value: type,
    label: ENTITY_TYPES.includes(type) ? t(`audit.entityTypes.${type}`) : type,
  }));

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("audit.title")} description={t("audit.description")} back={{ href: "/admin", label: t("adminHome.title") }} />
      <Card title={t("audit.filters")}>
        <FilterForm action="/admin/audit" submitLabel={t("audit.apply")} resetLabel={t("audit.reset")}>
          <TextField name="who" type="search" label={t("audit.who")} defaultValue={text.who} maxLength={100} />
          <TextField name="action" label={t("audit.action")} hint={t("audit.actionHint")} defaultValue={text.action} maxLength={100} />
          <SelectField name="entityType" label={t("audit.entityType")} options={entityTypes} defaultValue={text.entityType} emptyLabel={t("audit.allEntityTypes")} />
          <TextField name="entityId" label={t("audit.entityId")} defaultValue={text.entityId} maxLength={100} />
          <TextField name="from" type="date" label={t("audit.from")} defaultValue={filters.from ?? ""} />
          <TextField name="to" type="date" label={t("audit.to")} defaultValue={filters.to ?? ""} />
        </FilterForm>
        {badDate && (
          <p role="status" className="mt-3 text-sm text-amber-900">
            {t("audit.badDate")}
          </p>
        )}
      </Card>
      {rows.length > 0 ? (
        <AuditEntryList rows={rows} t={t} locale={actor.locale} timeZone={timeZone} />
      ) : (
        <EmptyState>{t("audit.empty")}</EmptyState>
      )}
      <Pagination
        label={t("common.pagination")}
        prevHref={filters.before ? href() : undefined}
        nextHref={nextCursor ? href(nextCursor) : undefined}
        prevLabel={t("audit.newest")}
        nextLabel={t("audit.older")}
      />
    </div>
  );
}
