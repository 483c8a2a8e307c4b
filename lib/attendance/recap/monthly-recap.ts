import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { agencies, assignments, attendanceDays, employees, positions, units } from "@/db/schema";
import { dayRules, loadAgencyRules, timeZoneFor, unitChain } from "@/lib/attendance/agency-rules";
import { attendancePolicy } from "@/lib/attendance/policy";
import { recomputeDays } from "@/lib/attendance/recompute";
import type { Ctx, DbOrTx } from "@/lib/context";
import { invalid, notFound } from "@/lib/errors";
import { addDays, datesBetween, startOfLocalDay } from "@/lib/time";
import { absenceStanding, CONSECUTIVE_DISMISSAL_DAYS, longestAbsentRun, type AbsenceStanding } from "./absence-thresholds";
import { currentMembers, employeesWithPost, unitSubtree } from "./members";
import { isMonth, monthRange } from "./month";
import { maySeeUnit, recapScope, visibleDaySql, type RecapScope } from "./scope";

// The monthly recap of a unit and its sub-units, the input of the TPP pay allowance: per employee the working days,
// presence, TL1-4 and PSW1-4, TK, leave, permit, sick and duty days, the month's deduction, and the year's TK days
// against the PP 94/2021 steps. Days are counted by the unit they were worked in (attendance_days.unitId), so a
// transfer mid-month splits the month between the two units' recaps. Past days nobody computed yet are computed
// first (only those employees with gaps), then one grouped query over attendance_days does the counting.

export type RecapCounts = {
  workingDays: number;
  presentDays: number;
  /** TL1..TL4. */
  late: [number, number, number, number];
  /** PSW1..PSW4. */
  earlyLeave: [number, number, number, number];
  absentDays: number;
  leaveDays: number;
  permitDays: number;
  sickDays: number;
  dutyDays: number;
  absentDaysThisYear: number;
};

export type RecapRow = RecapCounts & {
  employeeId: number;
  nip: string;
  name: string;
  postName: string;
  /** The month's TPP deduction in percent: the days' deductions added up, at most 100. */
  deductionPercent: number;
  longestAbsentRun: number;
  standing: AbsenceStanding;
};

export type MonthlyRecap = {
  agencyName: string;
  unit: { id: number; name: string; shortName: string };
  month: string;
  from: string;
  to: string;
  /** The last date counted: yesterday, today once its day has closed, the month's end for a past month; null before the month starts. */
  countedThrough: string | null;
  generatedAt: Date;
  lateCodes: string[];
  earlyLeaveCodes: string[];
  rows: RecapRow[];
  totals: RecapCounts & { employees: number; averageDeductionPercent: number };
};

const WORKING = sql.raw(`('present', 'absent', 'leave', 'permit', 'sick', 'duty')`);
const count = (cond: SQL) => sql<number>`COALESCE(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`.mapWith(Number);
const CHUNK = 500;

const zeroCounts = (): RecapCounts => ({
  workingDays: 0,
  presentDays: 0,
  late: [0, 0, 0, 0],
  earlyLeave: [0, 0, 0, 0],
  absentDays: 0,
  leaveDays: 0,
  permitDays: 0,
  sickDays: 0,
  dutyDays: 0,
  absentDaysThisYear: 0,
});

