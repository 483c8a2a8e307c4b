import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { assignments, attendanceDays, attendancePolicies, attendanceRecords, attendanceRequests, auditLog, positions, type AttendanceRequestKind, type LeaveType } from "@/db/schema";
import { anomaliesToReview, reviewAttendanceRecord } from "@/lib/attendance/recap/anomalies";
import { recapFileName } from "@/lib/attendance/recap/export-layout";
import { monthlyRecap, type MonthlyRecap, type RecapRow } from "@/lib/attendance/recap/monthly-recap";
import { recapPdf } from "@/lib/attendance/recap/pdf";
import { maySeeEmployee, recapScope, visibleUnits } from "@/lib/attendance/recap/scope";
import { recordSelfie } from "@/lib/attendance/recap/selfie";
import { teamToday } from "@/lib/attendance/recap/team-today";
import { recapXlsx } from "@/lib/attendance/recap/xlsx";
import { recomputeDays } from "@/lib/attendance/recompute";
import { sqliteFileStore } from "@/lib/files/file-store";
import { absenceStanding } from "@/lib/attendance/recap/absence-thresholds";
import { createAttendanceOrg } from "./support/attendance";
import { addEmployee, ctxFor, freshDb, TEST_NOW } from "./support/db";
import { codeOf } from "./support/errors";

// The supervisor's views and the monthly recap: who may see whom (one rule for pages, exports and actions), the
// counts of a constructed November 2026 (TEST_NOW is Friday 27 November 09.00 WIB, so the 1st-26th count), the
// anomaly review, and the XLSX and PDF exports read back.

/** A UTC instant for a WIB wall-clock time in November 2026. */
const wib = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(Date.UTC(2026, 10, day, h - 7, m));
};
const date = (day: number) => `2026-11-${String(day).padStart(2, "0")}`;

let keySerial = 0;
function clock(db: Db, agencyId: number, employeeId: number, kind: "in" | "out", day: number, hhmm: string, extra: Partial<typeof attendanceRecords.$inferInsert> = {}): number {
  const at = wib(day, hhmm);
  return db
    .insert(attendanceRecords)
    .values({ agencyId, employeeId, kind, recordedAt: at, localDate: date(day), timeZone: "Asia/Jakarta", mode: "wfo", requestKey: `k${++keySerial}`, createdAt: at, ...extra })
    .returning()
    .get().id;
}

function approved(db: Db, agencyId: number, employeeId: number, kind: AttendanceRequestKind, from: number, to: number, leaveType: LeaveType | null = null): void {
  db.insert(attendanceRequests)
    .values({ agencyId, employeeId, kind, leaveType, startDate: date(from), endDate: date(to), workingDays: to - from + 1, state: "approved", createdAt: wib(1, "08:00") })
    .run();
}

/** The attendance fixture plus: a personnel officer, a non-leader section head with one report, a leader of the WITA branch, a Plt of the dinas head, and someone whose leader post has ended. */
function setup() {
  const db = freshDb();
  const org = createAttendanceOrg(db);
  const a = org.agencyA;
  const post = (name: string, unitId: number, superiorId: number | null, isLeader = false) =>
    db.insert(positions).values({ agencyId: a, unitId, name, superiorId, isLeader }).returning().get().id;
  const kasiPost = post("Kepala Seksi Aplikasi", org.units.dinas, org.positions.head);
  const people = {
    ...org.people,
    personnel: addEmployee(db, a, { name: "Petugas BKPSDM", roles: ["personnel_officer"] }),
    kasi: addEmployee(db, a, { name: "Kasi Aplikasi", positionId: kasiPost }),
    sectionStaff: addEmployee(db, a, { name: "Staf Seksi Aplikasi", positionId: post("Pranata Komputer Seksi", org.units.dinas, kasiPost) }),
    witaHead: addEmployee(db, a, { name: "Kepala UPT Denpasar", positionId: post("Kepala UPT Denpasar", org.attendanceUnits.wita, org.positions.head, true) }),
    pltHead: addEmployee(db, a, { name: "Plt Kepala Dinas" }),
    formerHead: addEmployee(db, a, { name: "Mantan Kepala" }),
  };
  db.insert(assignments).values({ employeeId: people.pltHead, positionId: org.positions.head, kind: "plt", startDate: "2026-11-01" }).run();
  db.insert(assignments).values({ employeeId: people.formerHead, positionId: org.positions.head, kind: "definitif", startDate: "2020-01-01", endDate: "2026-10-31" }).run();
  return { db, org, a, people };
}

