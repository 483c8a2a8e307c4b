import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { attendanceDays, attendancePolicies, attendanceRecords, attendanceRequests, attendanceSites, auditLog, files, holidays, notifications } from "@/db/schema";
import { invalidateAgencyRules } from "@/lib/attendance/agency-rules";
import { recordClock, recordClockGrouped, type ClockInput } from "@/lib/attendance/clock";
import { ensureAttendanceDefaults } from "@/lib/attendance/policy";
import { minuteOf } from "@/lib/attendance/schedule";
import { DomainError } from "@/lib/errors";
import { startOfLocalDay } from "@/lib/time";
import { BRANCH_WITA, createAttendanceOrg, HOME, OFFICE } from "./support/attendance";
import { ctxFor, freshDb } from "./support/db";

const at = (date: string, hhmm: string, timeZone = "Asia/Jakarta") => new Date(startOfLocalDay(date, timeZone).getTime() + minuteOf(hhmm) * 60_000);
let keySerial = 0;
const press = (overrides: Partial<ClockInput> = {}): ClockInput => ({
  kind: "in",
  ...OFFICE,
  accuracy: 12,
  clientTime: Date.now(),
  requestKey: `press-${++keySerial}-abcdef`,
  ...overrides,
});

function refusal(fn: () => unknown): { key: string; params: Record<string, string | number> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { key: error.messageKey, params: error.params };
    throw error;
  }
  throw new Error("expected a refusal");
}

let db: Db;
let org: ReturnType<typeof createAttendanceOrg>;
const FRIDAY = "2026-11-27";
const clock = (employeeId: number, when: Date, input: Partial<ClockInput> = {}) => recordClock(ctxFor(db, employeeId, when), press({ clientTime: when.getTime(), ...input }));
const recordsOf = (employeeId: number) => db.select().from(attendanceRecords).where(eq(attendanceRecords.employeeId, employeeId)).all();
const dayOf = (employeeId: number, date = FRIDAY) => db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, employeeId), eq(attendanceDays.localDate, date))).get();

beforeEach(() => {
  db = freshDb();
  org = createAttendanceOrg(db);
});

