import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExternalLink } from "lucide-react";
import { getDb } from "@/db";
import { SiteForm } from "@/components/attendance/admin/site-form";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader, StatusBadge } from "@/components/ui/page";
import { mapLink, siteForAdmin, type SiteListRow } from "@/lib/attendance/admin/sites";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { unitOptions } from "@/lib/org/org-queries";
import { deactivateSiteAction, reactivateSiteAction, updateSiteAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.site.editTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function EditSitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let site: SiteListRow;
  try {
    site = siteForAdmin(await requestContext(actor), id);
  } catch (error) {
    // Another agency's site looks exactly like a missing one.
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
  const saved = (await searchParams).disimpan === "1";
  const units = unitOptions(getDb(), actor.agencyId).map((u) => ({ value: String(u.id), label: u.label }));
  if (site.unitId !== null && !units.some((u) => u.value === String(site.unitId))) units.push({ value: String(site.unitId), label: site.unitName ?? String(site.unitId) });
  const hidden = <input type="hidden" name="siteId" value={site.id} />;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("presensiAdmin.site.editTitle")}
        description={site.name}
        back={{ href: "/admin/presensi/lokasi", label: t("presensiAdmin.site.title") }}
        actions={<StatusBadge active={site.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />
      {saved && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("presensiAdmin.site.saved")}
        </p>
      )}
      <a
        href={mapLink(site.latitude, site.longitude)}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
      >
        {t("presensiAdmin.site.viewMap")} ({site.latitude}, {site.longitude})
        <ExternalLink aria-hidden className="size-4" />
      </a>
      <Card>
        <SiteForm
          action={updateSiteAction}
          hidden={hidden}
          values={{
            name: site.name,
            kind: site.kind,
            unitId: site.unitId,
            latitude: site.latitude,
            longitude: site.longitude,
            radiusMeters: site.radiusMeters,
            timeZone: site.timeZone,
            validFrom: site.validFrom,
            validTo: site.validTo,
            networks: site.networks,
          }}
          units={units}
          submitLabel={t("common.save")}
          t={t}
        />
      </Card>
      <Card>
        <ActionForm
          action={site.active ? deactivateSiteAction : reactivateSiteAction}
          submitLabel={site.active ? t("presensiAdmin.site.deactivate") : t("presensiAdmin.site.reactivate")}
          submitVariant={site.active ? "danger" : "primary"}
          pendingLabel={t("common.loading")}
          className="space-y-3"
        >
          {hidden}
          <p className="text-sm text-slate-700">{site.active ? t("presensiAdmin.site.deactivateHint") : t("presensiAdmin.site.reactivateHint")}</p>
        </ActionForm>
      </Card>
    </div>
  );
}