type Setup = ReturnType<typeof setup>;

/** The staff member's constructed November: every bucket, leave, permit, sick, duty, two TK days. */
function constructStaffMonth({ db, a, people }: Setup) {
  const s = people.staff;
  clock(db, a, s, "in", 2, "07:20");
  clock(db, a, s, "out", 2, "16:05");
  clock(db, a, s, "in", 3, "07:45"); // 15 min late: TL1 (0.5 %)
  clock(db, a, s, "out", 3, "16:00");
  clock(db, a, s, "in", 4, "08:15"); // 45 late: TL2 (1 %)
  clock(db, a, s, "out", 4, "15:20"); // 40 early: PSW2 (1 %)
  clock(db, a, s, "in", 5, "09:05"); // 95 late: TL4 (2.5 %)
  clock(db, a, s, "out", 5, "16:10");
  clock(db, a, s, "in", 6, "07:30"); // no check-out on a Friday: PSW4 (2.5 %)
  clock(db, a, s, "out", 9, "16:00"); // no check-in: TL4 (2.5 %)
  clock(db, a, s, "in", 10, "08:40"); // 70 late: TL3 (1.25 %)
  clock(db, a, s, "out", 10, "16:00");
  approved(db, a, s, "cuti", 11, 13, "tahunan");
  approved(db, a, s, "izin", 16, 16);
  approved(db, a, s, "sakit", 17, 17);
  approved(db, a, s, "dinas_luar", 18, 18);
  // 19 and 20: nothing at all, TK (5 % each).
  for (const day of [23, 24, 25, 26]) {
    clock(db, a, s, "in", day, "07:25");
    clock(db, a, s, "out", day, "16:05");
  }
  recomputeDays(db, { agencyId: a, employeeIds: [s], from: date(1), to: date(26) }, TEST_NOW);
}

const rowOf = (recap: MonthlyRecap, employeeId: number): RecapRow => {
  const row = recap.rows.find((r) => r.employeeId === employeeId);
  if (!row) throw new Error(`no row for employee ${employeeId}`);
  return row;
};