describe("check-in at the office", () => {
  it("inside the fence: recorded with the server's time, site, distance and an audit row; the day is present and on time", () => {
    const when = at(FRIDAY, "07:25");
    const result = clock(org.people.staff, when, { clientTime: when.getTime() + 20_000 });
    expect(result).toMatchObject({ duplicate: false, kind: "in", mode: "wfo", siteName: "Kantor Dinas Kominfo", localDate: FRIDAY, timeZone: "Asia/Jakarta", flags: [] });
    const [row] = recordsOf(org.people.staff);
    expect(row.recordedAt.getTime()).toBe(when.getTime());
    expect(row.clockSkewMs).toBe(20_000);
    expect(row.distanceMeters).toBeLessThan(1);
    expect(dayOf(org.people.staff)).toMatchObject({ status: "present", lateBucket: 0, mode: "wfo" });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "attendance.checked_in")).all();
    expect(audit.map((a) => a.entityId)).toEqual([String(row.id)]);
  });

  it("late by 31 minutes is TL2 on the day, and the check-out at 16.30 on Friday leaves no PSW", () => {
    clock(org.people.staff, at(FRIDAY, "08:01"));
    clock(org.people.staff, at(FRIDAY, "16:30"), { kind: "out" });
    expect(dayOf(org.people.staff)).toMatchObject({ lateMinutes: 31, lateBucket: 2, earlyLeaveBucket: 0, workedMinutes: 509 });
  });

  it("outside the fence is refused with the distance and changes nothing; with a reason it is recorded and flagged for review", () => {
    const far = { latitude: OFFICE.latitude - 0.0027, longitude: OFFICE.longitude }; // about 300 m south
    const refused = refusal(() => clock(org.people.staff, at(FRIDAY, "07:20"), far));
    expect(refused.key).toBe("presensi.clock.outsideFence");
    expect(Number(refused.params.distance)).toBeGreaterThan(290);
    expect(recordsOf(org.people.staff)).toHaveLength(0);
    const withReason = clock(org.people.staff, at(FRIDAY, "07:21"), { ...far, reason: "Rapat di kantor kecamatan" });
    expect(withReason.flags).toEqual(["outside_fence"]);
    expect(recordsOf(org.people.staff)[0]).toMatchObject({ reviewState: "pending", reason: "Rapat di kantor kecamatan" });
    expect(dayOf(org.people.staff)?.anomalyCount).toBe(1);
    // The superior (the head) is told there is something to review.
    expect(db.select().from(notifications).where(eq(notifications.employeeId, org.people.head)).all().map((n) => n.kind)).toEqual(["attendance_anomaly"]);
  });

  it("accuracy worse than the limit is refused with advice; the agency may set its own limit", () => {
    expect(refusal(() => clock(org.people.staff, at(FRIDAY, "07:20"), { accuracy: 150 })).key).toBe("presensi.clock.poorAccuracy");
    db.update(attendancePolicies).set({ accuracyLimitMeters: 200 }).where(eq(attendancePolicies.agencyId, org.agencyA)).run();
    invalidateAgencyRules(db, org.agencyA);
    expect(clock(org.people.staff, at(FRIDAY, "07:21"), { accuracy: 150 }).kind).toBe("in");
  });

  it("a retried press with the same key returns the first record; a second check-in is refused", () => {
    const key = "retry-key-123456";
    const first = clock(org.people.staff, at(FRIDAY, "07:20"), { requestKey: key });
    const again = clock(org.people.staff, at(FRIDAY, "07:21"), { requestKey: key });
    expect(again).toMatchObject({ duplicate: true, recordId: first.recordId });
    expect(again.recordedAt.getTime()).toBe(first.recordedAt.getTime());
    expect(recordsOf(org.people.staff)).toHaveLength(1);
    expect(refusal(() => clock(org.people.staff, at(FRIDAY, "07:40"))).key).toBe("presensi.clock.alreadyIn");
  });

  it("check-out may be repeated: the last one counts", () => {
    clock(org.people.staff, at(FRIDAY, "07:20"));
    clock(org.people.staff, at(FRIDAY, "15:00"), { kind: "out" });
    expect(dayOf(org.people.staff)?.earlyLeaveBucket).toBe(3);
    clock(org.people.staff, at(FRIDAY, "16:31"), { kind: "out" });
    expect(dayOf(org.people.staff)?.earlyLeaveBucket).toBe(0);
  });

  it("refused on holidays, on weekends, and outside the check-in window", () => {
    db.insert(holidays).values({ agencyId: org.agencyA, date: FRIDAY, name: "Libur Uji" }).run();
    invalidateAgencyRules(db, org.agencyA);
    expect(refusal(() => clock(org.people.staff, at(FRIDAY, "07:20"))).key).toBe("presensi.clock.holiday");
    expect(refusal(() => clock(org.people.staff, at("2026-11-28", "07:20"))).key).toBe("presensi.clock.notWorkday");
    expect(refusal(() => clock(org.people.staff, at("2026-11-26", "04:30"))).key).toBe("presensi.clock.checkInClosed");
    expect(recordsOf(org.people.staff)).toHaveLength(0);
  });

  it("an approved leave day refuses attendance", () => {
    db.insert(attendanceRequests).values({ agencyId: org.agencyA, employeeId: org.people.staff, kind: "cuti", leaveType: "tahunan", startDate: FRIDAY, endDate: FRIDAY, state: "approved", createdAt: new Date() }).run();
    expect(refusal(() => clock(org.people.staff, at(FRIDAY, "07:20"))).key).toBe("presensi.clock.excused");
  });
});

