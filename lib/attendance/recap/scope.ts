import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { agencies, assignments, employees, positions, units } from "@/db/schema";
import type { Ctx, DbOrTx } from "@/lib/context";
import { can } from "@/lib/auth/permissions";
import { inForceOn } from "@/lib/org/assignment-in-force";
import { descendantUnitIds } from "@/lib/org/org-queries";
import { localDate } from "@/lib/time";

// Who may see whose attendance: the one rule behind the team view, the anomaly review, the recap, its exports and
// the selfie route. The personnel office and the agency admin ("attendance.recap") see every unit of their agency;
// a leader (definitif, Plt or Plh in force today of a position with isLeader) sees every employee posted in that
// position's unit and its sub-units; anyone whose post is someone's superior sees those direct reports. Nobody sees
// another agency, and everyone else sees nobody.

export type RecapScope = {
  agencyId: number;
  /** The agency's local date today: the day whose postings decide who is whose. */
  today: string;
  agencyTimeZone: string;
  /** The whole agency ("attendance.recap"). */
  everyone: boolean;
  /** Units seen whole: the leader posts' units and everything below them. */
  unitIds: number[];
  /** Direct reports, seen wherever their post is. */
  reportIds: number[];
};

type Column = SQL | AnySQLiteColumn;

export const scopeIsEmpty = (scope: RecapScope) => !scope.everyone && scope.unitIds.length === 0 && scope.reportIds.length === 0;

export function agencyTimeZoneOf(db: DbOrTx, agencyId: number): string {
  return db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, agencyId)).get()?.timeZone ?? "Asia/Jakarta";
}

export function recapScope(ctx: Ctx): RecapScope {
  const { db, actor } = ctx;
  const agencyTimeZone = agencyTimeZoneOf(db, actor.agencyId);
  const today = localDate(ctx.now, agencyTimeZone);
  const base = { agencyId: actor.agencyId, today, agencyTimeZone };
  if (can(actor, "attendance.recap", { agencyId: actor.agencyId })) return { ...base, everyone: true, unitIds: [], reportIds: [] };

  // Held posts are re-read for `today` rather than taken from the session, so an assignment that ended since the
  // session was loaded grants nothing.
  const held = db
    .select({ positionId: positions.id, unitId: positions.unitId, isLeader: positions.isLeader })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(and(eq(assignments.employeeId, actor.employeeId), eq(positions.agencyId, actor.agencyId), inForceOn(today)))
    .all();
  if (held.length === 0) return { ...base, everyone: false, unitIds: [], reportIds: [] };

  const unitIds = new Set<number>();
  for (const post of held.filter((p) => p.isLeader)) {
    if (unitIds.has(post.unitId)) continue;
    unitIds.add(post.unitId);
    for (const id of descendantUnitIds(db, post.unitId)) unitIds.add(id);
  }
  const reportIds = db
    .selectDistinct({ id: assignments.employeeId })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(
      and(
        inArray(
          positions.superiorId,
          held.map((p) => p.positionId),
        ),
        eq(positions.agencyId, actor.agencyId),
        eq(employees.agencyId, actor.agencyId),
        inForceOn(today),
      ),
    )
    .all()
    .map((r) => r.id)
    .filter((id) => id !== actor.employeeId);
  return { ...base, everyone: false, unitIds: [...unitIds].sort((a, b) => a - b), reportIds };
}

/**
 * SQL: the employee (by its id column) is currently visible: posted today in a unit seen whole, or a direct
 * report. Callers filter the agency themselves.
 */
export function visibleEmployeeSql(scope: RecapScope, employeeId: Column): SQL {
  if (scope.everyone) return sql`1 = 1`;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0) {
    parts.push(sql`EXISTS (SELECT 1 FROM ${assignments} JOIN ${positions} ON ${positions.id} = ${assignments.positionId}
      WHERE ${assignments.employeeId} = ${employeeId} AND ${assignments.startDate} <= ${scope.today}
        AND (${assignments.endDate} IS NULL OR ${assignments.endDate} >= ${scope.today})
        AND ${positions.unitId} IN (${sql.join(
          scope.unitIds.map((id) => sql`${id}`),
          sql`, `,
        )}))`);
  }
  if (scope.reportIds.length > 0) {
    parts.push(sql`${employeeId} IN (${sql.join(
      scope.reportIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  }
  return parts.length === 0 ? sql`1 = 0` : sql`(${sql.join(parts, sql` OR `)})`;
}

/** Whether the actor may see this employee's attendance (any employee id, any agency). */
export function maySeeEmployee(db: DbOrTx, scope: RecapScope, employeeId: number): boolean {
  const row = db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.id, employeeId), eq(employees.agencyId, scope.agencyId), visibleEmployeeSql(scope, employees.id)))
    .get();
  return row !== undefined;
}

export type VisibleUnit = { id: number; name: string; shortName: string; parentId: number | null };

/**
 * Units the actor may pick for the team view and the recap: every active unit of the agency for the personnel
 * office, else the units seen whole plus the units where direct reports are posted (whose recap then lists only
 * those reports).
 */
export function visibleUnits(db: DbOrTx, scope: RecapScope): VisibleUnit[] {
  const columns = { id: units.id, name: units.name, shortName: units.shortName, parentId: units.parentId };
  if (scope.everyone) return db.select(columns).from(units).where(and(eq(units.agencyId, scope.agencyId), eq(units.active, true))).all();
  const ids = new Set(scope.unitIds);
  if (scope.reportIds.length > 0) {
    const reportUnits = db
      .selectDistinct({ unitId: positions.unitId })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(and(inArray(assignments.employeeId, scope.reportIds), inForceOn(scope.today)))
      .all();
    for (const r of reportUnits) ids.add(r.unitId);
  }
  if (ids.size === 0) return [];
  return db
    .select(columns)
    .from(units)
    .where(and(eq(units.agencyId, scope.agencyId), inArray(units.id, [...ids])))
    .all();
}

/** Whether the actor may open the unit: any unit of the agency (inactive ones too) for the personnel office. */
export function maySeeUnit(db: DbOrTx, scope: RecapScope, unitId: number): boolean {
  if (scope.everyone) return db.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.agencyId, scope.agencyId))).get() !== undefined;
  return scope.unitIds.includes(unitId) || visibleUnits(db, scope).some((u) => u.id === unitId);
}

/**
 * SQL over attendance_days: the day counts for the actor, by the unit it was worked in (a leader sees the days
 * worked in their units, also of people who have moved on since) or by the employee being a direct report.
 */
export function visibleDaySql(scope: RecapScope, unitId: Column, employeeId: Column): SQL {
  if (scope.everyone) return sql`1 = 1`;
  const parts: SQL[] = [];
  if (scope.unitIds.length > 0)
    parts.push(sql`${unitId} IN (${sql.join(
      scope.unitIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  if (scope.reportIds.length > 0)
    parts.push(sql`${employeeId} IN (${sql.join(
      scope.reportIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return parts.length === 0 ? sql`1 = 0` : sql`(${sql.join(parts, sql` OR `)})`;
}