describe("who may see whom", () => {
  let env: Setup;
  beforeAll(() => {
    env = setup();
  });

  it("gives the agency admin and the personnel officer every unit and employee of their agency", () => {
    const { db, org, people } = env;
    for (const id of [people.admin, people.personnel]) {
      const ctx = ctxFor(db, id);
      const scope = recapScope(ctx);
      expect(scope.everyone).toBe(true);
      expect(visibleUnits(db, scope).map((u) => u.id)).toEqual(expect.arrayContaining([org.units.root, org.units.dinas, org.attendanceUnits.wita]));
      expect(maySeeEmployee(db, scope, people.witStaff)).toBe(true);
      expect(maySeeEmployee(db, scope, people.adminB)).toBe(false);
      expect(monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" }).rows.length).toBeGreaterThan(5);
    }
  });

  it("gives a leader, and a Plt of the leader's post, the unit and its sub-units, and nothing above", async () => {
    const { db, org, people } = env;
    for (const id of [people.head, people.pltHead]) {
      const ctx = ctxFor(db, id);
      const team = teamToday(ctx).members.map((m) => m.employeeId);
      expect(team).toEqual(expect.arrayContaining([people.staff, people.witaStaff, people.witStaff, people.flexible, people.sectionStaff, people.kasi]));
      expect(team).not.toContain(people.personnel); // no post in the dinas
      const scope = recapScope(ctx);
      expect(visibleUnits(db, scope).map((u) => u.id).sort()).toEqual([org.units.dinas, org.attendanceUnits.wita, org.attendanceUnits.wit].sort());
      expect(await codeOf(() => monthlyRecap(ctx, { unitId: org.units.root, month: "2026-11" }))).toBe("not_found:errors.notFound");
    }
    // A sub-unit's leader sees their branch only.
    const wita = ctxFor(db, people.witaHead);
    expect(teamToday(wita).members.map((m) => m.employeeId).sort()).toEqual([people.witaStaff, people.witaHead].sort());
    expect(monthlyRecap(wita, { unitId: org.attendanceUnits.wita, month: "2026-11" }).rows.map((r) => r.employeeId).sort()).toEqual([people.witaStaff, people.witaHead].sort());
  });

  it("gives a non-leader superior their direct reports only, also in the recap of the unit they sit in", async () => {
    const { db, org, people } = env;
    const ctx = ctxFor(db, people.kasi);
    expect(teamToday(ctx).members.map((m) => m.employeeId)).toEqual([people.sectionStaff]);
    expect(monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" }).rows.map((r) => r.employeeId)).toEqual([people.sectionStaff]);
    expect(await codeOf(() => monthlyRecap(ctx, { unitId: org.attendanceUnits.wita, month: "2026-11" }))).toBe("not_found:errors.notFound");
    expect(maySeeEmployee(db, recapScope(ctx), people.staff)).toBe(false);
  });

  it("refuses a plain employee, someone whose leader post has ended, and another agency", async () => {
    const { db, org, people } = env;
    for (const id of [people.staff, people.formerHead]) {
      const ctx = ctxFor(db, id);
      expect(teamToday(ctx).members).toEqual([]);
      expect(anomaliesToReview(ctx)).toEqual([]);
      expect(visibleUnits(db, recapScope(ctx))).toEqual([]);
      expect(await codeOf(() => monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" }))).toBe("not_found:errors.notFound");
      expect(await codeOf(() => teamToday(ctx, { unitId: org.units.dinas }))).toBe("not_found:errors.notFound");
    }
    const other = ctxFor(db, people.adminB);
    expect(teamToday(other).members.map((m) => m.employeeId)).toEqual([people.adminB]);
    expect(await codeOf(() => monthlyRecap(other, { unitId: org.units.dinas, month: "2026-11" }))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => teamToday(other, { unitId: org.units.dinas }))).toBe("not_found:errors.notFound");
    expect(maySeeEmployee(db, recapScope(other), people.staff)).toBe(false);
  });

  it("rejects a malformed month with a message", async () => {
    const { db, org, people } = env;
    const ctx = ctxFor(db, people.admin);
    expect(await codeOf(() => monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-13" }))).toBe("invalid:rekap.invalidMonth");
    expect(await codeOf(() => monthlyRecap(ctx, { unitId: org.units.dinas, month: "November" }))).toBe("invalid:rekap.invalidMonth");
  });
});

describe("team today", () => {
  it("groups the team by today's state, with check-in time, mode and anomalies, after recomputing today", () => {
    const env = setup();
    const { db, a, people } = env;
    clock(db, a, people.staff, "in", 27, "07:20");
    clock(db, a, people.kasi, "in", 27, "07:50", { mode: "wfh", flags: '["outside_fence"]', reviewState: "pending", reason: "Di rumah" });
    approved(db, a, people.flexible, "cuti", 27, 27, "tahunan");
    // No recompute here: the team view must bring today's days up to date itself.
    const team = teamToday(ctxFor(db, people.head));
    const byId = new Map(team.members.map((m) => [m.employeeId, m]));
    expect(team.date).toBe("2026-11-27");
    expect(byId.get(people.staff)).toMatchObject({ group: "present", mode: "wfo", checkInAt: wib(27, "07:20") });
    expect(byId.get(people.kasi)).toMatchObject({ group: "late", lateBucket: 1, mode: "wfh", anomalyCount: 1 });
    expect(byId.get(people.flexible)).toMatchObject({ group: "away", status: "leave", leaveType: "tahunan" });
    expect(byId.get(people.witaStaff)).toMatchObject({ group: "notYet", checkInAt: null });
    expect(team.counts).toMatchObject({ present: 1, late: 1, away: 1 });
    expect(Object.values(team.counts).reduce((x, y) => x + y, 0)).toBe(team.members.length);
  });
});

describe("monthly recap", () => {
  it("counts TL, PSW, TK, leave, permit, sick and duty days and the deduction of a constructed November", () => {
    const env = setup();
    const { db, org, people } = env;
    constructStaffMonth(env);
    const recap = monthlyRecap(ctxFor(db, people.head), { unitId: org.units.dinas, month: "2026-11" });
    expect(recap.countedThrough).toBe("2026-11-26");
    expect(recap.lateCodes).toEqual(["TL1", "TL2", "TL3", "TL4"]);
    const staff = rowOf(recap, people.staff);
    expect(staff).toMatchObject({
      name: "Staf Uji",
      postName: "Pranata Komputer",
      workingDays: 19,
      presentDays: 11,
      late: [1, 1, 1, 2],
      earlyLeave: [0, 1, 0, 1],
      absentDays: 2,
      leaveDays: 3,
      permitDays: 1,
      sickDays: 1,
      dutyDays: 1,
      deductionPercent: 21.25,
      absentDaysThisYear: 2,
    });
    // Two TK days: one short of the verbal warning, and the recap says so.
    expect(staff.standing).toMatchObject({ sanction: "none", nearNext: true, nextAtDays: 3 });

    // Nobody computed the others' days: the recap did, and a month without a single record is 19 TK days in a row.
    const wita = rowOf(recap, people.witaStaff);
    expect(wita).toMatchObject({ workingDays: 19, absentDays: 19, presentDays: 0, deductionPercent: 95, absentDaysThisYear: 19, longestAbsentRun: 19 });
    expect(wita.standing).toMatchObject({ sanction: "dismissal", byConsecutiveDays: true });

    // Ordered by name; the totals add up the rows.
    expect(recap.rows.map((r) => r.name)).toEqual([...recap.rows.map((r) => r.name)].sort((x, y) => x.localeCompare(y, "id")));
    expect(recap.totals.employees).toBe(recap.rows.length);
    expect(recap.totals.absentDays).toBe(recap.rows.reduce((s, r) => s + r.absentDays, 0));
    expect(recap.totals.late[3]).toBe(recap.rows.reduce((s, r) => s + r.late[3], 0));
  });

  it("caps the month's deduction at 100 % and follows a changed rule once the days are recomputed", () => {
    const env = setup();
    const { db, a, org, people } = env;
    constructStaffMonth(env);
    const ctx = ctxFor(db, people.admin);
    monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" });
    db.update(attendancePolicies).set({ absentDeductionPercent: 10 }).where(eq(attendancePolicies.agencyId, a)).run();
    recomputeDays(db, { agencyId: a, from: date(1), to: date(26) }, TEST_NOW);
    const recap = monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" });
    expect(rowOf(recap, people.witaStaff).deductionPercent).toBe(100);
    expect(rowOf(recap, people.staff).deductionPercent).toBe(31.25);
    const expectedAverage = Math.round((recap.rows.reduce((s, r) => s + r.deductionPercent, 0) / recap.rows.length) * 100) / 100;
    expect(recap.totals.averageDeductionPercent).toBe(expectedAverage);
  });

  it("computes a month's missing days once and leaves complete ones alone", () => {
    const env = setup();
    const { db, org, people } = env;
    const ctx = ctxFor(db, people.admin);
    expect(db.select().from(attendanceDays).all()).toHaveLength(0);
    monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" });
    const staffDay = and(eq(attendanceDays.employeeId, people.staff), eq(attendanceDays.localDate, date(2)));
    expect(db.select().from(attendanceDays).where(staffDay).get()?.status).toBe("absent");
    expect(db.select().from(attendanceDays).where(eq(attendanceDays.localDate, date(27))).all()).toHaveLength(0); // today is not closed
    // Mark a computed day; a second recap must not rewrite it, since every day of the month is there.
    db.update(attendanceDays).set({ computedAt: new Date(0) }).where(staffDay).run();
    monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-11" });
    expect(db.select().from(attendanceDays).where(staffDay).get()?.computedAt.getTime()).toBe(0);
    // A future month counts nothing and computes nothing.
    const december = monthlyRecap(ctx, { unitId: org.units.dinas, month: "2026-12" });
    expect(december.countedThrough).toBeNull();
    expect(december.rows.every((r) => r.workingDays === 0)).toBe(true);
    expect(db.select().from(attendanceDays).where(eq(attendanceDays.localDate, "2026-12-01")).all()).toHaveLength(0);
  });

  it("does not hold the days before someone joined against them", () => {
    const env = setup();
    const { db, a, org, people } = env;
    const newcomer = addEmployee(db, a, { name: "Pegawai Baru" });
    db.insert(assignments).values({ employeeId: newcomer, positionId: org.positions.staff, kind: "definitif", startDate: "2026-11-16" }).run();
    const recap = monthlyRecap(ctxFor(db, people.admin), { unitId: org.units.dinas, month: "2026-11" });
    // 16-20 and 23-26 November: nine working days, all without a record.
    expect(rowOf(recap, newcomer)).toMatchObject({ workingDays: 9, absentDays: 9, absentDaysThisYear: 9 });
    // A month that ended before they arrived does not list them.
    expect(monthlyRecap(ctxFor(db, people.admin), { unitId: org.units.dinas, month: "2026-10" }).rows.map((r) => r.employeeId)).not.toContain(newcomer);
  });

  it("counts today once its check-out window has closed", () => {
    const env = setup();
    const { db, org, people } = env;
    // The default check-out window closes at 23.59; the dinas office (WIB) closes last of the subtree's offices.
    const lateEvening = new Date("2026-11-27T16:59:30Z"); // Friday 23.59.30 WIB
    const recap = monthlyRecap(ctxFor(db, people.admin, lateEvening), { unitId: org.units.dinas, month: "2026-11" });
    expect(recap.countedThrough).toBe("2026-11-27");
    expect(rowOf(recap, people.staff).workingDays).toBe(20);
    const evening = new Date("2026-11-27T16:30:00Z"); // Friday 23.30 WIB, 00.30 WITA, 01.30 WIT
    expect(monthlyRecap(ctxFor(db, people.admin, evening), { unitId: org.units.dinas, month: "2026-11" }).countedThrough).toBe("2026-11-26");
  });
});

describe("anomaly review", () => {
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

  function flagged(env: Setup) {
    const { db, a, people } = env;
    const selfie = db.transaction((tx) => sqliteFileStore.put(tx, { data: JPEG, mediaType: "image/jpeg" }, TEST_NOW));
    const staffIn = clock(db, a, people.staff, "in", 26, "07:20", {
      flags: '["outside_fence","clock_skew"]',
      reviewState: "pending",
      reason: "Rapat di kantor camat",
      distanceMeters: 850,
      accuracyMeters: 12,
      selfieSha256: selfie,
    });
    clock(db, a, people.staff, "out", 26, "16:05");
    const headIn = clock(db, a, people.head, "in", 26, "07:10", { flags: '["repeated_position"]', reviewState: "pending" });
    const lone = clock(db, a, people.staff, "in", 25, "07:15", { flags: '["impossible_speed"]', reviewState: "pending" });
    const old = clock(db, a, people.staff, "in", 2, "07:15", { flags: '["outside_network"]', reviewState: "accepted" });
    recomputeDays(db, { agencyId: a, from: date(1), to: date(26) }, TEST_NOW);
    return { staffIn, headIn, lone, old, selfie };
  }

  it("lists pending flagged records of visible employees, never the reviewer's own", () => {
    const env = setup();
    const { db, people } = env;
    const ids = flagged(env);
    const forHead = anomaliesToReview(ctxFor(db, people.head));
    expect(forHead.map((r) => r.recordId)).toEqual([ids.staffIn, ids.lone]);
    expect(forHead[0]).toMatchObject({
      employeeId: people.staff,
      name: "Staf Uji",
      flags: ["outside_fence", "clock_skew"],
      reason: "Rapat di kantor camat",
      distanceMeters: 850,
      accuracyMeters: 12,
      selfieUrl: `/api/presensi/foto/${ids.staffIn}`,
    });
    expect(forHead[1].selfieUrl).toBeNull();
    expect(anomaliesToReview(ctxFor(db, people.admin)).map((r) => r.recordId).sort()).toEqual([ids.staffIn, ids.headIn, ids.lone].sort());
    expect(anomaliesToReview(ctxFor(db, people.kasi))).toEqual([]);
    expect(anomaliesToReview(ctxFor(db, people.adminB))).toEqual([]);
  });

  it("refuses a review by the employee, someone who may not see them, or another agency, and changes nothing", async () => {
    const env = setup();
    const { db, people } = env;
    const { staffIn } = flagged(env);
    const input = { recordId: staffIn, decision: "accept" as const, note: "" };
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.staff), input))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.kasi), input))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.witaHead), input))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.adminB), input))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.head), { recordId: 999_999, decision: "accept", note: "" }))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.head), { recordId: staffIn, decision: "reject", note: "  " }))).toBe("invalid:rekap.review.noteRequired");
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.head), { recordId: staffIn, decision: "maybe" as "accept", note: "" }))).toBe("invalid:errors.invalidInput");
    expect(db.select().from(attendanceRecords).where(eq(attendanceRecords.id, staffIn)).get()?.reviewState).toBe("pending");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "attendance_record.reviewed")).all()).toHaveLength(0);
  });

  it("accepts: the record no longer counts as an anomaly of the day, audited with the note", async () => {
    const env = setup();
    const { db, people } = env;
    const { staffIn } = flagged(env);
    const day = () => db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, people.staff), eq(attendanceDays.localDate, date(26)))).get()!;
    expect(day().anomalyCount).toBe(1);
    const result = reviewAttendanceRecord(ctxFor(db, people.head), { recordId: staffIn, decision: "accept", note: "Rapat di kecamatan, sesuai undangan" });
    expect(result).toEqual({ recordId: staffIn, reviewState: "accepted" });
    const record = db.select().from(attendanceRecords).where(eq(attendanceRecords.id, staffIn)).get()!;
    expect(record).toMatchObject({ reviewState: "accepted", reviewedByEmployeeId: people.head, reviewedAt: TEST_NOW });
    expect(day()).toMatchObject({ anomalyCount: 0, status: "present", checkInAt: wib(26, "07:20") });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "attendance_record.reviewed")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "attendance_record", entityId: String(staffIn), actorEmployeeId: people.head });
    expect(JSON.parse(audit[0].after!)).toMatchObject({ reviewState: "accepted", note: "Rapat di kecamatan, sesuai undangan" });
    expect(anomaliesToReview(ctxFor(db, people.head)).map((r) => r.recordId)).not.toContain(staffIn);
    // Reviewed once: a second decision is refused.
    expect(await codeOf(() => reviewAttendanceRecord(ctxFor(db, people.admin), { recordId: staffIn, decision: "reject", note: "Salah" }))).toBe("conflict:rekap.review.alreadyReviewed");
  });

  it("rejects: the record stays as evidence but no longer makes the day", () => {
    const env = setup();
    const { db, people } = env;
    const { lone } = flagged(env);
    reviewAttendanceRecord(ctxFor(db, people.admin), { recordId: lone, decision: "reject", note: "Posisi tidak mungkin" });
    expect(db.select().from(attendanceRecords).where(eq(attendanceRecords.id, lone)).get()?.reviewState).toBe("rejected");
    const day = db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, people.staff), eq(attendanceDays.localDate, date(25)))).get()!;
    expect(day).toMatchObject({ status: "absent", checkInAt: null, anomalyCount: 0, deductionBasisPoints: 500 });
  });

  it("serves the selfie to the employee and whoever may see them, and to nobody else", async () => {
    const env = setup();
    const { db, a, people } = env;
    const { staffIn, lone } = flagged(env);
    expect(recordSelfie(ctxFor(db, people.staff), staffIn)).toMatchObject({ mediaType: "image/jpeg", data: JPEG });
    expect(recordSelfie(ctxFor(db, people.head), staffIn).data).toEqual(JPEG);
    expect(recordSelfie(ctxFor(db, people.personnel), staffIn).data).toEqual(JPEG);
    for (const id of [people.kasi, people.witStaff, people.adminB]) expect(await codeOf(() => recordSelfie(ctxFor(db, id), staffIn))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => recordSelfie(ctxFor(db, people.head), lone))).toBe("not_found:errors.notFound"); // no selfie
    // Bytes that are not an image are never served as one.
    const html = db.transaction((tx) => sqliteFileStore.put(tx, { data: Buffer.from("<html><script>alert(1)</script>"), mediaType: "image/jpeg" }, TEST_NOW));
    const bad = clock(db, a, people.staff, "in", 24, "07:00", { selfieSha256: html });
    expect(await codeOf(() => recordSelfie(ctxFor(db, people.staff), bad))).toBe("not_found:errors.notFound");
  });
});

