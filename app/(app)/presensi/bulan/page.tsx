import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Card, PageHeader, refreshLabels } from "@/components/ui/page";
import { attendanceMonth } from "@/lib/attendance/my-attendance";
import { weekdayIndex } from "@/lib/attendance/schedule";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { datesBetween } from "@/lib/time";
import type { DayStatus } from "@/db/schema";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translator(actor.locale)("presensi.links.month") };
}

export const dynamic = "force-dynamic";

// Colour helps, the letter code says it: status is never told by colour alone.
const TONE: Record<DayStatus, string> = {
  present: "border-emerald-300 bg-emerald-50 text-emerald-950",
  absent: "border-red-300 bg-red-50 text-red-900",
  leave: "border-sky-300 bg-sky-50 text-sky-950",
  permit: "border-sky-300 bg-sky-50 text-sky-950",
  sick: "border-sky-300 bg-sky-50 text-sky-950",
  duty: "border-violet-300 bg-violet-50 text-violet-950",
  holiday: "border-slate-200 bg-slate-100 text-slate-700",
  off: "border-slate-200 bg-slate-50 text-slate-500",
  upcoming: "border-slate-200 bg-white text-slate-500",
};

export default async function AttendanceMonthPage({ searchParams }: { searchParams: Promise<{ bulan?: string }> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const { bulan } = await searchParams;
  const view = attendanceMonth(await requestContext(actor), bulan);
  const intl = actor.locale === "id" ? "id-ID" : "en-GB";
  const monthName = new Intl.DateTimeFormat(intl, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${view.from}T00:00:00Z`));
  const time = (d: Date | null) => (d ? new Intl.DateTimeFormat("id-ID", { timeZone: view.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d).replace(":", ".") : "–");
  const byDate = new Map(view.days.map((d) => [d.localDate, d]));
  const dates = datesBetween(view.from, view.to);
  const leading = weekdayIndex(view.from);
  const code = (date: string) => {
    const d = byDate.get(date);
    if (!d) return { text: "", tone: TONE.upcoming, label: "" };
    const late = d.lateBucket ? `TL${d.lateBucket}` : "";
    const early = d.earlyLeaveBucket ? `PSW${d.earlyLeaveBucket}` : "";
    const text = d.status === "present" && (late || early) ? [late, early].filter(Boolean).join(" ") : t(`presensi.short.${d.status}`);
    return { text, tone: d.lateBucket || d.earlyLeaveBucket ? "border-amber-300 bg-amber-50 text-amber-950" : TONE[d.status], label: t(`presensi.status.${d.status}`) };
  };
  const s = view.summary;

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("presensi.month.title", { month: monthName })} back={{ href: "/presensi", label: t("presensi.title") }} />
      {view.invalidRequest && <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("presensi.month.invalid")}</p>}
      <div className="flex items-center justify-between gap-2">
        <Link href={`/presensi/bulan?bulan=${view.previous}`} className="flex min-h-11 items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 text-sm">
          <ChevronLeft aria-hidden className="size-4" /> {t("presensi.month.previous")}
        </Link>
        <Link href={`/presensi/bulan?bulan=${view.next}`} className="flex min-h-11 items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 text-sm">
          {t("presensi.month.next")} <ChevronRight aria-hidden className="size-4" />
        </Link>
      </div>

      <Card>
        <div className="grid grid-cols-7 gap-1 text-center text-xs" role="grid" aria-label={monthName} data-testid="month-calendar">
          {t("presensi.month.weekdays")
            .split(",")
            .map((w) => (
              <div key={w} role="columnheader" className="py-1 font-semibold text-slate-600">
                {w}
              </div>
            ))}
          {Array.from({ length: leading }, (_, i) => (
            <div key={`pad-${i}`} aria-hidden />
          ))}
          {dates.map((date) => {
            const c = code(date);
            return (
              <div key={date} role="gridcell" data-date={date} title={c.label} aria-label={`${Number(date.slice(8))}: ${c.label || "-"}`} className={`flex min-h-12 flex-col items-center justify-center rounded-md border ${c.tone} ${date === view.today ? "ring-2 ring-brand-600" : ""}`}>
                <span className="font-semibold">{Number(date.slice(8))}</span>
                <span className="text-[10px] leading-tight">{c.text}</span>
              </div>
            );
          })}
        </div>
      </Card>

      <Card title={t("presensi.month.summary")}>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3" data-testid="month-summary">
          {(
            [
              ["present", s.present],
              ["late", s.late],
              ["early", s.early],
              ["absent", s.absent],
              ["leave", s.excused],
              ["deduction", `${(s.deductionBasisPoints / 100).toLocaleString(intl, { maximumFractionDigits: 2 })} %`],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="rounded-lg border border-slate-200 p-2">
              <dt className="text-slate-600">{t(`presensi.month.${key}`)}</dt>
              <dd className="text-lg font-bold tabular-nums" data-testid={`month-${key}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card title={t("presensi.month.days")}>
        <ul className="divide-y divide-slate-100 text-sm">
          {view.days
            .filter((d) => d.localDate <= view.today && d.status !== "off")
            .reverse()
            .map((d) => (
              <li key={d.localDate} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                <span className="font-medium">{new Intl.DateTimeFormat(intl, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${d.localDate}T00:00:00Z`))}</span>
                <span>
                  {t(`presensi.status.${d.status}`)}
                  {d.status === "present" ? ` · ${time(d.checkInAt)}–${time(d.checkOutAt)}` : ""}
                  {d.lateBucket ? ` · TL${d.lateBucket}` : ""}
                  {d.earlyLeaveBucket ? ` · PSW${d.earlyLeaveBucket}` : ""}
                </span>
              </li>
            ))}
        </ul>
      </Card>
    </div>
  );
}
