import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { assignments, attendanceDays } from "@/db/schema";
import { closeAttendanceDays } from "@/lib/attendance/close-days";
import { recordClock } from "@/lib/attendance/clock";
import { minuteOf } from "@/lib/attendance/schedule";
import { startOfLocalDay } from "@/lib/time";
import { addEmployee, ctxFor, freshDb, TEST_NOW } from "./support/db";
import { createAttendanceOrg, OFFICE } from "./support/attendance";

const at = (date: string, hhmm: string) => new Date(startOfLocalDay(date, "Asia/Jakarta").getTime() + minuteOf(hhmm) * 60_000);

describe("closing attendance days", () => {
  it("after the day ends, nobody's day is left open: no record is TK, a check-in without check-out is PSW4; a second run does nothing", () => {
    const db = freshDb();
    const org = createAttendanceOrg(db);
    const THURSDAY = "2026-11-26";
    recordClock(ctxFor(db, org.people.staff, at(THURSDAY, "07:10")), { kind: "in", ...OFFICE, accuracy: 10, clientTime: at(THURSDAY, "07:10").getTime(), requestKey: "close-days-1" });
    const day = (employeeId: number) => db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, employeeId), eq(attendanceDays.localDate, THURSDAY))).get();
    expect(day(org.people.staff)).toMatchObject({ status: "present", earlyLeaveBucket: 0 });
    expect(day(org.people.head)).toBeUndefined();

    const first = closeAttendanceDays(db, TEST_NOW);
    expect(first.recomputed).toBeGreaterThan(0);
    expect(day(org.people.staff)).toMatchObject({ status: "present", earlyLeaveBucket: 4, deductionBasisPoints: 250 });
    expect(day(org.people.head)).toMatchObject({ status: "absent", deductionBasisPoints: 500 });
    expect(closeAttendanceDays(db, TEST_NOW).recomputed).toBe(0);
  });

  it("days before an employee's first post are not absences", () => {
    const db = freshDb();
    const org = createAttendanceOrg(db);
    const newcomer = addEmployee(db, org.agencyA, { name: "Pegawai Baru", positionId: org.positions.staff });
    db.update(assignments).set({ startDate: "2026-11-26" }).where(eq(assignments.employeeId, newcomer)).run();
    closeAttendanceDays(db, TEST_NOW);
    const status = (date: string) => db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, newcomer), eq(attendanceDays.localDate, date))).get()?.status;
    expect(status("2026-11-25")).toBe("off");
    expect(status("2026-11-26")).toBe("absent");
  });
});
