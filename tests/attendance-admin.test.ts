import { beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import {
  attendanceDays,
  attendancePolicies,
  attendanceRecords,
  attendanceSites,
  auditLog,
  employeeAttendanceSettings,
  holidays,
  workSchedules,
} from "@/db/schema";
import { policyForm, policyForAdmin, savePolicy, type PolicyInput } from "@/lib/attendance/admin/policy";
import { createSchedule, listSchedules, scheduleForm, setScheduleActive, updateSchedule, type ScheduleInput } from "@/lib/attendance/admin/schedules";
import { addNationalHolidays2026, createHoliday, deleteHoliday, listHolidays } from "@/lib/attendance/admin/holidays";
import { HOLIDAYS_2026 } from "@/lib/attendance/admin/holidays-2026";
import { createSite, listSites, setSiteActive, siteForm, updateSite, type SiteInput } from "@/lib/attendance/admin/sites";
import { isCidr } from "@/lib/attendance/admin/cidr";
import { clearHomePoint, listFlexibleEmployees, setFlexibleWork } from "@/lib/attendance/admin/flexible";
import { recomputeWindow } from "@/lib/attendance/admin/recompute-window";
import { attendanceConfigOverview } from "@/lib/attendance/admin/overview";
import { DEFAULT_EARLY_LEAVE_BUCKETS, DEFAULT_LATE_BUCKETS } from "@/lib/attendance/buckets";
import { recomputeDays } from "@/lib/attendance/recompute";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { hasMessage } from "@/lib/i18n/catalog";
import { startOfLocalDay } from "@/lib/time";
import { createAttendanceOrg } from "./support/attendance";
import { ctxFor, freshDb, TEST_NOW } from "./support/db";
import { codeOf } from "./support/errors";

let db: Db;
let org: ReturnType<typeof createAttendanceOrg>;

beforeEach(() => {
  db = freshDb();
  org = createAttendanceOrg(db);
});

const admin = (now = TEST_NOW) => ctxFor(db, org.people.admin, now);
const staff = () => ctxFor(db, org.people.staff);
const adminB = () => ctxFor(db, org.employees.adminB);

const THURSDAY = "2026-11-26";
const FORBIDDEN = "forbidden:errors.forbidden";
const NOT_FOUND = "not_found:errors.notFound";

/** Everything the configuration can touch: compared before and after a refused call. */
const everything = () => ({
  policies: db.select().from(attendancePolicies).all(),
  schedules: db.select().from(workSchedules).orderBy(asc(workSchedules.id)).all(),
  holidays: db.select().from(holidays).orderBy(asc(holidays.id)).all(),
  sites: db.select().from(attendanceSites).orderBy(asc(attendanceSites.id)).all(),
  settings: db.select().from(employeeAttendanceSettings).all(),
  days: db.select().from(attendanceDays).all(),
  audit: db.select().from(auditLog).all(),
});

/** The refusal's field errors (message keys), or throws when the call went through. */
function fieldErrorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      expect(error.code).toBe("invalid");
      return error.fieldErrors;
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Refused with `code` and nothing in the database changed. */
async function expectRefusedUnchanged(run: () => unknown, code: string) {
  const before = everything();
  expect(await codeOf(run)).toBe(code);
  expect(everything()).toEqual(before);
}

const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
const dayOf = (employeeId: number, date = THURSDAY) =>
  db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, employeeId), eq(attendanceDays.localDate, date))).get();
const recomputeThursday = () => recomputeDays(db, { agencyId: org.agencyA, from: THURSDAY, to: THURSDAY }, TEST_NOW);

/** A check-in written straight into the records (the clock use case is tested elsewhere). */
function checkIn(employeeId: number, date: string, hhmm: string, timeZone = "Asia/Jakarta") {
  const [h, m] = hhmm.split(":").map(Number);
  const recordedAt = new Date(startOfLocalDay(date, timeZone).getTime() + (h * 60 + m) * 60_000);
  db.insert(attendanceRecords)
    .values({ agencyId: org.agencyA, employeeId, kind: "in", recordedAt, localDate: date, timeZone, mode: "wfo", requestKey: `test-${employeeId}-${date}-${hhmm}`, createdAt: recordedAt })
    .run();
}

/** Makes the next audit write fail, to prove the change and its audit row commit together. */
const breakAudit = () => db.$client.exec("CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");

// ---------------------------------------------------------------------------------------------------------------