describe("anomalies kept as evidence", () => {
  it("a phone clock far from the server's is flagged, never used as the time", () => {
    const when = at(FRIDAY, "07:20");
    const result = clock(org.people.staff, when, { clientTime: when.getTime() - 40 * 60_000 });
    expect(result.flags).toEqual(["clock_skew"]);
    expect(recordsOf(org.people.staff)[0].recordedAt.getTime()).toBe(when.getTime());
  });

  it("identical coordinates twice and an impossible speed between records are flagged", () => {
    clock(org.people.staff, at("2026-11-26", "07:20"));
    const same = clock(org.people.staff, at("2026-11-26", "16:05"), { kind: "out" });
    expect(same.flags).toContain("repeated_position");
    // From Banyuwangi to Denpasar (about 100 km) in ten minutes.
    const jump = clock(org.people.staff, at("2026-11-26", "16:15"), { kind: "out", ...BRANCH_WITA, reason: "Kunjungan" });
    expect(jump.flags).toEqual(expect.arrayContaining(["impossible_speed", "outside_fence"]));
  });

  it("WFO from outside the office network is flagged when the agency checks networks", () => {
    db.update(attendancePolicies).set({ checkOfficeNetwork: true }).where(eq(attendancePolicies.agencyId, org.agencyA)).run();
    db.update(attendanceSites).set({ networks: "10.20.0.0/16" }).where(eq(attendanceSites.id, org.sites.office)).run();
    invalidateAgencyRules(db, org.agencyA);
    // ctxFor's request comes from 203.0.113.7.
    expect(clock(org.people.staff, at(FRIDAY, "07:20")).flags).toEqual(["outside_network"]);
  });
});

describe("work modes and time zones", () => {
  it("WFH: accepted at the registered home point, refused away from it without a reason", () => {
    db.insert(attendanceRequests).values({ agencyId: org.agencyA, employeeId: org.people.flexible, kind: "wfh", startDate: FRIDAY, endDate: FRIDAY, state: "approved", createdAt: new Date() }).run();
    expect(refusal(() => clock(org.people.flexible, at(FRIDAY, "07:20"))).key).toBe("presensi.clock.outsideHome");
    const home = clock(org.people.flexible, at(FRIDAY, "07:21"), HOME);
    expect(home.mode).toBe("wfh");
    expect(dayOf(org.people.flexible)).toMatchObject({ status: "present", mode: "wfh" });
  });

  it("WFH without a registered home point is refused with guidance", () => {
    db.insert(attendanceRequests).values({ agencyId: org.agencyA, employeeId: org.people.staff, kind: "wfh", startDate: FRIDAY, endDate: FRIDAY, state: "approved", createdAt: new Date() }).run();
    expect(refusal(() => clock(org.people.staff, at(FRIDAY, "07:20"), HOME)).key).toBe("presensi.clock.noHomePoint");
  });

  it("dinas luar records the position anywhere without a fence", () => {
    db.insert(attendanceRequests).values({ agencyId: org.agencyA, employeeId: org.people.staff, kind: "dinas_luar", startDate: FRIDAY, endDate: FRIDAY, state: "approved", createdAt: new Date() }).run();
    const result = clock(org.people.staff, at(FRIDAY, "07:20"), { latitude: -7.2575, longitude: 112.7521 });
    expect([result.mode, result.flags]).toEqual(["dinas_luar", []]);
  });

  it("a WITA office keeps its own clock and date: 07.30 WITA is on time, 07.30 WIB there is 60 minutes late", () => {
    const onTime = clock(org.people.witaStaff, at(FRIDAY, "07:30", "Asia/Makassar"), BRANCH_WITA);
    expect([onTime.timeZone, onTime.localDate]).toEqual(["Asia/Makassar", FRIDAY]);
    expect(dayOf(org.people.witaStaff)).toMatchObject({ lateBucket: 0, timeZone: "Asia/Makassar" });
    const late = clock(org.people.witaStaff, at("2026-11-26", "07:30", "Asia/Jakarta"), BRANCH_WITA);
    expect(late.localDate).toBe("2026-11-26");
    expect(dayOf(org.people.witaStaff, "2026-11-26")).toMatchObject({ lateMinutes: 60, lateBucket: 2 });
  });

  it("a WIT office's day starts when it is still yesterday in Jakarta", () => {
    // 07.05 WIT on Friday is 05.05 WIB on Friday but 22.05 UTC on Thursday.
    const when = at(FRIDAY, "07:05", "Asia/Jayapura");
    expect(when.toISOString()).toBe("2026-11-26T22:05:00.000Z");
    const result = clock(org.people.witStaff, when, { latitude: -2.5337, longitude: 140.7181 });
    expect([result.timeZone, result.localDate]).toEqual(["Asia/Jayapura", FRIDAY]);
  });
});

