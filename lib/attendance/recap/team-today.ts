import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { attendanceDays, type DayStatus, type LeaveType, type WorkMode } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { recomputeDays } from "@/lib/attendance/recompute";
import { currentMembers, unitSubtree, type Member } from "./members";
import { maySeeUnit, recapScope, scopeIsEmpty } from "./scope";

// The supervisor's team today: everyone the actor may see, grouped by how their day stands right now. The days
// are recomputed first (one day for the team: cheap), so someone whose check-in window just closed shows as absent
// without waiting for anything else to touch their day.

export const TEAM_GROUPS = ["late", "absent", "notYet", "present", "away", "off"] as const;
export type TeamGroup = (typeof TEAM_GROUPS)[number];

export type TeamMember = Member & {
  group: TeamGroup;
  status: DayStatus | null;
  lateBucket: number;
  lateMinutes: number;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  mode: WorkMode | null;
  /** The zone of the employee's office, for showing their times as they read them. */
  timeZone: string;
  leaveType: LeaveType | null;
  anomalyCount: number;
};

export type TeamToday = {
  date: string;
  timeZone: string;
  unitId: number | null;
  members: TeamMember[];
  counts: Record<TeamGroup, number>;
};

export function groupOf(day: { status: DayStatus; lateBucket: number } | undefined): TeamGroup {
  switch (day?.status) {
    case "present":
      return day.lateBucket > 0 ? "late" : "present";
    case "absent":
      return "absent";
    case "leave":
    case "permit":
    case "sick":
    case "duty":
      return "away";
    case "holiday":
    case "off":
      return "off";
    default:
      return "notYet";
  }
}

const emptyCounts = (): Record<TeamGroup, number> => Object.fromEntries(TEAM_GROUPS.map((g) => [g, 0])) as Record<TeamGroup, number>;

/** Today's attendance of the visible team, of one unit and its sub-units when `unitId` is given. */
export function teamToday(ctx: Ctx, input: { unitId?: number | null } = {}): TeamToday {
  const scope = recapScope(ctx);
  const unitId = input.unitId ?? null;
  if (unitId !== null && !maySeeUnit(ctx.db, scope, unitId)) throw notFound();
  const result: TeamToday = { date: scope.today, timeZone: scope.agencyTimeZone, unitId, members: [], counts: emptyCounts() };
  if (scopeIsEmpty(scope)) return result;

  const members = currentMembers(ctx.db, scope, unitId === null ? {} : { unitIds: unitSubtree(ctx.db, unitId) });
  if (members.length === 0) return result;
  const ids = members.map((m) => m.employeeId);
  ctx.db.transaction((tx) => recomputeDays(tx, { agencyId: scope.agencyId, employeeIds: ids, from: scope.today, to: scope.today }, ctx.now), { behavior: "immediate" });

  const days = new Map<number, typeof attendanceDays.$inferSelect>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const day of ctx.db
      .select()
      .from(attendanceDays)
      .where(and(eq(attendanceDays.localDate, scope.today), inArray(attendanceDays.employeeId, ids.slice(i, i + 500))))
      .all())
      days.set(day.employeeId, day);
  }
  for (const member of members) {
    const day = days.get(member.employeeId);
    const group = groupOf(day);
    result.counts[group] += 1;
    result.members.push({
      ...member,
      group,
      status: day?.status ?? null,
      lateBucket: day?.lateBucket ?? 0,
      lateMinutes: day?.lateMinutes ?? 0,
      checkInAt: day?.checkInAt ?? null,
      checkOutAt: day?.checkOutAt ?? null,
      mode: day?.mode ?? null,
      timeZone: day?.timeZone ?? scope.agencyTimeZone,
      leaveType: day?.leaveType ?? null,
      anomalyCount: day?.anomalyCount ?? 0,
    });
  }
  return result;
}
