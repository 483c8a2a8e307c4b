import "server-only";
import { and, count, eq, gte, lte } from "drizzle-orm";
import { attendanceSites, employeeAttendanceSettings, employees, holidays, workSchedules } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { localDate } from "@/lib/time";
import { getAgency } from "@/lib/org/agency";
import { configurableAgency } from "./access";
import { policyForAdmin } from "./policy";

// The numbers on the configuration home: enough to see at a glance what is set up and what is missing.

export function attendanceConfigOverview(ctx: Ctx) {
  const agencyId = configurableAgency(ctx);
  const year = Number(localDate(ctx.now, getAgency(ctx.db, agencyId)?.timeZone ?? "Asia/Jakarta").slice(0, 4));
  const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
  return {
    policy: policyForAdmin(ctx),
    year,
    activeSchedules: n(ctx.db.select({ n: count() }).from(workSchedules).where(and(eq(workSchedules.agencyId, agencyId), eq(workSchedules.active, true))).get()),
    holidaysThisYear: n(ctx.db.select({ n: count() }).from(holidays).where(and(eq(holidays.agencyId, agencyId), gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`))).get()),
    activeSites: n(ctx.db.select({ n: count() }).from(attendanceSites).where(and(eq(attendanceSites.agencyId, agencyId), eq(attendanceSites.active, true))).get()),
    flexibleEmployees: n(
      ctx.db
        .select({ n: count() })
        .from(employeeAttendanceSettings)
        .innerJoin(employees, eq(employees.id, employeeAttendanceSettings.employeeId))
        .where(and(eq(employees.agencyId, agencyId), eq(employees.active, true), eq(employeeAttendanceSettings.flexibleWork, true)))
        .get(),
    ),
  };
}
