import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, attendanceDays, employees } from "@/db/schema";
import { addDays, localDate, startOfLocalDay } from "@/lib/time";
import { loadAgencyRules } from "./agency-rules";
import { recomputeDays } from "./recompute";

// Closing the days: a day is computed when someone checks in or opens a page, but the people who never did must
// still count as absent (TK), and a check-out that never came as PSW4, once the day is over. This sweep computes,
// for the last week, every employee-day that has no row or a row computed before the day ended. Idempotent and
// cheap when there is nothing to do, so it runs at start and every 30 minutes inside the server.

const DAYS_BACK = 7;

export function closeAttendanceDays(db: Db, now: Date): { recomputed: number } {
  let recomputed = 0;
  for (const agency of db.select({ id: agencies.id, timeZone: agencies.timeZone }).from(agencies).all()) {
    const yesterday = addDays(localDate(now, agency.timeZone), -1);
    const rules = loadAgencyRules(db, agency.id, { from: addDays(yesterday, -DAYS_BACK + 1), to: yesterday });
    for (let back = DAYS_BACK - 1; back >= 0; back--) {
      const date = addDays(yesterday, -back);
      // The zone of the agency decides when "yesterday" ended; an office further east ended it earlier.
      const ended = startOfLocalDay(addDays(date, 1), agency.timeZone);
      const open = db
        .select({ id: employees.id })
        .from(employees)
        .where(
          and(
            eq(employees.agencyId, agency.id),
            eq(employees.active, true),
            sql`not exists (select 1 from ${attendanceDays} d where d.employee_id = ${employees.id} and d.local_date = ${date} and d.computed_at >= ${ended.getTime()})`,
          ),
        )
        .all()
        .map((e) => e.id);
      if (open.length === 0) continue;
      recomputed += db.transaction((tx) => recomputeDays(tx, { agencyId: agency.id, employeeIds: open, from: date, to: date }, now, rules));
    }
  }
  return { recomputed };
}

export function startAttendanceDayClosing(db: Db): void {
  const run = () => {
    try {
      closeAttendanceDays(db, new Date());
    } catch (error) {
      console.error("attendance day closing failed", error);
    }
  };
  run();
  setInterval(run, 30 * 60_000).unref();
}