export function monthlyRecap(ctx: Ctx, input: { unitId: number; month: string }): MonthlyRecap {
  if (!isMonth(input.month)) throw invalid({ month: "rekap.invalidMonth" }, "rekap.invalidMonth");
  const scope = recapScope(ctx);
  if (!Number.isSafeInteger(input.unitId) || !maySeeUnit(ctx.db, scope, input.unitId)) throw notFound();
  const unit = ctx.db
    .select({ id: units.id, name: units.name, shortName: units.shortName })
    .from(units)
    .where(and(eq(units.id, input.unitId), eq(units.agencyId, scope.agencyId)))
    .get();
  if (!unit) throw notFound();
  const subtree = unitSubtree(ctx.db, unit.id);
  const { from, to } = monthRange(input.month);
  const through = countedThrough(ctx, scope, subtree, from, to);

  if (through) fillMissingDays(ctx, scope, subtree, from, through);

  const byEmployee = new Map<number, Omit<RecapRow, "nip" | "name" | "postName" | "longestAbsentRun" | "standing">>();
  if (through) {
    const d = attendanceDays;
    const grouped = ctx.db
      .select({
        employeeId: d.employeeId,
        workingDays: count(sql`${d.status} IN ${WORKING}`),
        presentDays: count(sql`${d.status} = 'present'`),
        tl1: count(sql`${d.lateBucket} = 1`),
        tl2: count(sql`${d.lateBucket} = 2`),
        tl3: count(sql`${d.lateBucket} = 3`),
        tl4: count(sql`${d.lateBucket} = 4`),
        psw1: count(sql`${d.earlyLeaveBucket} = 1`),
        psw2: count(sql`${d.earlyLeaveBucket} = 2`),
        psw3: count(sql`${d.earlyLeaveBucket} = 3`),
        psw4: count(sql`${d.earlyLeaveBucket} = 4`),
        absentDays: count(sql`${d.status} = 'absent'`),
        leaveDays: count(sql`${d.status} = 'leave'`),
        permitDays: count(sql`${d.status} = 'permit'`),
        sickDays: count(sql`${d.status} = 'sick'`),
        dutyDays: count(sql`${d.status} = 'duty'`),
        deduction: sql<number>`COALESCE(SUM(${d.deductionBasisPoints}), 0)`.mapWith(Number),
      })
      .from(d)
      .where(and(eq(d.agencyId, scope.agencyId), gte(d.localDate, from), lte(d.localDate, through), inArray(d.unitId, subtree), visibleDaySql(scope, d.unitId, d.employeeId)))
      .groupBy(d.employeeId)
      .all();
    for (const g of grouped) {
      byEmployee.set(g.employeeId, {
        ...zeroCounts(),
        employeeId: g.employeeId,
        workingDays: g.workingDays,
        presentDays: g.presentDays,
        late: [g.tl1, g.tl2, g.tl3, g.tl4],
        earlyLeave: [g.psw1, g.psw2, g.psw3, g.psw4],
        absentDays: g.absentDays,
        leaveDays: g.leaveDays,
        permitDays: g.permitDays,
        sickDays: g.sickDays,
        dutyDays: g.dutyDays,
        deductionPercent: Math.min(100, g.deduction / 100),
      });
    }
  }
  // Today's members are listed even before they have a counted day (the first of the month, a new arrival), but
  // not in the recap of a month that ended before they arrived.
  for (const member of currentMembers(ctx.db, scope, { unitIds: subtree })) {
    if (!byEmployee.has(member.employeeId) && arrivedBy(ctx.db, member.employeeId, subtree, to)) {
      byEmployee.set(member.employeeId, { ...zeroCounts(), employeeId: member.employeeId, deductionPercent: 0 });
    }
  }

  const ids = [...byEmployee.keys()];
  const yearly = absentThisYear(ctx.db, ids, `${input.month.slice(0, 4)}-01-01`, through ?? addDays(from, -1));
  const people = employeesWithPost(ctx.db, ids, through ?? from);
  const rows: RecapRow[] = ids.map((id) => {
    const person = people.get(id);
    const year = yearly.get(id) ?? { absent: 0, longestRun: 0 };
    return {
      ...byEmployee.get(id)!,
      nip: person?.nip ?? "",
      name: person?.name ?? "",
      postName: person?.postName ?? "",
      absentDaysThisYear: year.absent,
      longestAbsentRun: year.longestRun,
      standing: absenceStanding(year.absent, year.longestRun),
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name, "id") || a.employeeId - b.employeeId);

  const policy = attendancePolicy(ctx.db, scope.agencyId);
  const agencyName = ctx.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, scope.agencyId)).get()?.name ?? "";
  return {
    agencyName,
    unit,
    month: input.month,
    from,
    to,
    countedThrough: through,
    generatedAt: ctx.now,
    lateCodes: policy.lateBuckets.map((b) => b.code),
    earlyLeaveCodes: policy.earlyLeaveBuckets.map((b) => b.code),
    rows,
    totals: totalsOf(rows),
  };
}

export function totalsOf(rows: readonly RecapRow[]): MonthlyRecap["totals"] {
  const totals = { ...zeroCounts(), employees: rows.length, averageDeductionPercent: 0 };
  let deduction = 0;
  for (const row of rows) {
    totals.workingDays += row.workingDays;
    totals.presentDays += row.presentDays;
    for (let i = 0; i < 4; i++) {
      totals.late[i] += row.late[i];
      totals.earlyLeave[i] += row.earlyLeave[i];
    }
    totals.absentDays += row.absentDays;
    totals.leaveDays += row.leaveDays;
    totals.permitDays += row.permitDays;
    totals.sickDays += row.sickDays;
    totals.dutyDays += row.dutyDays;
    totals.absentDaysThisYear += row.absentDaysThisYear;
    deduction += row.deductionPercent;
  }
  totals.averageDeductionPercent = rows.length ? Math.round((deduction / rows.length) * 100) / 100 : 0;
  return totals;
}

/**
 * The last date of the month that counts: days up to yesterday, and today once the check-out window has closed in
 * every office of the unit's subtree (a unit with a WIT branch closes last in its WIB office).
 */