describe("recap exports", () => {
  let recap: MonthlyRecap;
  let staffId: number;
  beforeAll(() => {
    const env = setup();
    constructStaffMonth(env);
    staffId = env.people.staff;
    recap = monthlyRecap(ctxFor(env.db, env.people.admin), { unitId: env.org.units.dinas, month: "2026-11" });
  });

  it("names the files after the unit and the month", () => {
    expect(recapFileName(recap, "xlsx")).toBe("rekap-presensi-diskominfo-2026-11.xlsx");
    expect(recapFileName({ unit: { id: 9, name: "UPT Perwakilan Denpasar", shortName: "" }, month: "2026-11" }, "pdf")).toBe("rekap-presensi-upt-perwakilan-denpasar-2026-11.pdf");
  });

  it("writes an XLSX that reads back with its title, header, rows, totals and percent format", async () => {
    const bytes = await recapXlsx(recap);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Rekap November 2026")!;
    expect(sheet).toBeDefined();
    expect(sheet.getCell("A1").value).toBe("Pemerintah Kabupaten Uji");
    expect(String(sheet.getCell("A2").value)).toContain("Dinas Kominfo");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    const header = (sheet.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual([
      "No",
      "NIP",
      "Nama",
      "Jabatan",
      "Hari kerja",
      "Hadir",
      "TL1",
      "TL2",
      "TL3",
      "TL4",
      "PSW1",
      "PSW2",
      "PSW3",
      "PSW4",
      "TK (tanpa keterangan)",
      "Cuti",
      "Izin",
      "Sakit",
      "Dinas luar",
      "Potongan TPP",
      "TK tahun ini",
      "Tahapan PP 94/2021",
    ]);
    const index = recap.rows.findIndex((r) => r.employeeId === staffId);
    const row = sheet.getRow(6 + index);
    const staff = recap.rows[index];
    expect((row.values as unknown[]).slice(1, 22)).toEqual([index + 1, staff.nip, "Staf Uji", "Pranata Komputer", 19, 11, 1, 1, 1, 2, 0, 1, 0, 1, 2, 3, 1, 1, 1, 0.2125, 2]);
    expect(row.getCell(20).numFmt).toBe("0.00%");
    expect(String(row.getCell(22).value)).toContain("1 hari lagi: Teguran lisan");
    const totals = sheet.getRow(6 + recap.rows.length);
    expect(totals.getCell(3).value).toBe("Jumlah");
    expect(totals.getCell(15).value).toMatchObject({ formula: `SUM(O6:O${5 + recap.rows.length})`, result: recap.totals.absentDays });
    expect(totals.getCell(5).value).toMatchObject({ result: recap.totals.workingDays });
    expect((totals.getCell(20).value as { result: number }).result).toBeCloseTo(recap.totals.averageDeductionPercent / 100, 6);
  });

  it("writes a landscape A4 PDF with the employees' names and page numbers", async () => {
    const bytes = await recapPdf(recap);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
    const text = pdfText(bytes);
    expect(text).toContain("Staf Uji");
    expect(text).toContain("Staf Denpasar");
    expect(text).toContain("Halaman 1 dari 1");
    expect(text).toContain("Pemberhentian");
  });

  it("repeats the header on every page of a long recap", async () => {
    const many: MonthlyRecap = {
      ...recap,
      rows: Array.from({ length: 120 }, (_, i) => ({ ...recap.rows[0], employeeId: 10_000 + i, name: `Pegawai Nomor ${i + 1}`, standing: absenceStanding(i % 30) })),
    };
    const bytes = await recapPdf(many);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(bytes, page);
      expect(text).toContain(`Halaman ${page} dari ${pages}`);
      if (page < pages) expect(text).toContain("NIP");
    }
    expect(pdfText(bytes)).toContain("Pegawai Nomor 120");
  });
});

function pdfText(bytes: Uint8Array, page?: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-recap-")), "recap.pdf");
  fs.writeFileSync(file, bytes);
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8" });
}
