import type { Metadata } from "next";
import Link from "next/link";
import { CalendarDays, ChevronRight, ClipboardCheck, FileClock, Table2, Users } from "lucide-react";
import { ClockPanel, type ClockLabels } from "@/components/attendance/clock/clock-panel";
import { HomePointButton } from "@/components/attendance/clock/home-point-button";
import { Card, PageHeader } from "@/components/ui/page";
import { attendanceToday } from "@/lib/attendance/my-attendance";
import { clockText } from "@/lib/attendance/schedule";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { translator, type Translate } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { registerHomePointAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translator(actor.locale)("presensi.title") };
}

export const dynamic = "force-dynamic";

function clockLabels(t: Translate): ClockLabels {
  const keys = ["checkIn", "checkOut", "checkOutAgain", "locating", "sending", "successIn", "successOut", "flagged", "reasonLabel", "reasonHint", "sendWithReason", "cancel", "network", "accuracy", "serverTime"] as const;
  const flags = ["outside_fence", "impossible_speed", "clock_skew", "repeated_position", "outside_network"];
  const selfie = ["add", "take", "retake", "remove", "ready", "cameraDenied", "preview", "photo"] as const;
  return {
    ...(Object.fromEntries(keys.map((k) => [k, t(`presensi.${k}`)])) as Record<(typeof keys)[number], string>),
    geo: { geoDenied: t("presensi.geoDenied"), geoUnavailable: t("presensi.geoUnavailable"), geoTimeout: t("presensi.geoTimeout"), geoUnsupported: t("presensi.geoUnsupported") },
    flags: Object.fromEntries(flags.map((f) => [f, t(`presensi.flags.${f}`)])),
    selfie: Object.fromEntries(selfie.map((k) => [k, t(`presensi.selfie.${k}`)])) as ClockLabels["selfie"],
    selfieRequired: t("presensi.selfie.required"),
  };
}

export default async function AttendancePage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const view = attendanceToday(ctx);
  const time = (d: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: view.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d).replace(":", ".");
  const day = view.day;
  const checkedIn = view.records.some((r) => r.kind === "in");
  const checkedOut = view.records.some((r) => r.kind === "out");
  const excused = day && ["leave", "permit", "sick"].includes(day.status);
  const canClock = !!view.workday && !view.holidayName && !excused;
  const weekday = new Intl.DateTimeFormat(actor.locale === "id" ? "id-ID" : "en-GB", { weekday: "long", timeZone: "UTC" }).format(new Date(`${view.today}T00:00:00Z`));

  const links = [
    { href: "/presensi/bulan", label: t("presensi.links.month"), icon: <CalendarDays aria-hidden className="size-5" />, show: true },
    { href: "/presensi/pengajuan", label: t("presensi.links.requests"), icon: <FileClock aria-hidden className="size-5" />, show: true },
    { href: "/presensi/persetujuan", label: t("presensi.links.approvals"), icon: <ClipboardCheck aria-hidden className="size-5" />, show: view.isSupervisor },
    { href: "/presensi/tim", label: t("presensi.links.team"), icon: <Users aria-hidden className="size-5" />, show: view.seesTeam },
    { href: "/presensi/rekap", label: t("presensi.links.recap"), icon: <Table2 aria-hidden className="size-5" />, show: view.seesTeam },
  ];

  return (
    <div className="space-y-4">
      <PageHeader title={t("presensi.title")} description={`${weekday}, ${formatLocalDate(view.today, actor.locale)}`} />
      <Card>
        <div className="space-y-1 text-center text-sm text-slate-700" data-testid="attendance-schedule">
          {view.holidayName ? (
            <p className="font-semibold">{t("presensi.holiday", { name: view.holidayName })}</p>
          ) : view.workday ? (
            <p>{t("presensi.schedule", { start: clockText(view.workday.startMinute), end: clockText(view.workday.endMinute), zone: view.zoneLabel })}</p>
          ) : (
            <p>{t("presensi.noSchedule")}</p>
          )}
          {day?.mode && <p>{t("presensi.modeToday", { mode: t(`presensi.mode.${day.mode}`) })}</p>}
          {day && (
            <p className="font-semibold text-slate-900" data-testid="attendance-status">
              {t(`presensi.status.${day.status}`)}
              {day.lateBucket > 0 && day.checkInAt ? ` · ${t("presensi.late", { minutes: day.lateMinutes, bucket: day.lateBucket })}` : ""}
              {day.earlyLeaveBucket > 0 && day.checkOutAt ? ` · ${t("presensi.early", { minutes: day.earlyLeaveMinutes, bucket: day.earlyLeaveBucket })}` : ""}
            </p>
          )}
        </div>
        <div className="mt-4">
          {canClock ? (
            <ClockPanel
              labels={clockLabels(t)}
              nextKind={checkedIn ? "out" : "in"}
              checkedOutBefore={checkedOut}
              serverNow={ctx.now.getTime()}
              zoneLabel={view.zoneLabel}
              timeZone={view.timeZone}
              selfieRequired={view.selfieRequired}
            />
          ) : null}
        </div>
      </Card>

      {view.flexibleWork && (
        <Card title={t("presensi.home.title")}>
          {view.homeSetAt ? (
            <p className="text-sm text-slate-700">{t("presensi.home.registered", { date: formatLocalDate(view.homeSetAt.toISOString().slice(0, 10), actor.locale) })}</p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-700">{t("presensi.home.none")}</p>
              <HomePointButton action={registerHomePointAction} label={t("presensi.home.register")} geo={clockLabels(t).geo} />
            </div>
          )}
        </Card>
      )}

      <Card title={t("presensi.records")}>
        {view.records.length === 0 ? (
          <p className="text-sm text-slate-600">{t("presensi.noRecords")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="attendance-records">
            {view.records.map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 text-sm">
                <span className="font-semibold">
                  {t(r.kind === "in" ? "presensi.recordIn" : "presensi.recordOut")} {time(r.recordedAt)}
                </span>
                <span className="text-slate-700">
                  {t(`presensi.mode.${r.mode}`)}
                  {r.siteId && r.distanceMeters != null ? ` · ${t("presensi.atSite", { site: view.siteNames.get(r.siteId) ?? "", distance: Math.round(r.distanceMeters) })}` : ""}
                </span>
                {r.flags.length > 0 && <span className="w-full text-amber-900">{t("presensi.flagged", { flags: r.flags.map((f) => t(`presensi.flags.${f}`)).join(", ") })}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <nav aria-label={t("presensi.title")}>
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="flex min-h-12 items-center gap-3 px-4 text-slate-900 hover:bg-brand-50">
                  {l.icon}
                  <span className="flex-1">{l.label}</span>
                  <ChevronRight aria-hidden className="size-4 text-slate-500" />
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}
