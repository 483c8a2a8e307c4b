import { describe, expect, it } from "vitest";
import { assignments, attendanceDays, attendanceRecords, attendanceRequests, holidays, positions } from "@/db/schema";
import { recomputeDays } from "@/lib/attendance/recompute";
import { addDays } from "@/lib/time";
import { insertAttendanceYear } from "../scripts/bench/attendance-year-data";
import { createAttendanceOrg } from "./support/attendance";
import { addEmployee, freshDb, TEST_NOW } from "./support/db";

// The benchmark's year of presensi (scripts/bench/attendance-year-data.ts) writes attendance_days itself, for
// speed, from the real computeAttendanceDay. This keeps it honest: on a small organisation (WIB, WITA and WIT
// offices, someone without a post, someone posted mid-range, a holiday, an older request and older records),
// recomputeDays over the same range must change nothing.

const TODAY = "2026-11-27"; // TEST_NOW is Friday 27 November 2026, 09.00 WIB

function setup() {
  const db = freshDb();
  const org = createAttendanceOrg(db);
  const a = org.agencyA;
  const post = db.insert(positions).values({ agencyId: a, unitId: org.units.dinas, name: "Pengelola Data", superiorId: org.positions.head }).returning().get().id;
  const late = addEmployee(db, a, { name: "Pegawai Pindahan" });
  // Posted ten days into the range: the days before are "off", as recompute makes them.
  db.insert(assignments).values({ employeeId: late, positionId: post, kind: "definitif", startDate: addDays(TODAY, -20) }).run();
  const unposted = addEmployee(db, a, { name: "Pegawai Tanpa Jabatan" });
  const withRequest = addEmployee(db, a, { name: "Pegawai Izin", positionId: post });
  const withRecords = addEmployee(db, a, { name: "Pegawai Lama", positionId: post });
  db.insert(holidays).values({ agencyId: a, date: "2026-11-10", name: "Libur daerah", kind: "regional" }).run();
  db.insert(attendanceRequests)
    .values({ agencyId: a, employeeId: withRequest, kind: "izin", startDate: "2026-11-18", endDate: "2026-11-19", workingDays: 2, state: "approved", createdAt: new Date("2026-11-17T02:00:00Z") })
    .run();
  const at = new Date("2026-11-16T00:41:00Z"); // 07.41 WIB: late
  db.insert(attendanceRecords)
    .values({ agencyId: a, employeeId: withRecords, kind: "in", recordedAt: at, localDate: "2026-11-16", timeZone: "Asia/Jakarta", mode: "wfo", requestKey: "older-in", createdAt: at })
    .run();
  return { db, org, people: { late, unposted, withRequest, withRecords } };
}

describe("bench attendance year data", () => {
  it("writes the days recomputeDays would write, and nothing for today", () => {
    const { db, org, people } = setup();
    const indexes = () => db.$client.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name like 'attendance_%' order by name").all();
    const indexesBefore = indexes();

    const result = insertAttendanceYear(db.$client.name, { days: 30 }, TEST_NOW.getTime());

    expect(result).toMatchObject({ employees: 10, days: 30, from: addDays(TODAY, -30), to: addDays(TODAY, -1), dayRows: 300 });
    expect(result.records).toBeGreaterThan(200);
    expect(result.statuses.holiday).toBe(10);
    expect(result.statuses.present).toBeGreaterThan(150);
    expect(result.statuses.off).toBeGreaterThan(80);
    expect(indexes()).toEqual(indexesBefore);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);

    const rows = () => db.select().from(attendanceDays).orderBy(attendanceDays.employeeId, attendanceDays.localDate).all();
    const written = rows();
    expect(written).toHaveLength(300);
    expect(written.every((d) => d.localDate < TODAY)).toBe(true);
    expect(db.select().from(attendanceRecords).all().filter((r) => r.localDate >= TODAY)).toEqual([]);
    // The mid-range newcomer, the older request and the older record all shaped their days.
    const day = (employeeId: number, date: string) => written.find((d) => d.employeeId === employeeId && d.localDate === date)!;
    expect(day(people.late, addDays(TODAY, -25)).status).toBe("off");
    expect(day(people.withRequest, "2026-11-18").status).toBe("permit");
    expect(day(people.withRecords, "2026-11-16")).toMatchObject({ status: "present", lateMinutes: 11, lateBucket: 1 });
    expect(written.filter((d) => d.employeeId === people.unposted && d.status === "present").length).toBeGreaterThan(10);

    db.transaction((tx) => recomputeDays(tx, { agencyId: org.agencyA, from: result.from, to: result.to }, TEST_NOW));
    expect(rows()).toEqual(written);
  });
});
