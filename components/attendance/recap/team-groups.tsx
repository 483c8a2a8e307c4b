import { CalendarOff, CircleCheck, Clock, Hourglass, Plane, TriangleAlert, UserX, type LucideIcon } from "lucide-react";
import { TEAM_GROUPS, type TeamGroup, type TeamMember, type TeamToday } from "@/lib/attendance/recap/team-today";
import type { Locale, Translate } from "@/lib/i18n/catalog";
import { clockTime, zoneAbbreviation } from "./format";

// The team today: a count per group (icon, words and number: never colour alone), then each group's people.

const ICONS: Record<TeamGroup, LucideIcon> = { late: Clock, absent: UserX, notYet: Hourglass, present: CircleCheck, away: Plane, off: CalendarOff };
const TONES: Record<TeamGroup, string> = {
  late: "border-amber-300 bg-amber-50 text-amber-950",
  absent: "border-red-300 bg-red-50 text-red-900",
  notYet: "border-slate-300 bg-white text-slate-800",
  present: "border-emerald-300 bg-emerald-50 text-emerald-900",
  away: "border-sky-300 bg-sky-50 text-sky-900",
  off: "border-slate-300 bg-slate-50 text-slate-700",
};

export function TeamCounts({ team, t }: { team: TeamToday; t: Translate }) {
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("rekap.team.countsLabel")} data-testid="team-counts">
      {TEAM_GROUPS.map((group) => {
        const Icon = ICONS[group];
        return (
          <li key={group}>
            <a href={`#kelompok-${group}`} className={`flex min-h-11 items-center gap-2 rounded-xl border px-3 py-2 ${TONES[group]}`}>
              <Icon aria-hidden className="size-5 shrink-0" />
              <span className="min-w-0 flex-1 text-sm leading-tight">{t(`rekap.team.group.${group}`)}</span>
              <span className="text-lg font-bold tabular-nums" data-testid={`count-${group}`}>
                {team.counts[group]}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function memberDetail(member: TeamMember, t: Translate, locale: Locale): string[] {
  const parts: string[] = [];
  if (member.checkInAt) parts.push(t("rekap.team.checkIn", { time: `${clockTime(member.checkInAt, locale, member.timeZone)} ${zoneAbbreviation(member.timeZone)}` }));
  if (member.checkOutAt) parts.push(t("rekap.team.checkOut", { time: `${clockTime(member.checkOutAt, locale, member.timeZone)} ${zoneAbbreviation(member.timeZone)}` }));
  if (member.group === "late") parts.push(member.checkInAt ? t("rekap.team.lateBy", { bucket: member.lateBucket, minutes: member.lateMinutes }) : t("rekap.team.noCheckIn"));
  if (member.mode) parts.push(t(`rekap.mode.${member.mode}`));
  if (member.group === "away" && member.status) parts.push(member.leaveType ? t(`rekap.leaveType.${member.leaveType}`) : t(`rekap.status.${member.status}`));
  return parts;
}

export function TeamGroups({ team, t, locale }: { team: TeamToday; t: Translate; locale: Locale }) {
  return (
    <div className="space-y-3">
      {TEAM_GROUPS.filter((group) => team.counts[group] > 0).map((group) => {
        const Icon = ICONS[group];
        const members = team.members.filter((m) => m.group === group);
        return (
          <section key={group} id={`kelompok-${group}`} aria-labelledby={`judul-${group}`} className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid={`group-${group}`}>
            <h2 id={`judul-${group}`} className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-900">
              <Icon aria-hidden className="size-5" />
              {t(`rekap.team.group.${group}`)} ({members.length})
            </h2>
            <ul className="divide-y divide-slate-100">
              {members.map((m) => (
                <li key={m.employeeId} className="py-2" data-testid="team-member">
                  <p className="font-medium wrap-anywhere text-slate-900">{m.name}</p>
                  <p className="text-sm wrap-anywhere text-slate-600">{m.postName}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                    {memberDetail(m, t, locale).map((part) => (
                      <span key={part}>{part}</span>
                    ))}
                    {m.anomalyCount > 0 && (
                      <a href="#anomali" className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-950">
                        <TriangleAlert aria-hidden className="size-3.5" />
                        {t("rekap.team.anomalies", { n: m.anomalyCount })}
                      </a>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
