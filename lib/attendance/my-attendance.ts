import "server-only";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { attendanceDays, attendanceRecords, employeeAttendanceSettings, positions, type ClockKind, type WorkMode } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { addDays, localDate } from "@/lib/time";
import { assignmentSpans, cachedAgencyRules, dayRules, timeZoneFor, unitChain, unitOn } from "./agency-rules";
import type { AnomalyFlag } from "./clock";
import { recomputeDays } from "./recompute";
import { recapScope, scopeIsEmpty } from "./recap/scope";
import { pendingApprovals } from "./requests/queries";

// What the attendance screen and the month calendar show the signed-in employee about themself. The days are
// recomputed for the range first, so what they see is what the recap will count.

export const ZONE_LABELS: Record<string, string> = { "Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" };

function myZone(ctx: Ctx) {
  const rules = cachedAgencyRules(ctx.db, ctx.actor.agencyId, ctx.now);
  const spans = assignmentSpans(ctx.db, [ctx.actor.employeeId]).get(ctx.actor.employeeId);
  const chain = unitChain(rules, unitOn(spans, localDate(ctx.now, rules.agencyTimeZone)));
  const timeZone = timeZoneFor(rules, chain);
  return { rules, chain, timeZone, today: localDate(ctx.now, timeZone) };
}

export type TodayRecord = { id: number; kind: ClockKind; recordedAt: Date; mode: WorkMode; siteId: number | null; distanceMeters: number | null; accuracyMeters: number | null; flags: AnomalyFlag[]; reviewState: string };

export function attendanceToday(ctx: Ctx) {
  const { rules, chain, timeZone, today } = myZone(ctx);
  const { workday, holidayName } = dayRules(rules, chain, today);
  recomputeDays(ctx.db, { agencyId: ctx.actor.agencyId, employeeIds: [ctx.actor.employeeId], from: today, to: today }, ctx.now, rules);
  const day = ctx.db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, ctx.actor.employeeId), eq(attendanceDays.localDate, today))).get() ?? null;
  const records: TodayRecord[] = ctx.db
    .select()
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.employeeId, ctx.actor.employeeId), eq(attendanceRecords.localDate, today)))
    .orderBy(asc(attendanceRecords.recordedAt))
    .all()
    .map((r) => ({ ...r, flags: JSON.parse(r.flags) as AnomalyFlag[] }));
  const settings = ctx.db.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, ctx.actor.employeeId)).get();
  const myPosts = ctx.actor.assignments.map((a) => a.positionId);
  const hasSubordinates =
    myPosts.length > 0 && !!ctx.db.select({ id: positions.id }).from(positions).where(and(inArray(positions.superiorId, myPosts), eq(positions.active, true))).limit(1).get();
  return {
    today,
    timeZone,
    zoneLabel: ZONE_LABELS[timeZone] ?? timeZone,
    workday,
    holidayName,
    day,
    records,
    siteNames: new Map(rules.sites.map((s) => [s.id, s.name])),
    selfieRequired: rules.policy.selfieRequired,
    accuracyLimitMeters: rules.policy.accuracyLimitMeters,
    flexibleWork: settings?.flexibleWork ?? false,
    homeSetAt: settings?.homeLatitude != null ? settings.homeSetAt : null,
    isSupervisor: hasSubordinates,
    seesTeam: !scopeIsEmpty(recapScope(ctx)),
  };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthRange(month: string): { from: string; to: string } | null {
  if (!MONTH.test(month)) return null;
  const from = `${month}-01`;
  return { from, to: addDays(addDays(from, 32).slice(0, 8) + "01", -1) };
}

export function attendanceMonth(ctx: Ctx, requestedMonth: string | undefined) {
  const { timeZone, today } = myZone(ctx);
  const thisMonth = today.slice(0, 7);
  const month = requestedMonth && monthRange(requestedMonth) ? requestedMonth : thisMonth;
  const { from, to } = monthRange(month)!;
  // Only days that have begun are computed; the rest of the month is shown as days to come.
  if (from <= today) recomputeDays(ctx.db, { agencyId: ctx.actor.agencyId, employeeIds: [ctx.actor.employeeId], from, to: to < today ? to : today }, ctx.now);
  const days = ctx.db
    .select()
    .from(attendanceDays)
    .where(and(eq(attendanceDays.employeeId, ctx.actor.employeeId), gte(attendanceDays.localDate, from), lte(attendanceDays.localDate, to)))
    .orderBy(asc(attendanceDays.localDate))
    .all();
  const counted = days.filter((d) => d.localDate <= today);
  const summary = {
    present: counted.filter((d) => d.status === "present").length,
    late: counted.filter((d) => d.lateBucket > 0).length,
    early: counted.filter((d) => d.earlyLeaveBucket > 0).length,
    absent: counted.filter((d) => d.status === "absent").length,
    excused: counted.filter((d) => d.status === "leave" || d.status === "permit" || d.status === "sick" || d.status === "duty").length,
    deductionBasisPoints: Math.min(10_000, counted.reduce((sum, d) => sum + d.deductionBasisPoints, 0)),
  };
  return {
    month,
    invalidRequest: !!requestedMonth && requestedMonth !== month,
    from,
    to,
    today,
    timeZone,
    days,
    summary,
    previous: addDays(from, -1).slice(0, 7),
    next: addDays(to, 1).slice(0, 7),
  };
}

/** For the home screen: today's check-in and check-out as recorded (no recompute), and requests awaiting the actor. */
export function attendanceHomeSummary(ctx: Ctx) {
  const { timeZone, today } = myZone(ctx);
  const records = ctx.db
    .select({ kind: attendanceRecords.kind, recordedAt: attendanceRecords.recordedAt })
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.employeeId, ctx.actor.employeeId), eq(attendanceRecords.localDate, today)))
    .orderBy(asc(attendanceRecords.recordedAt))
    .all();
  return {
    timeZone,
    checkInAt: records.find((r) => r.kind === "in")?.recordedAt ?? null,
    checkOutAt: records.filter((r) => r.kind === "out").at(-1)?.recordedAt ?? null,
    pendingApprovals: pendingApprovals(ctx).length,
  };
}
