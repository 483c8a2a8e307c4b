import type { Metadata } from "next";
import { getDb } from "@/db";
import { SiteForm } from "@/components/attendance/admin/site-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { unitOptions } from "@/lib/org/org-queries";
import { createSiteAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.site.newTitle") };
}

export default async function NewSitePage() {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const db = getDb();
  const units = unitOptions(db, actor.agencyId).map((u) => ({ value: String(u.id), label: u.label }));
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  return (
    <div className="space-y-4">
      <PageHeader title={t("presensiAdmin.site.newTitle")} back={{ href: "/admin/presensi/lokasi", label: t("presensiAdmin.site.title") }} />
      <Card>
        <SiteForm
          action={createSiteAction}
          values={{ name: "", kind: "office", unitId: null, latitude: null, longitude: null, radiusMeters: 100, timeZone, validFrom: null, validTo: null, networks: "" }}
          units={units}
          submitLabel={t("common.save")}
          t={t}
        />
      </Card>
    </div>
  );
}