describe("selfie", () => {
  const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 1)]).toString("base64");

  it("a small JPEG is stored with the record; a larger one, a PNG, or none when required is refused", () => {
    const result = clock(org.people.staff, at(FRIDAY, "07:20"), { selfie: jpeg(30_000) });
    const row = recordsOf(org.people.staff)[0];
    expect(row.id).toBe(result.recordId);
    expect(db.select().from(files).where(eq(files.sha256, row.selfieSha256!)).get()?.size).toBe(30_000);
    expect(refusal(() => clock(org.people.head, at(FRIDAY, "07:20"), { selfie: jpeg(51 * 1024) })).key).toBe("presensi.clock.selfieTooLarge");
    expect(refusal(() => clock(org.people.head, at(FRIDAY, "07:20"), { selfie: Buffer.from("89504e470d0a1a0a0000", "hex").toString("base64") })).key).toBe("presensi.clock.selfieNotJpeg");
    db.update(attendancePolicies).set({ selfieRequired: true }).where(eq(attendancePolicies.agencyId, org.agencyA)).run();
    invalidateAgencyRules(db, org.agencyA);
    expect(refusal(() => clock(org.people.head, at(FRIDAY, "07:21"))).key).toBe("presensi.clock.selfieRequired");
    expect(recordsOf(org.people.head)).toHaveLength(0);
  });
});

describe("who may clock where", () => {
  it("an employee of another agency cannot use this agency's office: their agency has no site", () => {
    ensureAttendanceDefaults(db, org.agencyB);
    expect(refusal(() => clock(org.people.adminB, at(FRIDAY, "07:20"))).key).toBe("presensi.clock.noSite");
    expect(recordsOf(org.people.adminB)).toHaveLength(0);
  });

  it("malformed input is refused before anything is written", () => {
    expect(() => recordClock(ctxFor(db, org.people.staff, at(FRIDAY, "07:20")), { ...press(), latitude: 91 })).toThrow();
    expect(() => recordClock(ctxFor(db, org.people.staff, at(FRIDAY, "07:20")), { ...press(), requestKey: "short" })).toThrow();
    expect(recordsOf(org.people.staff)).toHaveLength(0);
  });
});

describe("group commit", () => {
  it("check-ins arriving together commit together; a refused one rolls back alone; a doubled press is stored once", async () => {
    const when = at(FRIDAY, "07:20");
    const far = { latitude: OFFICE.latitude - 0.01, longitude: OFFICE.longitude };
    const people = [org.people.staff, org.people.head, org.people.admin, org.people.flexible];
    const results = await Promise.allSettled([
      ...people.map((id, i) => recordClockGrouped(ctxFor(db, id, when), press({ clientTime: when.getTime(), requestKey: `group-${i}-abcdef` }))),
      recordClockGrouped(ctxFor(db, org.people.staff, when), press({ clientTime: when.getTime(), requestKey: "group-0-abcdef" })),
      recordClockGrouped(ctxFor(db, org.people.witaStaff, when), press({ clientTime: when.getTime(), ...far })),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled", "rejected"]);
    const [first, , , , again] = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    expect(again?.recordId).toBe(first?.recordId);
    for (const id of people) expect(recordsOf(id)).toHaveLength(1);
    expect(recordsOf(org.people.witaStaff)).toHaveLength(0);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "attendance.checked_in")).all()).toHaveLength(4);
  });
});
