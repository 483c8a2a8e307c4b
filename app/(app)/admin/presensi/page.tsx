import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CalendarDays, CalendarOff, ChevronRight, House, MapPin, SlidersHorizontal } from "lucide-react";
import { LinkButton, PageHeader } from "@/components/ui/page";
import { attendanceConfigOverview } from "@/lib/attendance/admin/overview";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.title") };
}

type Section = { href: string; title: string; hint: string; status: string; icon: ReactNode };

export default async function AttendanceSettingsPage() {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const o = attendanceConfigOverview(await requestContext(actor));
  const number = (n: number) => n.toLocaleString(actor.locale === "id" ? "id-ID" : "en-GB");
  const icon = "size-6 shrink-0 text-brand-700";
  const sections: Section[] = [
    {
      href: "/admin/presensi/kebijakan",
      title: t("presensiAdmin.overview.policy"),
      hint: t("presensiAdmin.overview.policyHint"),
      status: o.policy.saved
        ? t("presensiAdmin.overview.policySummary", { accuracy: number(o.policy.accuracyLimitMeters), absent: number(o.policy.absentDeductionPercent) })
        : t("presensiAdmin.overview.policyDefault"),
      icon: <SlidersHorizontal aria-hidden className={icon} />,
    },
    {
      href: "/admin/presensi/jadwal",
      title: t("presensiAdmin.overview.schedules"),
      hint: t("presensiAdmin.overview.schedulesHint"),
      status: t("presensiAdmin.overview.schedulesCount", { count: number(o.activeSchedules) }),
      icon: <CalendarDays aria-hidden className={icon} />,
    },
    {
      href: `/admin/presensi/libur?tahun=${o.year}`,
      title: t("presensiAdmin.overview.holidays"),
      hint: t("presensiAdmin.overview.holidaysHint"),
      status: t("presensiAdmin.overview.holidaysCount", { count: number(o.holidaysThisYear), year: o.year }),
      icon: <CalendarOff aria-hidden className={icon} />,
    },
    {
      href: "/admin/presensi/lokasi",
      title: t("presensiAdmin.overview.sites"),
      hint: t("presensiAdmin.overview.sitesHint"),
      status: t("presensiAdmin.overview.sitesCount", { count: number(o.activeSites) }),
      icon: <MapPin aria-hidden className={icon} />,
    },
    {
      href: "/admin/presensi/fleksibel",
      title: t("presensiAdmin.overview.flexible"),
      hint: t("presensiAdmin.overview.flexibleHint"),
      status: t("presensiAdmin.overview.flexibleCount", { count: number(o.flexibleEmployees) }),
      icon: <House aria-hidden className={icon} />,
    },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("presensiAdmin.title")} description={t("presensiAdmin.description")} back={{ href: "/admin", label: t("adminHome.title") }} />
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="attendance-settings-sections">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="flex min-h-11 items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50">
              {s.icon}
              <span className="min-w-0 flex-1">
                <span className="block font-semibold text-slate-900">{s.title}</span>
                <span className="block text-sm text-slate-600">{s.hint}</span>
                <span className="mt-1 block text-sm font-medium text-slate-800">{s.status}</span>
              </span>
              <ChevronRight aria-hidden className="size-5 shrink-0 self-center text-slate-400" />
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">{t("presensiAdmin.recomputeNote")}</p>
      {can(actor, "audit.read") && (
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/audit" variant="secondary">
            {t("presensiAdmin.history")}
          </LinkButton>
        </div>
      )}
    </div>
  );
}
