import "server-only";
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { attendanceRequests, employees } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { attendancePolicy } from "../policy";
import { loadAgencyRules, type AgencyRules } from "../agency-rules";
import { workingDates } from "./working-days";

// Cuti tahunan (PP 11/2017): a yearly entitlement of working days (policy.annualLeaveDays, 12 by default) plus
// the days left unused the year before, carried over up to policy.leaveCarryOverMaxDays. A leave spanning New
// Year costs each year its own working days. Pending requests are shown apart: they are not taken yet, but a new
// request may not promise the same days twice.

export type LeaveBalance = {
  year: number;
  entitlement: number;
  carryOver: number;
  /** Working days of approved annual leave in the year. */
  used: number;
  /** Working days of annual leave still waiting for approval in the year. */
  pending: number;
  /** entitlement + carryOver - used (never below zero). */
  remaining: number;
  /** What a new request may still take: remaining - pending. */
  available: number;
};

type LeaveRow = { state: string; startDate: string; endDate: string; workingDays: number };

/** Working days of each request per year; a request inside one year counts the days stored when it was made. */
export function leaveDaysByYear(db: DbOrTx, agencyId: number, employeeId: number, rows: readonly LeaveRow[]): Map<string, Map<number, number>> {
  const byState = new Map<string, Map<number, number>>();
  let rules: AgencyRules | null = null;
  for (const row of rows) {
    const perYear = byState.get(row.state) ?? new Map<number, number>();
    byState.set(row.state, perYear);
    const startYear = Number(row.startDate.slice(0, 4));
    if (startYear === Number(row.endDate.slice(0, 4))) {
      perYear.set(startYear, (perYear.get(startYear) ?? 0) + row.workingDays);
      continue;
    }
    rules ??= loadAgencyRules(db, agencyId);
    for (const date of workingDates(db, agencyId, employeeId, row.startDate, row.endDate, rules)) {
      const year = Number(date.slice(0, 4));
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
  }
  return byState;
}

export function leaveBalance(db: DbOrTx, employeeId: number, year: number): LeaveBalance {
  const employee = db.select({ agencyId: employees.agencyId, createdAt: employees.createdAt }).from(employees).where(eq(employees.id, employeeId)).get();
  if (!employee) throw new Error(`no employee ${employeeId}`);
  const policy = attendancePolicy(db, employee.agencyId);
  const entitlement = policy.annualLeaveDays;
  // Carry-over starts with the year the employee came into Kawan: earlier years have no record of leave taken.
  const firstYear = Math.min(employee.createdAt.getUTCFullYear(), year);
  const rows = db
    .select({ state: attendanceRequests.state, startDate: attendanceRequests.startDate, endDate: attendanceRequests.endDate, workingDays: attendanceRequests.workingDays })
    .from(attendanceRequests)
    .where(
      and(
        eq(attendanceRequests.employeeId, employeeId),
        eq(attendanceRequests.kind, "cuti"),
        eq(attendanceRequests.leaveType, "tahunan"),
        inArray(attendanceRequests.state, ["approved", "pending"]),
        lte(attendanceRequests.startDate, `${year}-12-31`),
        gte(attendanceRequests.endDate, `${firstYear}-01-01`),
      ),
    )
    .all();
  const days = leaveDaysByYear(db, employee.agencyId, employeeId, rows);
  const approved = days.get("approved") ?? new Map<number, number>();
  let carryOver = 0;
  for (let y = firstYear; y < year; y++) {
    const unused = entitlement + carryOver - (approved.get(y) ?? 0);
    carryOver = Math.min(policy.leaveCarryOverMaxDays, Math.max(0, unused));
  }
  const used = approved.get(year) ?? 0;
  const pending = days.get("pending")?.get(year) ?? 0;
  const remaining = Math.max(0, entitlement + carryOver - used);
  return { year, entitlement, carryOver, used, pending, remaining, available: Math.max(0, remaining - pending) };
}
