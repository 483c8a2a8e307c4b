import type { Metadata } from "next";
import Link from "next/link";
import { ExternalLink } from "lucide-react";
import { EmptyState, LinkButton, PageHeader, refreshLabels, StatusBadge } from "@/components/ui/page";
import { listSites, mapLink, type SiteListRow } from "@/lib/attendance/admin/sites";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { formatLocalDate } from "@/lib/i18n/format";
import { translator, type Locale, type Translate } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.site.title") };
}

function dates(s: SiteListRow, t: Translate, locale: Locale): string | null {
  if (!s.validFrom && !s.validTo) return null;
  return t("presensiAdmin.schedule.validity", {
    from: s.validFrom ? formatLocalDate(s.validFrom, locale) : t("presensiAdmin.schedule.openStart"),
    to: s.validTo ? formatLocalDate(s.validTo, locale) : t("presensiAdmin.schedule.openEnd"),
  });
}

export default async function SitesPage() {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const rows = listSites(await requestContext(actor));
  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("presensiAdmin.site.title")}
        description={t("presensiAdmin.site.description")}
        back={{ href: "/admin/presensi", label: t("presensiAdmin.title") }}
        actions={<LinkButton href="/admin/presensi/lokasi/baru">{t("presensiAdmin.site.add")}</LinkButton>}
      />
      {rows.length === 0 ? (
        <EmptyState>{t("presensiAdmin.site.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="site-list">
          {rows.map((s) => {
            const period = dates(s, t, actor.locale);
            return (
              <li key={s.id} data-testid="site-item" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={`/admin/presensi/lokasi/${s.id}`} className="inline-flex min-h-11 min-w-0 items-center font-semibold wrap-anywhere text-brand-700 underline-offset-4 hover:underline">
                    {s.name}
                  </Link>
                  <StatusBadge active={s.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
                </div>
                <p className="text-sm text-slate-700">
                  {t(`presensiAdmin.site.kinds.${s.kind}`)} · {s.unitName ?? t("presensiAdmin.agencyWide")} · {t(`presensiAdmin.site.timeZones.${s.timeZone}`)}
                </p>
                <p className="text-sm text-slate-700">
                  <span className="tabular-nums">
                    {s.latitude}, {s.longitude}
                  </span>{" "}
                  · {t("presensiAdmin.site.radiusShort", { radius: s.radiusMeters })}
                  {period && ` · ${period}`}
                </p>
                {s.networks && <p className="text-xs break-all text-slate-600">{t("presensiAdmin.site.networksShort", { networks: s.networks })}</p>}
                <a
                  href={mapLink(s.latitude, s.longitude)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
                >
                  {t("presensiAdmin.site.viewMap")}
                  <ExternalLink aria-hidden className="size-4" />
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {can(actor, "audit.read") && (
        <LinkButton href="/admin/audit?entityType=attendance_site" variant="secondary">
          {t("presensiAdmin.history")}
        </LinkButton>
      )}
    </div>
  );
}
