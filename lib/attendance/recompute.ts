import "server-only";
import { and, eq, gte, inArray, lte, sql, type Placeholder, type SQL } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { attendanceDays, attendanceRecords, attendanceRequests, employees } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { datesBetween } from "@/lib/time";
import { assignmentSpans, dayRules, loadAgencyRules, timeZoneFor, unitChain, unitOn, type AgencyRules } from "./agency-rules";
import { computeAttendanceDay, type DayRecord, type DayRequest } from "./day";

// Writes attendance_days from scratch for a set of employees and dates. Idempotent: it reads everything that
// decides a day and overwrites the row, so every change (a check-in, an approved request, a new holiday, an edited
// schedule or bucket) calls it for the range it touches and the result is the same as a full rebuild.

export type RecomputeScope = {
  agencyId: number;
  /** Omitted: every active employee of the agency. */
  employeeIds?: readonly number[];
  from: string;
  to: string;
};

const CHUNK = 400;

export function recomputeDays(db: DbOrTx, scope: RecomputeScope, now: Date, rules: AgencyRules = loadAgencyRules(db, scope.agencyId, scope)): number {
  const ids =
    scope.employeeIds ??
    db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.agencyId, scope.agencyId), eq(employees.active, true)))
      .all()
      .map((e) => e.id);
  const dates = datesBetween(scope.from, scope.to);
  let written = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const spans = assignmentSpans(db, chunk);
    const records = groupBy(recordsOf(db, chunk, scope), (r) => `${r.employeeId}:${r.localDate}`);
    const requests = groupBy(approvedRequestsOf(db, chunk, scope), (r) => r.employeeId);
    const rows: (typeof attendanceDays.$inferInsert)[] = [];
    for (const employeeId of chunk) {
      const own = requests.get(employeeId) ?? [];
      for (const date of dates) {
        const unitId = unitOn(spans.get(employeeId), date);
        const chain = unitChain(rules, unitId);
        const timeZone = timeZoneFor(rules, chain);
        const { workday, schedule, holidayName } = dayRules(rules, chain, date);
        const dayRequests: DayRequest[] = own
          .filter((r) => (r.kind === "koreksi" ? r.startDate === date : r.startDate <= date && r.endDate >= date))
          .sort((a, b) => b.id - a.id);
        // A record the supervisor rejected stays as evidence but no longer makes the day.
        const dayRecords: DayRecord[] = (records.get(`${employeeId}:${date}`) ?? []).filter((r) => r.reviewState !== "rejected").map((r) => ({
          kind: r.kind,
          recordedAt: r.recordedAt,
          mode: r.mode,
          flagged: r.flags !== "[]" && r.reviewState !== "accepted",
        }));
        const day = computeAttendanceDay({
          date,
          timeZone,
          workday,
          graceMinutes: schedule?.graceMinutes ?? 0,
          checkOutClosesMinute: schedule?.checkOutClosesMinute ?? 1439,
          holiday: holidayName !== null,
          requests: dayRequests,
          records: dayRecords,
          lateBuckets: rules.policy.lateBuckets,
          earlyLeaveBuckets: rules.policy.earlyLeaveBuckets,
          absentDeductionPercent: rules.policy.absentDeductionPercent,
          now,
        });
        // Before the first post (or after the last) the person was not working here: not a day to count.
        const unposted = unitId === null && (spans.get(employeeId)?.length ?? 0) > 0;
        rows.push({ employeeId, localDate: date, agencyId: scope.agencyId, unitId, timeZone, ...(unposted ? offDay(day) : day), computedAt: now });
      }
    }
    written += upsertDays(db, rows);
  }
  return written;
}

function offDay(day: ReturnType<typeof computeAttendanceDay>): ReturnType<typeof computeAttendanceDay> {
  return { ...day, status: "off", scheduledStartMinute: null, scheduledEndMinute: null, lateBucket: 0, earlyLeaveBucket: 0, lateMinutes: 0, earlyLeaveMinutes: 0, deductionBasisPoints: 0 };
}

const recordColumns = {
  employeeId: attendanceRecords.employeeId,
  localDate: attendanceRecords.localDate,
  kind: attendanceRecords.kind,
  recordedAt: attendanceRecords.recordedAt,
  mode: attendanceRecords.mode,
  flags: attendanceRecords.flags,
  reviewState: attendanceRecords.reviewState,
};

// One employee (each check-in recomputes its day): queries prepared once per connection.
function recordsOf(db: DbOrTx, ids: readonly number[], range: { from: string; to: string }) {
  const inRange = (who: SQL) => and(who, gte(attendanceRecords.localDate, range.from), lte(attendanceRecords.localDate, range.to));
  if (ids.length === 1) {
    return prepared(db, "recompute.records.one", () =>
      db
        .select(recordColumns)
        .from(attendanceRecords)
        .where(and(eq(attendanceRecords.employeeId, sql.placeholder("employeeId")), gte(attendanceRecords.localDate, sql.placeholder("from")), lte(attendanceRecords.localDate, sql.placeholder("to"))))
        .prepare(),
    ).all({ employeeId: ids[0], ...range });
  }
  return db.select(recordColumns).from(attendanceRecords).where(inRange(inArray(attendanceRecords.employeeId, ids))).all();
}

function approvedRequestsOf(db: DbOrTx, ids: readonly number[], range: { from: string; to: string }) {
  const approvedIn = (who: SQL, from: string | Placeholder, to: string | Placeholder) =>
    and(who, eq(attendanceRequests.state, "approved"), lte(attendanceRequests.startDate, to), gte(attendanceRequests.endDate, from));
  if (ids.length === 1) {
    return prepared(db, "recompute.requests.one", () =>
      db.select().from(attendanceRequests).where(approvedIn(eq(attendanceRequests.employeeId, sql.placeholder("employeeId")), sql.placeholder("from"), sql.placeholder("to"))).prepare(),
    ).all({ employeeId: ids[0], ...range });
  }
  return db.select().from(attendanceRequests).where(approvedIn(inArray(attendanceRequests.employeeId, ids), range.from, range.to)).all();
}

const UPDATED_COLUMNS = [
  "unitId",
  "timeZone",
  "status",
  "mode",
  "scheduledStartMinute",
  "scheduledEndMinute",
  "checkInAt",
  "checkOutAt",
  "workedMinutes",
  "lateMinutes",
  "earlyLeaveMinutes",
  "lateBucket",
  "earlyLeaveBucket",
  "deductionBasisPoints",
  "requestId",
  "leaveType",
  "anomalyCount",
  "computedAt",
] as const;

function upsertDays(db: DbOrTx, rows: (typeof attendanceDays.$inferInsert)[]): number {
  const set = Object.fromEntries(UPDATED_COLUMNS.map((c) => [c, sql.raw(`excluded.${attendanceDays[c].name}`)]));
  // SQLite allows 32,766 variables per statement; a day row has 22.
  for (let i = 0; i < rows.length; i += 1000) {
    db.insert(attendanceDays)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({ target: [attendanceDays.employeeId, attendanceDays.localDate], set })
      .run();
  }
  return rows.length;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