function countedThrough(ctx: Ctx, scope: RecapScope, subtree: readonly number[], from: string, to: string): string | null {
  const { today } = scope;
  if (from > today) return null;
  if (to < today) return to;
  const rules = loadAgencyRules(ctx.db, scope.agencyId, { from: today, to: today });
  let closesAt = 0;
  for (const unitId of subtree) {
    const chain = unitChain(rules, unitId);
    const { schedule } = dayRules(rules, chain, today);
    const midnight = startOfLocalDay(today, timeZoneFor(rules, chain)).getTime();
    closesAt = Math.max(closesAt, midnight + (schedule?.checkOutClosesMinute ?? 1439) * 60_000);
  }
  if (ctx.now.getTime() >= closesAt) return today;
  const yesterday = addDays(today, -1);
  return yesterday >= from ? yesterday : null;
}

/**
 * Computes the days of [from, through] for the employees posted in the subtree during that time who lack any of
 * them (a month nobody opened, absent days nobody's check-in ever touched). Employees with every day already
 * computed are left alone: the recompute after each change keeps those current.
 */
function fillMissingDays(ctx: Ctx, scope: RecapScope, subtree: readonly number[], from: string, through: string): void {
  const candidates = ctx.db
    .selectDistinct({ id: assignments.employeeId })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(
      and(
        eq(employees.agencyId, scope.agencyId),
        eq(employees.active, true),
        inArray(positions.unitId, [...subtree]),
        lte(assignments.startDate, through),
        sql`(${assignments.endDate} IS NULL OR ${assignments.endDate} >= ${from})`,
      ),
    )
    .all()
    .map((r) => r.id);
  const expected = datesBetween(from, through).length;
  const missing: number[] = [];
  for (let i = 0; i < candidates.length; i += CHUNK) {
    const chunk = candidates.slice(i, i + CHUNK);
    const have = new Map(
      ctx.db
        .select({ employeeId: attendanceDays.employeeId, n: sql<number>`COUNT(*)`.mapWith(Number) })
        .from(attendanceDays)
        .where(and(inArray(attendanceDays.employeeId, chunk), gte(attendanceDays.localDate, from), lte(attendanceDays.localDate, through)))
        .groupBy(attendanceDays.employeeId)
        .all()
        .map((r) => [r.employeeId, r.n]),
    );
    for (const id of chunk) if ((have.get(id) ?? 0) < expected) missing.push(id);
  }
  if (missing.length === 0) return;
  ctx.db.transaction((tx) => recomputeDays(tx, { agencyId: scope.agencyId, employeeIds: missing, from, to: through }, ctx.now), { behavior: "immediate" });
}

function arrivedBy(db: DbOrTx, employeeId: number, subtree: readonly number[], date: string): boolean {
  return (
    db
      .select({ id: assignments.id })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(and(eq(assignments.employeeId, employeeId), inArray(positions.unitId, [...subtree]), lte(assignments.startDate, date)))
      .limit(1)
      .get() !== undefined
  );
}

/**
 * TK days from the year's start through `through` (in any unit: the PP 94/2021 count is the employee's; days without
 * a post, before someone joined, are not theirs to answer for), and for
 * those with enough of them to matter, the longest run of consecutive TK working days (days off and holidays do
 * not break a run; any other working day does).
 */
function absentThisYear(db: DbOrTx, employeeIds: readonly number[], yearStart: string, through: string): Map<number, { absent: number; longestRun: number }> {
  const out = new Map<number, { absent: number; longestRun: number }>();
  if (through < yearStart) return out;
  const d = attendanceDays;
  for (let i = 0; i < employeeIds.length; i += CHUNK) {
    const chunk = employeeIds.slice(i, i + CHUNK);
    const counts = db
      .select({ employeeId: d.employeeId, absent: count(sql`${d.status} = 'absent'`) })
      .from(d)
      .where(and(inArray(d.employeeId, chunk), gte(d.localDate, yearStart), lte(d.localDate, through), isNotNull(d.unitId)))
      .groupBy(d.employeeId)
      .all();
    for (const c of counts) out.set(c.employeeId, { absent: c.absent, longestRun: 0 });
  }
  const runCandidates = [...out.entries()].filter(([, v]) => v.absent >= CONSECUTIVE_DISMISSAL_DAYS).map(([id]) => id);
  for (let i = 0; i < runCandidates.length; i += CHUNK) {
    const days = db
      .select({ employeeId: d.employeeId, status: d.status })
      .from(d)
      .where(and(inArray(d.employeeId, runCandidates.slice(i, i + CHUNK)), gte(d.localDate, yearStart), lte(d.localDate, through), isNotNull(d.unitId), sql`${d.status} IN ${WORKING}`))
      .orderBy(asc(d.employeeId), asc(d.localDate))
      .all();
    const perEmployee = new Map<number, { absent: boolean }[]>();
    for (const day of days) {
      const list = perEmployee.get(day.employeeId);
      if (list) list.push({ absent: day.status === "absent" });
      else perEmployee.set(day.employeeId, [{ absent: day.status === "absent" }]);
    }
    for (const [id, list] of perEmployee) out.get(id)!.longestRun = longestAbsentRun(list);
  }
  return out;
}
