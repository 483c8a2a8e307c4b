import type { Metadata } from "next";
import { getDb } from "@/db";
import { FilterForm } from "@/components/admin/org/filter-form";
import { PositionList } from "@/components/admin/org/position-list";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { listPositions, unitOptions } from "@/lib/org/org-queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("positions.title") };
}

const PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function PositionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const params = await searchParams;
  const unit = single(params.unit);
  const q = single(params.q).trim().slice(0, 100);
  const page = Math.max(1, Math.floor(Number(single(params.page))) || 1);
  const unitId = /^\d+$/.test(unit) ? Number(unit) : null;

  const { rows, hasMore } = listPositions(db, actor.agencyId, { unitId, q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const units = unitOptions(db, actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (unitId) query.set("unit", String(unitId));
    if (q) query.set("q", q);
    if (n > 1) query.set("page", String(n));
    const s = query.toString();
    return `/admin/jabatan${s ? `?${s}` : ""}`;
  };

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("positions.title")}
        description={t("positions.description")}
        back={{ href: "/admin", label: t("adminHome.title") }}
        actions={<LinkButton href={unitId ? `/admin/jabatan/baru?unit=${unitId}` : "/admin/jabatan/baru"}>{t("positions.create")}</LinkButton>}
      />
      <Card>
        <FilterForm action="/admin/jabatan" submitLabel={t("common.search")} resetLabel={t("common.reset")}>
          <SelectField name="unit" label={t("positions.unitFilter")} options={units} defaultValue={unitId ? String(unitId) : ""} emptyLabel={t("positions.allUnits")} />
          <TextField name="q" type="search" label={t("positions.search")} placeholder={t("positions.searchPlaceholder")} defaultValue={q} maxLength={100} />
        </FilterForm>
      </Card>
      {rows.length > 0 ? <PositionList rows={rows} t={t} /> : <EmptyState>{t("positions.empty")}</EmptyState>}
      <Pagination
        label={t("common.pagination")}
        prevHref={page > 1 ? pageHref(page - 1) : undefined}
        nextHref={hasMore ? pageHref(page + 1) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
      />
    </div>
  );
}
