import "server-only";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { agencies, assignments, attendanceSites, employees, positions } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { descendantUnitIds } from "@/lib/org/org-queries";
import { localDate } from "@/lib/time";
import { recomputeDays } from "../recompute";

// A configuration change rewrites the computed days it can affect, but only within a bounded window: from the
// first day of the previous month (so last month's recap, usually still being checked, follows the new rule) to
// today. Older months are closed history: their recaps fed pay already and must not move under a new rule.

export type DateRange = { from: string; to: string };

const EARLIEST = "0000-01-01";
const LATEST = "9999-12-31";

/** A validity range with open ends made explicit. */
export const spanOf = (r: { validFrom: string | null; validTo: string | null }): DateRange => ({ from: r.validFrom ?? EARLIEST, to: r.validTo ?? LATEST });

/** The smallest range covering all the given ones. */
export const coverOf = (ranges: readonly DateRange[]): DateRange => ({
  from: ranges.reduce((m, r) => (r.from < m ? r.from : m), LATEST),
  to: ranges.reduce((m, r) => (r.to > m ? r.to : m), EARLIEST),
});

/**
 * First day of the previous month in the agency's zone, to today. "Today" is the latest local date among the
 * agency's zone and its offices' zones: at 23.30 WIB it is already tomorrow in a WIT office, and a future day
 * only recomputes to "upcoming", so reaching one day further is harmless.
 */
export function recomputeWindow(db: DbOrTx, agencyId: number, now: Date): DateRange {
  const agencyZone = db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, agencyId)).get()?.timeZone ?? "Asia/Jakarta";
  const zones = new Set([agencyZone, ...db.selectDistinct({ timeZone: attendanceSites.timeZone }).from(attendanceSites).where(eq(attendanceSites.agencyId, agencyId)).all().map((s) => s.timeZone)]);
  const today = localDate(now, agencyZone);
  const to = [...zones].map((z) => localDate(now, z)).reduce((a, b) => (b > a ? b : a), today);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const from = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, "0")}-01`;
  return { from, to };
}

/**
 * Recomputes the affected employees (all active ones of the agency when omitted) over `range` clipped to the
 * window. Call it inside the transaction that made the change, so the rule and the days it decides commit
 * together. Returns the number of day rows written.
 */
export function recomputeAffected(tx: DbOrTx, agencyId: number, now: Date, affected: { employeeIds?: readonly number[]; range?: DateRange } = {}): number {
  const window = recomputeWindow(tx, agencyId, now);
  const from = affected.range && affected.range.from > window.from ? affected.range.from : window.from;
  const to = affected.range && affected.range.to < window.to ? affected.range.to : window.to;
  if (from > to || affected.employeeIds?.length === 0) return 0;
  return recomputeDays(tx, { agencyId, employeeIds: affected.employeeIds, from, to }, now);
}

/**
 * Active employees who held a post in one of the units (or a unit below it) at some time within the range:
 * the people a unit's schedule or office can reach. A superset is fine (recompute is idempotent).
 */
export function employeesOfUnits(tx: DbOrTx, agencyId: number, unitIds: readonly number[], range: DateRange): number[] {
  const all = [...new Set(unitIds.flatMap((id) => [id, ...descendantUnitIds(tx, id)]))];
  if (all.length === 0) return [];
  return tx
    .selectDistinct({ id: assignments.employeeId })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(
      and(
        eq(positions.agencyId, agencyId),
        inArray(positions.unitId, all),
        eq(employees.active, true),
        lte(assignments.startDate, range.to),
        or(isNull(assignments.endDate), gte(assignments.endDate, range.from)),
      ),
    )
    .all()
    .map((r) => r.id);
}