const policyInput = (overrides: Partial<PolicyInput> = {}): PolicyInput => ({
  accuracyLimitMeters: 100,
  maxClockSkewSeconds: 300,
  maxSpeedKmh: 300,
  checkOfficeNetwork: false,
  selfieRequired: false,
  lateBuckets: DEFAULT_LATE_BUCKETS.map((b) => ({ ...b })),
  earlyLeaveBuckets: DEFAULT_EARLY_LEAVE_BUCKETS.map((b) => ({ ...b })),
  absentDeductionPercent: 5,
  annualLeaveDays: 12,
  leaveCarryOverMaxDays: 6,
  ...overrides,
});

describe("attendance policy", () => {
  it("saves the admin's policy, audits before/after and recomputes the window when a deduction changes", () => {
    recomputeThursday();
    expect(dayOf(org.people.staff)).toMatchObject({ status: "absent", deductionBasisPoints: 500 });
    const late = DEFAULT_LATE_BUCKETS.map((b, i) => (i === 0 ? { ...b, deductionPercent: 0.75 } : { ...b }));
    const result = savePolicy(admin(), policyInput({ accuracyLimitMeters: 50, selfieRequired: true, absentDeductionPercent: 3, lateBuckets: late }));
    expect(result.changed).toBe(true);
    expect(result.recomputedDays).toBeGreaterThan(0);
    expect(policyForAdmin(admin())).toMatchObject({ accuracyLimitMeters: 50, selfieRequired: true, absentDeductionPercent: 3, saved: true });
    expect(policyForAdmin(admin()).lateBuckets[0]).toMatchObject({ code: "TL1", deductionPercent: 0.75 });
    // The absent day already computed follows the new TK deduction.
    expect(dayOf(org.people.staff)).toMatchObject({ status: "absent", deductionBasisPoints: 300 });
    const [audit] = auditOf("attendance_policy.updated");
    expect(audit).toMatchObject({ entityType: "attendance_policy", entityId: String(org.agencyA), actorEmployeeId: org.people.admin });
    expect(JSON.parse(audit.before!)).toMatchObject({ accuracyLimitMeters: 100, absentDeductionPercent: 5 });
    expect(JSON.parse(audit.after!)).toMatchObject({ accuracyLimitMeters: 50, absentDeductionPercent: 3 });
  });

  it("creates the policy row on the first save; saving the same values again writes nothing", () => {
    expect(db.select().from(attendancePolicies).where(eq(attendancePolicies.agencyId, org.agencyB)).get()).toBeUndefined();
    expect(policyForAdmin(adminB()).saved).toBe(false);
    expect(savePolicy(adminB(), policyInput({ maxSpeedKmh: 900 })).changed).toBe(true);
    expect(db.select().from(attendancePolicies).where(eq(attendancePolicies.agencyId, org.agencyB)).get()).toMatchObject({ maxSpeedKmh: 900 });
    expect(JSON.parse(auditOf("attendance_policy.updated")[0].before ?? "null")).toBeNull();
    expect(savePolicy(adminB(), policyInput({ maxSpeedKmh: 900 }))).toEqual({ changed: false, recomputedDays: 0 });
    expect(auditOf("attendance_policy.updated")).toHaveLength(1);
    // Agency A's policy is not agency B's business.
    expect(policyForAdmin(admin()).maxSpeedKmh).toBe(300);
  });

  it("a change that decides no day (accuracy) recomputes nothing", () => {
    expect(savePolicy(admin(), policyInput({ accuracyLimitMeters: 60 }))).toEqual({ changed: true, recomputedDays: 0 });
  });

  it("is refused to a plain employee, and nothing changes", async () => {
    await expectRefusedUnchanged(() => savePolicy(staff(), policyInput({ accuracyLimitMeters: 20 })), FORBIDDEN);
    await expectRefusedUnchanged(() => policyForAdmin(staff()), FORBIDDEN);
  });

  it("refuses buckets that do not follow each other, with the bucket message, and changes nothing", async () => {
    const gap = DEFAULT_LATE_BUCKETS.map((b, i) => (i === 1 ? { ...b, fromMinute: 35 } : { ...b }));
    const before = everything();
    expect(fieldErrorsOf(() => savePolicy(admin(), policyInput({ lateBuckets: gap })))).toEqual({ lateBuckets: "presensiAdmin.policy.bucketsInvalid" });
    const bounded = DEFAULT_EARLY_LEAVE_BUCKETS.map((b, i) => (i === 3 ? { ...b, toMinute: 120 } : { ...b }));
    expect(fieldErrorsOf(() => savePolicy(admin(), policyInput({ earlyLeaveBuckets: bounded })))).toEqual({ earlyLeaveBuckets: "presensiAdmin.policy.bucketsInvalid" });
    const tooMuch = DEFAULT_LATE_BUCKETS.map((b, i) => (i === 2 ? { ...b, deductionPercent: 150 } : { ...b }));
    expect(fieldErrorsOf(() => savePolicy(admin(), policyInput({ lateBuckets: tooMuch })))).toEqual({ lateBuckets: "presensiAdmin.policy.bucketValueInvalid" });
    expect(fieldErrorsOf(() => savePolicy(admin(), policyInput({ lateBuckets: DEFAULT_LATE_BUCKETS.slice(0, 3) })))).toEqual({ lateBuckets: "presensiAdmin.policy.bucketsInvalid" });
    expect(fieldErrorsOf(() => savePolicy(admin(), policyInput({ accuracyLimitMeters: 5, absentDeductionPercent: -1 })))).toEqual({
      accuracyLimitMeters: "presensiAdmin.policy.accuracyRange",
      absentDeductionPercent: "presensiAdmin.policy.percentRange",
    });
    expect(everything()).toEqual(before);
  });

  it("reads the form's bucket table, with a decimal comma and an open last bucket", () => {
    const form: Record<string, string> = {
      accuracyLimitMeters: "80",
      maxClockSkewSeconds: "300",
      maxSpeedKmh: "300",
      selfieRequired: "on",
      absentDeductionPercent: "4,5",
      annualLeaveDays: "12",
      leaveCarryOverMaxDays: "6",
    };
    for (const field of ["lateBuckets", "earlyLeaveBuckets"]) {
      [
        ["1", "30", "0,5"],
        ["31", "60", "1"],
        ["61", "90", "1.25"],
        ["91", "", "2,5"],
      ].forEach(([from, to, pct], i) => Object.assign(form, { [`${field}.${i}.fromMinute`]: from, [`${field}.${i}.toMinute`]: to, [`${field}.${i}.deductionPercent`]: pct }));
    }
    const parsed = policyForm.parse(form);
    expect(parsed).toMatchObject({ accuracyLimitMeters: 80, selfieRequired: true, checkOfficeNetwork: false, absentDeductionPercent: 4.5 });
    expect(parsed.lateBuckets[3]).toEqual({ code: "TL4", fromMinute: 91, toMinute: null, deductionPercent: 2.5 });
    expect(parsed.earlyLeaveBuckets[0]).toEqual({ code: "PSW1", fromMinute: 1, toMinute: 30, deductionPercent: 0.5 });
    const broken = policyForm.safeParse({ ...form, "lateBuckets.1.toMinute": "" });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]).toMatchObject({ path: ["lateBuckets"], message: "presensiAdmin.policy.bucketsInvalid" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const day = (start: string, end: string) => ({ start, end });
const scheduleInput = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  name: "Jam kerja Dinas Kominfo",
  unitId: org.units.dinas,
  kind: "regular",
  validFrom: null,
  validTo: null,
  days: [day("08:00", "16:30"), day("08:00", "16:30"), day("08:00", "16:30"), day("08:00", "16:30"), day("08:00", "17:00"), null, null],
  checkInOpens: "05:00",
  checkInCloses: "12:00",
  checkOutOpens: "12:00",
  checkOutCloses: "23:59",
  graceMinutes: 0,
  ...overrides,
});
const agencySchedule = () => db.select().from(workSchedules).where(and(eq(workSchedules.agencyId, org.agencyA), eq(workSchedules.kind, "regular"))).get()!;

describe("work schedules", () => {
  it("a unit schedule starting at 08.00 makes a 07.50 check-in on time; editing and deactivating recompute again", () => {
    checkIn(org.people.staff, THURSDAY, "07:50");
    recomputeThursday();
    expect(dayOf(org.people.staff)).toMatchObject({ status: "present", lateMinutes: 20, lateBucket: 1, scheduledStartMinute: 450 });

    const { id } = createSchedule(admin(), scheduleInput());
    expect(dayOf(org.people.staff)).toMatchObject({ status: "present", lateMinutes: 0, lateBucket: 0, scheduledStartMinute: 480 });
    const [created] = auditOf("work_schedule.created");
    expect(created).toMatchObject({ entityType: "work_schedule", entityId: String(id) });
    expect(JSON.parse(created.after!)).toMatchObject({ unitId: org.units.dinas, days: [{ startMinute: 480, endMinute: 990 }, expect.anything(), expect.anything(), expect.anything(), { startMinute: 480, endMinute: 1020 }, null, null] });

    updateSchedule(admin(), id, scheduleInput({ days: [day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:30"), null, null] }));
    expect(dayOf(org.people.staff)).toMatchObject({ lateMinutes: 5, lateBucket: 1, scheduledStartMinute: 465 });
    const [updated] = auditOf("work_schedule.updated");
    expect(JSON.parse(updated.before!).days[3]).toEqual({ startMinute: 480, endMinute: 990 });
    expect(JSON.parse(updated.after!).days[3]).toEqual({ startMinute: 465, endMinute: 960 });

    updateSchedule(admin(), id, scheduleInput({ graceMinutes: 10, days: [day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:00"), day("07:45", "16:30"), null, null] }));
    expect(dayOf(org.people.staff)).toMatchObject({ lateMinutes: 0, lateBucket: 0 });

    setScheduleActive(admin(), id, false);
    expect(dayOf(org.people.staff)).toMatchObject({ lateMinutes: 20, lateBucket: 1, scheduledStartMinute: 450 });
    expect(auditOf("work_schedule.deactivated")).toHaveLength(1);
    expect(listSchedules(admin()).find((s) => s.id === id)).toMatchObject({ active: false, unitName: "Dinas Kominfo" });
    expect(() => setScheduleActive(admin(), id, false)).toThrow(DomainError);
    setScheduleActive(admin(), id, true);
    expect(dayOf(org.people.staff)).toMatchObject({ lateBucket: 0 });
  });

  it("a unit schedule leaves the other units' days alone", () => {
    recomputeThursday();
    const witaBefore = dayOf(org.people.witaStaff);
    createSchedule(admin(), scheduleInput({ unitId: org.attendanceUnits.wit }));
    expect(dayOf(org.people.witaStaff)).toEqual(witaBefore);
  });

  it("renaming a schedule is audited but rewrites no day", () => {
    const { id } = createSchedule(admin(), scheduleInput());
    recomputeThursday();
    const later = new Date(TEST_NOW.getTime() + 3_600_000);
    expect(updateSchedule(admin(later), id, scheduleInput({ name: "Jam kerja Diskominfo" })).changed).toBe(true);
    expect(dayOf(org.people.staff)?.computedAt).toEqual(TEST_NOW);
    expect(JSON.parse(auditOf("work_schedule.updated")[0].after!).name).toBe("Jam kerja Diskominfo");
    expect(updateSchedule(admin(later), id, scheduleInput({ name: "Jam kerja Diskominfo" })).changed).toBe(false);
  });

  it("reads the form: a ticked 'off' makes the day free", () => {
    const form: Record<string, string> = { name: "Ramadan 1448 H", unitId: "", kind: "ramadan", validFrom: "2027-02-08", validTo: "2027-03-09", checkInOpens: "05:00", checkInCloses: "12:00", checkOutOpens: "12:00", checkOutCloses: "23:59", graceMinutes: "5" };
    for (let i = 0; i < 7; i++) Object.assign(form, { [`days.${i}.start`]: "08:00", [`days.${i}.end`]: i === 4 ? "15:30" : "15:00" });
    form["days.5.off"] = "on";
    form["days.6.off"] = "on";
    const parsed = scheduleForm.parse(form);
    expect(parsed).toMatchObject({ unitId: null, kind: "ramadan", graceMinutes: 5, validFrom: "2027-02-08" });
    expect(parsed.days).toEqual([day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:30"), null, null]);
  });

  it("refuses bad times and dates with their message keys, and changes nothing", () => {
    const before = everything();
    const days = scheduleInput().days.slice();
    days[2] = day("16:00", "07:30");
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ days })))).toEqual({ "days.2": "presensiAdmin.schedule.endBeforeStart" });
    days[2] = day("25:00", "26:00");
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ days })))).toEqual({ "days.2": "presensiAdmin.schedule.timeInvalid" });
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ kind: "ramadan" })))).toEqual({
      validFrom: "presensiAdmin.schedule.ramadanDates",
      validTo: "presensiAdmin.schedule.ramadanDates",
    });
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ validFrom: "2026-12-01", validTo: "2026-11-01" })))).toEqual({ validTo: "validation.dateOrder" });
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ checkInOpens: "12:00", checkInCloses: "05:00" })))).toEqual({ checkInCloses: "presensiAdmin.schedule.windowOrder" });
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ days: [null, null, null, null, null, null, null] })))).toEqual({ days: "presensiAdmin.schedule.noWorkday" });
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ graceMinutes: 500 })))).toEqual({ graceMinutes: "presensiAdmin.schedule.graceRange" });
    // A unit of another agency is no scope of ours.
    expect(fieldErrorsOf(() => createSchedule(admin(), scheduleInput({ unitId: org.units.rootB })))).toEqual({ unitId: "presensiAdmin.scopeInvalid" });
    expect(everything()).toEqual(before);
  });

  it("keeps one agency-wide regular schedule in force", async () => {
    const fallback = agencySchedule();
    await expectRefusedUnchanged(() => setScheduleActive(admin(), fallback.id, false), "conflict:presensiAdmin.schedule.lastAgencyWide");
    await expectRefusedUnchanged(() => updateSchedule(admin(), fallback.id, scheduleInput({ unitId: org.units.dinas })), "conflict:presensiAdmin.schedule.lastAgencyWide");
    createSchedule(admin(), scheduleInput({ unitId: null, name: "Jam kerja baru" }));
    expect(await codeOf(() => setScheduleActive(admin(), fallback.id, false))).toBe("ok");
  });

  it("is refused to a plain employee and to another agency's admin, and nothing changes", async () => {
    const { id } = createSchedule(admin(), scheduleInput());
    await expectRefusedUnchanged(() => createSchedule(staff(), scheduleInput()), FORBIDDEN);
    await expectRefusedUnchanged(() => updateSchedule(staff(), id, scheduleInput({ graceMinutes: 30 })), FORBIDDEN);
    await expectRefusedUnchanged(() => setScheduleActive(staff(), id, false), FORBIDDEN);
    await expectRefusedUnchanged(() => listSchedules(staff()), FORBIDDEN);
    await expectRefusedUnchanged(() => updateSchedule(adminB(), id, scheduleInput({ unitId: null, graceMinutes: 30 })), NOT_FOUND);
    await expectRefusedUnchanged(() => setScheduleActive(adminB(), id, false), NOT_FOUND);
    expect(listSchedules(adminB())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("holidays", () => {
  it("a holiday added on a past working day turns that day from absent to holiday for everybody, with its audit row", () => {
    recomputeThursday();
    expect(dayOf(org.people.staff)?.status).toBe("absent");
    expect(dayOf(org.people.witaStaff)?.status).toBe("absent");
    const friday = dayOf(org.people.staff, "2026-11-27");
    const { id } = createHoliday(admin(), { date: THURSDAY, name: "Libur daerah HUT Kabupaten", kind: "regional" });
    expect(dayOf(org.people.staff)).toMatchObject({ status: "holiday", deductionBasisPoints: 0 });
    expect(dayOf(org.people.witaStaff)?.status).toBe("holiday");
    expect(dayOf(org.people.head)?.status).toBe("holiday");
    // Only that date is rewritten.
    expect(dayOf(org.people.staff, "2026-11-27")).toEqual(friday);
    const [audit] = auditOf("holiday.created");
    expect(audit).toMatchObject({ entityType: "holiday", entityId: String(id), agencyId: org.agencyA });
    expect(JSON.parse(audit.after!)).toEqual({ date: THURSDAY, name: "Libur daerah HUT Kabupaten", kind: "regional" });
    expect(listHolidays(admin(), 2026).map((h) => h.date)).toEqual([THURSDAY]);

    deleteHoliday(admin(), id);
    expect(dayOf(org.people.staff)?.status).toBe("absent");
    expect(JSON.parse(auditOf("holiday.deleted")[0].before!)).toMatchObject({ date: THURSDAY });
  });

  it("the holiday, its audit row and the recomputed days commit together or not at all", async () => {
    recomputeThursday();
    breakAudit();
    const before = everything();
    expect(() => createHoliday(admin(), { date: THURSDAY, name: "Libur", kind: "regional" })).toThrow(/audit down/);
    expect(everything()).toEqual(before);
  });

  it("refuses a second holiday on the same date with a clear message", () => {
    createHoliday(admin(), { date: "2026-12-24", name: "Cuti bersama Natal", kind: "collective_leave" });
    const before = everything();
    let error: DomainError | undefined;
    try {
      createHoliday(admin(), { date: "2026-12-24", name: "Libur lain", kind: "regional" });
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "invalid", messageKey: "presensiAdmin.holiday.duplicate", params: { name: "Cuti bersama Natal" }, fieldErrors: { date: "presensiAdmin.holiday.duplicate" } });
    expect(everything()).toEqual(before);
  });

  it("a future holiday or one older than last month writes no day", () => {
    createHoliday(admin(), { date: "2026-12-31", name: "Libur akhir tahun", kind: "regional" });
    createHoliday(admin(), { date: "2026-09-15", name: "Libur lama", kind: "regional" });
    expect(db.select().from(attendanceDays).all()).toEqual([]);
  });

  it("adds the built-in 2026 national holidays, skipping dates already present", () => {
    createHoliday(admin(), { date: "2026-08-17", name: "HUT RI ke-81", kind: "national" });
    expect(addNationalHolidays2026(admin())).toEqual({ added: HOLIDAYS_2026.length - 1, skipped: 1 });
    const rows = listHolidays(admin(), 2026);
    expect(rows).toHaveLength(HOLIDAYS_2026.length);
    expect(rows.find((h) => h.date === "2026-08-17")?.name).toBe("HUT RI ke-81");
    expect(rows.filter((h) => h.kind === "collective_leave")).toHaveLength(8);
    expect(auditOf("holiday.created")).toHaveLength(HOLIDAYS_2026.length);
    expect(addNationalHolidays2026(admin())).toEqual({ added: 0, skipped: HOLIDAYS_2026.length });
    expect(listHolidays(adminB(), 2026)).toEqual([]);
  });

  it("refuses bad input with message keys", () => {
    expect(fieldErrorsOf(() => createHoliday(admin(), { date: "2026-02-30", name: "", kind: "national" }))).toEqual({ date: "validation.date", name: "validation.required" });
  });

  it("is refused to a plain employee and to another agency's admin, and nothing changes", async () => {
    const { id } = createHoliday(admin(), { date: "2026-12-31", name: "Libur akhir tahun", kind: "regional" });
    await expectRefusedUnchanged(() => createHoliday(staff(), { date: THURSDAY, name: "Libur", kind: "regional" }), FORBIDDEN);
    await expectRefusedUnchanged(() => deleteHoliday(staff(), id), FORBIDDEN);
    await expectRefusedUnchanged(() => addNationalHolidays2026(staff()), FORBIDDEN);
    await expectRefusedUnchanged(() => listHolidays(staff(), 2026), FORBIDDEN);
    await expectRefusedUnchanged(() => deleteHoliday(adminB(), id), NOT_FOUND);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const siteInput = (overrides: Partial<SiteInput> = {}): SiteInput => ({
  name: "Kantor Bidang Aptika",
  kind: "office",
  unitId: org.units.dinas,
  latitude: -8.2201,
  longitude: 114.3702,
  radiusMeters: 75,
  timeZone: "Asia/Jakarta",
  validFrom: null,
  validTo: null,
  networks: "103.10.20.0/24, 2001:db8:10::/48",
  ...overrides,
});

describe("sites", () => {
  it("creates, edits, deactivates and reactivates a site, audited", () => {
    const { id } = createSite(admin(), siteInput());
    expect(listSites(admin()).find((s) => s.id === id)).toMatchObject({ name: "Kantor Bidang Aptika", radiusMeters: 75, networks: "103.10.20.0/24, 2001:db8:10::/48", unitName: "Dinas Kominfo", active: true });
    expect(JSON.parse(auditOf("attendance_site.created")[0].after!)).toMatchObject({ name: "Kantor Bidang Aptika", radiusMeters: 75 });
    updateSite(admin(), id, siteInput({ kind: "activity", name: "Lokasi Pameran", validFrom: "2026-12-01", validTo: "2026-12-03", networks: "" }));
    const [update] = auditOf("attendance_site.updated");
    expect(JSON.parse(update.before!)).toMatchObject({ kind: "office", validFrom: null });
    expect(JSON.parse(update.after!)).toMatchObject({ kind: "activity", validFrom: "2026-12-01", validTo: "2026-12-03", networks: "" });
    setSiteActive(admin(), id, false);
    expect(listSites(admin()).find((s) => s.id === id)?.active).toBe(false);
    expect(auditOf("attendance_site.deactivated")).toHaveLength(1);
    setSiteActive(admin(), id, true);
    expect(auditOf("attendance_site.reactivated")).toHaveLength(1);
  });

  it("an office's new time zone recomputes its people's days in that zone", () => {
    recomputeThursday();
    expect(dayOf(org.people.witaStaff)?.timeZone).toBe("Asia/Makassar");
    const wita = db.select().from(attendanceSites).where(eq(attendanceSites.id, org.sites.witaOffice)).get()!;
    updateSite(admin(), wita.id, siteInput({ name: wita.name, unitId: wita.unitId, latitude: wita.latitude, longitude: wita.longitude, radiusMeters: 100, timeZone: "Asia/Jakarta", networks: "" }));
    expect(dayOf(org.people.witaStaff)?.timeZone).toBe("Asia/Jakarta");
  });

  it("refuses bad coordinates, radius, zone, networks and dates with their keys, and changes nothing", () => {
    const before = everything();
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ latitude: 91, longitude: -181 })))).toEqual({
      latitude: "presensiAdmin.site.latitudeRange",
      longitude: "presensiAdmin.site.longitudeRange",
    });
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ latitude: Number.NaN })))).toEqual({ latitude: "presensiAdmin.site.latitudeRange" });
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ radiusMeters: 10 })))).toEqual({ radiusMeters: "presensiAdmin.site.radiusRange" });
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ radiusMeters: 1001 })))).toEqual({ radiusMeters: "presensiAdmin.site.radiusRange" });
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ timeZone: "Europe/London" as SiteInput["timeZone"] })))).toEqual({ timeZone: "presensiAdmin.site.timeZoneInvalid" });
    for (const networks of ["10.0.0.0/33", "10.0.0.0", "fe80::/129", "300.1.1.0/24", "kantor"]) {
      expect(fieldErrorsOf(() => createSite(admin(), siteInput({ networks })))).toEqual({ networks: "presensiAdmin.site.networksInvalid" });
    }
    expect(fieldErrorsOf(() => createSite(admin(), siteInput({ kind: "activity" })))).toEqual({ validFrom: "presensiAdmin.site.activityDates", validTo: "presensiAdmin.site.activityDates" });
    expect(everything()).toEqual(before);
  });

  it("checks CIDR syntax for IPv4 and IPv6", () => {
    for (const ok of ["10.0.0.0/8", "192.168.1.0/24", "0.0.0.0/0", "203.0.113.7/32", "2001:db8::/32", "::/0", "fe80::1/128"]) expect(isCidr(ok)).toBe(true);
    for (const bad of ["10.0.0.0", "10.0.0/8", "10.0.0.0/-1", "256.0.0.0/8", "010.0.0.0/8", "2001:db8::/129", "fe80::1%eth0/64", "/24", "gg::/16"]) expect(isCidr(bad)).toBe(false);
  });

  it("reads the form: decimal comma in a coordinate, empty scope is the agency", () => {
    const parsed = siteForm.parse({ name: "Kantor", kind: "office", unitId: "", latitude: "-8,2192", longitude: "114.3691", radiusMeters: "100", timeZone: "Asia/Makassar", validFrom: "", validTo: "", networks: "" });
    expect(parsed).toMatchObject({ unitId: null, latitude: -8.2192, longitude: 114.3691, timeZone: "Asia/Makassar", validFrom: null });
  });

  it("is refused to a plain employee and to another agency's admin, and nothing changes", async () => {
    await expectRefusedUnchanged(() => createSite(staff(), siteInput()), FORBIDDEN);
    await expectRefusedUnchanged(() => updateSite(staff(), org.sites.office, siteInput()), FORBIDDEN);
    await expectRefusedUnchanged(() => setSiteActive(staff(), org.sites.office, false), FORBIDDEN);
    await expectRefusedUnchanged(() => listSites(staff()), FORBIDDEN);
    await expectRefusedUnchanged(() => updateSite(adminB(), org.sites.office, siteInput({ unitId: null })), NOT_FOUND);
    await expectRefusedUnchanged(() => setSiteActive(adminB(), org.sites.office, false), NOT_FOUND);
    expect(listSites(adminB())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("flexible work", () => {
  const settingsOf = (employeeId: number) => db.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, employeeId)).get();

  it("lists the agency's employees with their setting, searchable by name", () => {
    const all = listFlexibleEmployees(admin(), {});
    expect(all.rows.map((r) => r.id)).toContain(org.people.staff);
    expect(all.rows.map((r) => r.id)).not.toContain(org.employees.adminB);
    const found = listFlexibleEmployees(admin(), { q: "fleksibel" });
    expect(found.rows).toEqual([expect.objectContaining({ id: org.people.flexible, flexibleWork: true, homeSetAt: new Date("2026-01-01T00:00:00Z") })]);
    expect(listFlexibleEmployees(admin(), { show: "flexible" }).rows.map((r) => r.id)).toEqual([org.people.flexible]);
  });

  it("allows flexible work for one employee, audited, recomputing only that employee's days", () => {
    recomputeThursday();
    const later = new Date(TEST_NOW.getTime() + 3_600_000);
    expect(setFlexibleWork(admin(later), org.people.staff, true)).toEqual({ employeeId: org.people.staff, changed: true });
    expect(settingsOf(org.people.staff)?.flexibleWork).toBe(true);
    expect(dayOf(org.people.staff)?.computedAt).toEqual(later);
    expect(dayOf(org.people.head)?.computedAt).toEqual(TEST_NOW);
    const [audit] = auditOf("attendance_settings.updated");
    expect(audit).toMatchObject({ entityType: "employee_attendance_settings", entityId: String(org.people.staff) });
    expect(JSON.parse(audit.before!)).toMatchObject({ flexibleWork: false });
    expect(JSON.parse(audit.after!)).toMatchObject({ flexibleWork: true });
    expect(setFlexibleWork(admin(), org.people.staff, true).changed).toBe(false);
    setFlexibleWork(admin(), org.people.staff, false);
    expect(settingsOf(org.people.staff)?.flexibleWork).toBe(false);
  });

  it("clears a home point so the employee registers it again", async () => {
    clearHomePoint(admin(), org.people.flexible);
    expect(settingsOf(org.people.flexible)).toMatchObject({ flexibleWork: true, homeLatitude: null, homeLongitude: null, homeSetAt: null });
    const [audit] = auditOf("attendance_settings.updated");
    expect(JSON.parse(audit.before!)).toMatchObject({ homeLatitude: expect.any(Number), homeSetAt: "2026-01-01T00:00:00.000Z" });
    expect(JSON.parse(audit.after!)).toMatchObject({ homeLatitude: null, homeSetAt: null });
    await expectRefusedUnchanged(() => clearHomePoint(admin(), org.people.flexible), "conflict:presensiAdmin.flexible.noHome");
  });

  it("is refused to a plain employee and to another agency's admin, and nothing changes", async () => {
    await expectRefusedUnchanged(() => setFlexibleWork(staff(), org.people.staff, true), FORBIDDEN);
    await expectRefusedUnchanged(() => clearHomePoint(staff(), org.people.flexible), FORBIDDEN);
    await expectRefusedUnchanged(() => listFlexibleEmployees(staff(), {}), FORBIDDEN);
    await expectRefusedUnchanged(() => setFlexibleWork(adminB(), org.people.staff, true), NOT_FOUND);
    await expectRefusedUnchanged(() => clearHomePoint(adminB(), org.people.flexible), NOT_FOUND);
    expect(listFlexibleEmployees(adminB(), { q: "fleksibel" }).rows).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("the recompute window and the overview", () => {
  it("runs from the first day of the previous month to today, January reaching back into December", () => {
    expect(recomputeWindow(db, org.agencyA, TEST_NOW)).toEqual({ from: "2026-10-01", to: "2026-11-27" });
    expect(recomputeWindow(db, org.agencyA, new Date("2027-01-05T02:00:00Z"))).toEqual({ from: "2026-12-01", to: "2027-01-05" });
    // 23.30 WIB is already the next day at the WIT office: the window reaches it.
    expect(recomputeWindow(db, org.agencyA, new Date("2026-11-27T16:30:00Z")).to).toBe("2026-11-28");
  });

  it("counts what is configured, for the admin only", async () => {
    expect(attendanceConfigOverview(admin())).toMatchObject({ year: 2026, activeSchedules: 1, holidaysThisYear: 0, activeSites: 3, flexibleEmployees: 1 });
    expect(await codeOf(() => attendanceConfigOverview(staff() as Ctx))).toBe(FORBIDDEN);
  });

  it("every message key the use cases can answer with exists in the catalog", () => {
    const keys = [
      "presensiAdmin.policy.bucketsInvalid",
      "presensiAdmin.policy.bucketValueInvalid",
      "presensiAdmin.policy.accuracyRange",
      "presensiAdmin.policy.skewRange",
      "presensiAdmin.policy.speedRange",
      "presensiAdmin.policy.percentRange",
      "presensiAdmin.policy.leaveDaysRange",
      "presensiAdmin.policy.carryOverRange",
      "presensiAdmin.schedule.endBeforeStart",
      "presensiAdmin.schedule.timeInvalid",
      "presensiAdmin.schedule.noWorkday",
      "presensiAdmin.schedule.windowOrder",
      "presensiAdmin.schedule.ramadanDates",
      "presensiAdmin.schedule.graceRange",
      "presensiAdmin.schedule.lastAgencyWide",
      "presensiAdmin.holiday.duplicate",
      "presensiAdmin.site.latitudeRange",
      "presensiAdmin.site.longitudeRange",
      "presensiAdmin.site.radiusRange",
      "presensiAdmin.site.timeZoneInvalid",
      "presensiAdmin.site.networksInvalid",
      "presensiAdmin.site.activityDates",
      "presensiAdmin.flexible.noHome",
      "presensiAdmin.scopeInvalid",
      "presensiAdmin.alreadyActive",
      "presensiAdmin.alreadyInactive",
      "adminHome.attendance",
      "adminHome.attendanceHint",
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
});
