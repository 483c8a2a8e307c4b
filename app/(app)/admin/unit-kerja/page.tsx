import type { Metadata } from "next";
import { getDb } from "@/db";
import { UnitTree } from "@/components/admin/org/unit-tree";
import { Card, EmptyState, LinkButton, PageHeader, refreshLabels } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { listUnitsTree } from "@/lib/org/org-queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("units.title") };
}

export default async function UnitsPage() {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const tree = listUnitsTree(getDb(), actor.agencyId);
  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("units.title")}
        description={t("units.description")}
        back={{ href: "/admin", label: t("adminHome.title") }}
        actions={<LinkButton href="/admin/unit-kerja/baru">{t("units.create")}</LinkButton>}
      />
      <Card>{tree.length > 0 ? <UnitTree nodes={tree} t={t} /> : <EmptyState>{t("units.empty")}</EmptyState>}</Card>
    </div>
  );
}
