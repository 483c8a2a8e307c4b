import "server-only";
import { and, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { agencies, assignments, attendanceSites, holidays, positions, units, workSchedules } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { attendancePolicy, type AttendancePolicy } from "./policy";
import { parseScheduleDays, scheduleFor, weekdayIndex, type ScheduleDay } from "./schedule";

// Everything of an agency that decides attendance days, loaded once for a check-in or a recompute of many days:
// policy, schedules, holidays, sites and the unit tree. Lookups for one employee and date are then in memory.

export type Site = typeof attendanceSites.$inferSelect;
export type Schedule = Omit<typeof workSchedules.$inferSelect, "days"> & { days: (ScheduleDay | null)[] };

export type AgencyRules = {
  agencyId: number;
  agencyTimeZone: string;
  policy: AttendancePolicy;
  schedules: Schedule[];
  holidays: Map<string, string>;
  sites: Site[];
  unitParent: Map<number, number | null>;
};

export function loadAgencyRules(db: DbOrTx, agencyId: number, range?: { from: string; to: string }): AgencyRules {
  const agency = db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, agencyId)).get();
  const holidayRows = db
    .select({ date: holidays.date, name: holidays.name })
    .from(holidays)
    .where(and(eq(holidays.agencyId, agencyId), range ? gte(holidays.date, range.from) : undefined, range ? lte(holidays.date, range.to) : undefined))
    .all();
  return {
    agencyId,
    agencyTimeZone: agency?.timeZone ?? "Asia/Jakarta",
    policy: attendancePolicy(db, agencyId),
    schedules: db
      .select()
      .from(workSchedules)
      .where(eq(workSchedules.agencyId, agencyId))
      .all()
      .map((s) => ({ ...s, days: parseScheduleDays(s.days) })),
    holidays: new Map(holidayRows.map((h) => [h.date, h.name])),
    sites: db.select().from(attendanceSites).where(and(eq(attendanceSites.agencyId, agencyId), eq(attendanceSites.active, true))).all(),
    unitParent: new Map(db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.agencyId, agencyId)).all().map((u) => [u.id, u.parentId])),
  };
}

/** The unit and its ancestors, nearest first. */
export function unitChain(rules: AgencyRules, unitId: number | null): number[] {
  const chain: number[] = [];
  for (let id = unitId; id != null && !chain.includes(id); id = rules.unitParent.get(id) ?? null) chain.push(id);
  return chain;
}

const servesChain = (site: Site, chain: readonly number[]) => site.unitId === null || chain.includes(site.unitId);
const validOn = (site: Site, date: string) => (!site.validFrom || site.validFrom <= date) && (!site.validTo || site.validTo >= date);

/** The employee's office: the office of the nearest unit in the chain, else an agency-wide one. */
export function homeOffice(rules: AgencyRules, chain: readonly number[]): Site | null {
  const offices = rules.sites.filter((s) => s.kind === "office");
  for (const level of [...chain, null]) {
    const office = offices.find((s) => s.unitId === level);
    if (office) return office;
  }
  return null;
}

/** The zone that decides the employee's local date and schedule clock: their office's, else the agency's. */
export function timeZoneFor(rules: AgencyRules, chain: readonly number[]): string {
  return homeOffice(rules, chain)?.timeZone ?? rules.agencyTimeZone;
}

/** Fences where a WFO check-in counts: the chain's offices, agency-wide offices, and activity sites valid today. */
export function allowedSites(rules: AgencyRules, chain: readonly number[], date: string): Site[] {
  return rules.sites.filter((s) => servesChain(s, chain) && validOn(s, date));
}

export type DayRules = {
  workday: ScheduleDay | null;
  schedule: Schedule | null;
  holidayName: string | null;
};

export function dayRules(rules: AgencyRules, chain: readonly number[], date: string): DayRules {
  const schedule = scheduleFor(rules.schedules, chain, date);
  return { schedule, workday: schedule?.days[weekdayIndex(date)] ?? null, holidayName: rules.holidays.get(date) ?? null };
}

export type UnitSpan = { employeeId: number; unitId: number; kind: string; startDate: string; endDate: string | null };

/** Every assignment of the employees, to find the unit each worked in on a date (own post before Plt/Plh). */
export function assignmentSpans(db: DbOrTx, employeeIds: readonly number[]): Map<number, UnitSpan[]> {
  const out = new Map<number, UnitSpan[]>();
  const columns = { employeeId: assignments.employeeId, unitId: units.id, kind: assignments.kind, startDate: assignments.startDate, endDate: assignments.endDate };
  const spansOf = (where: SQL) => db.select(columns).from(assignments).innerJoin(positions, eq(positions.id, assignments.positionId)).innerJoin(units, eq(units.id, positions.unitId)).where(where);
  const add = (rows: UnitSpan[]) => {
    for (const r of rows) out.set(r.employeeId, [...(out.get(r.employeeId) ?? []), r]);
  };
  // One employee (every check-in, twice): a query prepared once per connection.
  if (employeeIds.length === 1) add(prepared(db, "assignmentSpans.one", () => spansOf(eq(assignments.employeeId, sql.placeholder("employeeId"))).prepare()).all({ employeeId: employeeIds[0] }));
  else for (let i = 0; i < employeeIds.length; i += 500) add(spansOf(inArray(assignments.employeeId, employeeIds.slice(i, i + 500))).all());
  for (const spans of out.values()) spans.sort((a, b) => (a.kind === "definitif" ? 0 : 1) - (b.kind === "definitif" ? 0 : 1));
  return out;
}

export function unitOn(spans: readonly UnitSpan[] | undefined, date: string): number | null {
  const span = spans?.find((s) => s.startDate <= date && (!s.endDate || s.endDate >= date));
  return span?.unitId ?? null;
}

// A check-in needs the agency's rules on every request; at the 07.30 rush that is thousands of identical reads a
// minute. They are kept per database and agency for a few seconds, and dropped at once when an admin changes them.
const RULES_TTL_MS = 15_000;
const rulesCache = new WeakMap<object, Map<number, { rules: AgencyRules; loadedAt: number }>>();

export function cachedAgencyRules(db: DbOrTx, agencyId: number, now: Date): AgencyRules {
  const key = cacheKeyOf(db);
  let perDb = rulesCache.get(key);
  if (!perDb) rulesCache.set(key, (perDb = new Map()));
  const hit = perDb.get(agencyId);
  if (hit && Math.abs(now.getTime() - hit.loadedAt) < RULES_TTL_MS) return hit.rules;
  const rules = loadAgencyRules(db, agencyId);
  perDb.set(agencyId, { rules, loadedAt: now.getTime() });
  return rules;
}

/** After any change to policy, schedules, holidays, sites or units of the agency. */
export function invalidateAgencyRules(db: DbOrTx, agencyId: number): void {
  rulesCache.get(cacheKeyOf(db))?.delete(agencyId);
}

/** Transactions and the database they run on share one better-sqlite3 connection: key the cache by it. */
function cacheKeyOf(db: DbOrTx): object {
  return (db as unknown as { session: { client: object } }).session.client;
}
