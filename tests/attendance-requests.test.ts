import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import {
  assignments,
  attendanceDays,
  attendancePolicies,
  attendanceRecords,
  attendanceRequests,
  auditLog,
  documentTypes,
  employeeAttendanceSettings,
  employees,
  holidays,
  notifications,
  officialDocuments,
} from "@/db/schema";
import { seedDocumentTypes } from "@/db/seed/document-types";
import { requestAttachment } from "@/lib/attendance/requests/access";
import { cancelAttendanceRequest } from "@/lib/attendance/requests/cancel";
import { decideAttendanceRequest } from "@/lib/attendance/requests/decide";
import { leaveBalance } from "@/lib/attendance/requests/leave-balance";
import { myRequests, pendingApprovals } from "@/lib/attendance/requests/queries";
import { submitAttendanceRequest, type SubmitRequestInput } from "@/lib/attendance/requests/submit";
import { suratTugasOptions } from "@/lib/attendance/requests/surat-tugas";
import { recomputeDays } from "@/lib/attendance/recompute";
import { DomainError } from "@/lib/errors";
import { hasMessage, translator } from "@/lib/i18n/catalog";
import en from "@/messages/en/attendance-requests.json";
import id from "@/messages/id/attendance-requests.json";
import { createAttendanceOrg } from "./support/attendance";
import { addEmployee, ctxFor, freshDb, TEST_NOW } from "./support/db";
import { codeOf } from "./support/errors";

// TEST_NOW is Friday 2026-11-27 09.00 WIB. The week before (23-26 November) is past; 30 November starts the next.

let db: Db;
let org: ReturnType<typeof createAttendanceOrg>;

beforeEach(() => {
  db = freshDb();
  org = createAttendanceOrg(db);
  // Every fixture employee came into Kawan at the start of 2026 unless a test says otherwise.
  db.update(employees).set({ createdAt: new Date("2026-01-05T00:00:00Z") }).run();
});

const as = (employeeId: number, now = TEST_NOW) => ctxFor(db, employeeId, now);
const staff = () => as(org.people.staff);
const head = () => as(org.people.head);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

const leave = (startDate: string, endDate: string, leaveType: SubmitRequestInput["leaveType"] = "tahunan"): SubmitRequestInput => ({
  kind: "cuti",
  leaveType,
  startDate,
  endDate,
  reason: "Keperluan keluarga",
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const day = (employeeId: number, date: string) =>
  db.select().from(attendanceDays).where(and(eq(attendanceDays.employeeId, employeeId), eq(attendanceDays.localDate, date))).get();
const requestRow = (requestId: number) => db.select().from(attendanceRequests).where(eq(attendanceRequests.id, requestId)).get()!;
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
const snapshot = () => ({
  requests: db.select().from(attendanceRequests).orderBy(asc(attendanceRequests.id)).all(),
  days: db.select().from(attendanceDays).all(),
  audit: db.select().from(auditLog).all().length,
  notifications: db.select().from(notifications).all().length,
});
const recompute = (employeeId: number, from: string, to: string) => recomputeDays(db, { agencyId: org.agencyA, employeeIds: [employeeId], from, to }, TEST_NOW);

/** An approved annual leave stored directly, as if decided in an earlier year. */
function approvedLeave(employeeId: number, startDate: string, endDate: string, workingDays: number) {
  db.insert(attendanceRequests)
    .values({ agencyId: org.agencyA, employeeId, kind: "cuti", leaveType: "tahunan", startDate, endDate, workingDays, reason: "x", state: "approved", approverPositionId: org.positions.head, createdAt: TEST_NOW })
    .run();
}

describe("submitting and approving leave", () => {
  it("an approved leave turns absent days into leave days, and both sides are told", () => {
    recompute(org.people.staff, "2026-11-23", "2026-11-25");
    expect(day(org.people.staff, "2026-11-24")?.status).toBe("absent");

    const { requestId, state } = submitAttendanceRequest(staff(), leave("2026-11-23", "2026-11-25"));
    expect(state).toBe("pending");
    const row = requestRow(requestId);
    expect(row).toMatchObject({ kind: "cuti", leaveType: "tahunan", workingDays: 3, approverPositionId: org.positions.head, state: "pending" });
    expect(day(org.people.staff, "2026-11-24")?.status).toBe("absent");
    const toHead = db.select().from(notifications).where(eq(notifications.employeeId, org.people.head)).all();
    expect(toHead).toHaveLength(1);
    expect(toHead[0]).toMatchObject({ kind: "attendance_request_submitted", href: "/presensi/persetujuan" });
    expect(JSON.parse(toHead[0].params)).toMatchObject({ name: "Staf Uji", kind: "Cuti tahunan" });

    expect(pendingApprovals(head()).map((r) => r.id)).toEqual([requestId]);
    expect(pendingApprovals(head())[0]).toMatchObject({ employeeName: "Staf Uji", workingDays: 3, reason: "Keperluan keluarga" });
    expect(pendingApprovals(head())[0].balance).toMatchObject({ remaining: 12, pending: 3 });

    decideAttendanceRequest(head(), { requestId, decision: "approve", note: "" });
    for (const date of ["2026-11-23", "2026-11-24", "2026-11-25"]) {
      expect(day(org.people.staff, date)).toMatchObject({ status: "leave", leaveType: "tahunan", requestId, deductionBasisPoints: 0 });
    }
    const decided = requestRow(requestId);
    const headAssignment = db.select().from(assignments).where(eq(assignments.employeeId, org.people.head)).get()!;
    expect(decided).toMatchObject({ state: "approved", decidedByEmployeeId: org.people.head, decidedAssignmentId: headAssignment.id });
    expect(decided.decidedAt?.getTime()).toBe(TEST_NOW.getTime());
    const [audit] = auditOf("attendance_request.approved");
    expect(JSON.parse(audit.before!)).toMatchObject({ state: "pending" });
    expect(JSON.parse(audit.after!)).toMatchObject({ state: "approved", decidedByEmployeeId: org.people.head });
    const toStaff = db.select().from(notifications).where(eq(notifications.employeeId, org.people.staff)).all();
    expect(toStaff.map((n) => [n.kind, n.messageKey])).toEqual([["attendance_request_decided", "notifications.messages.attendanceRequestApproved"]]);
    expect(pendingApprovals(head())).toEqual([]);
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ used: 3, remaining: 9, pending: 0 });
  });

  it("a rejection needs a note, leaves the days alone and tells the employee", async () => {
    recompute(org.people.staff, "2026-11-23", "2026-11-25");
    const { requestId } = submitAttendanceRequest(staff(), leave("2026-11-23", "2026-11-25"));
    const before = snapshot();
    expect(refusal(() => decideAttendanceRequest(head(), { requestId, decision: "reject", note: "  " })).fieldErrors).toEqual({ note: "pengajuan.errors.noteRequired" });
    expect(snapshot()).toEqual(before);

    decideAttendanceRequest(head(), { requestId, decision: "reject", note: "Ada rapat penting" });
    expect(requestRow(requestId)).toMatchObject({ state: "rejected", decisionNote: "Ada rapat penting" });
    expect(day(org.people.staff, "2026-11-24")?.status).toBe("absent");
    expect(auditOf("attendance_request.rejected")).toHaveLength(1);
    const toStaff = db.select().from(notifications).where(eq(notifications.employeeId, org.people.staff)).all();
    expect(toStaff.map((n) => n.messageKey)).toEqual(["notifications.messages.attendanceRequestRejected"]);
    expect(await codeOf(() => decideAttendanceRequest(head(), { requestId, decision: "approve" }))).toBe("conflict:pengajuan.errors.notPending");
  });

  it("refuses the wrong people and changes nothing", async () => {
    recompute(org.people.staff, "2026-11-23", "2026-11-25");
    const { requestId } = submitAttendanceRequest(staff(), leave("2026-11-23", "2026-11-25"));
    const formerHead = addEmployee(db, org.agencyA, { name: "Kepala Lama" });
    db.insert(assignments).values({ employeeId: formerHead, positionId: org.positions.head, kind: "definitif", startDate: "2020-01-01", endDate: "2026-10-31" }).run();
    const before = snapshot();
    const decide = (employeeId: number) => codeOf(() => decideAttendanceRequest(as(employeeId), { requestId, decision: "approve", note: "" }));

    expect(await decide(org.people.staff)).toBe("forbidden:pengajuan.errors.ownRequest");
    expect(await decide(org.people.witaStaff)).toBe("not_found:errors.notFound");
    // The agency admin sees requests (attendance.recap) but holds no approving post.
    expect(await decide(org.people.admin)).toBe("forbidden:pengajuan.errors.notApprover");
    expect(await decide(org.people.adminB)).toBe("not_found:errors.notFound");
    expect(await decide(formerHead)).toBe("not_found:errors.notFound");
    expect(await codeOf(() => decideAttendanceRequest(head(), { requestId: 99999, decision: "approve" }))).toBe("not_found:errors.notFound");
    expect(snapshot()).toEqual(before);

    expect(pendingApprovals(as(formerHead))).toEqual([]);
    expect(pendingApprovals(as(org.people.witaStaff))).toEqual([]);
    expect(pendingApprovals(staff())).toEqual([]);
  });

  it("a Plh of the superior post may approve, and the decision names the Plh assignment", () => {
    const plh = addEmployee(db, org.agencyA, { name: "Sekretaris Dinas" });
    const plhAssignment = db
      .insert(assignments)
      .values({ employeeId: plh, positionId: org.positions.head, kind: "plh", startDate: "2026-11-20", endDate: "2026-12-04" })
      .returning()
      .get();
    const { requestId } = submitAttendanceRequest(staff(), { kind: "izin", startDate: "2026-11-30", endDate: "2026-11-30", reason: "Mengurus dokumen kependudukan" });
    // Both the own holder and the Plh were told.
    expect(db.select().from(notifications).all().map((n) => n.employeeId).sort()).toEqual([org.people.head, plh].sort());
    expect(pendingApprovals(as(plh)).map((r) => r.id)).toEqual([requestId]);

    decideAttendanceRequest(as(plh), { requestId, decision: "approve" });
    expect(requestRow(requestId)).toMatchObject({ state: "approved", decidedByEmployeeId: plh, decidedAssignmentId: plhAssignment.id });
    expect(day(org.people.staff, "2026-11-30")?.status).toBe("permit");

    // After the Plh period the same person can no longer decide.
    const later = submitAttendanceRequest(staff(), { kind: "izin", startDate: "2026-12-10", endDate: "2026-12-10", reason: "Mengantar anak" }).requestId;
    expect(refusal(() => decideAttendanceRequest(as(plh, new Date("2026-12-07T02:00:00Z")), { requestId: later, decision: "approve" })).code).toBe("not_found");
  });

  it("the regent has no superior and is told so", async () => {
    const regent = addEmployee(db, org.agencyA, { name: "Bupati Uji", positionId: org.positions.regent });
    expect(await codeOf(() => submitAttendanceRequest(as(regent), leave("2026-11-30", "2026-11-30")))).toBe("forbidden:pengajuan.errors.noSuperior");
    expect(db.select().from(attendanceRequests).all()).toEqual([]);
  });

  it("checks the input and refuses bad ranges with clear messages", () => {
    const fields = (input: Partial<SubmitRequestInput>) => refusal(() => submitAttendanceRequest(staff(), { ...leave("2026-11-30", "2026-12-01"), ...input })).fieldErrors;
    expect(fields({ leaveType: null })).toMatchObject({ leaveType: "pengajuan.errors.leaveTypeRequired" });
    expect(fields({ reason: " " })).toMatchObject({ reason: "pengajuan.errors.reasonRequired" });
    expect(fields({ reason: "x".repeat(1001) })).toMatchObject({ reason: "validation.tooLong" });
    expect(fields({ startDate: "2026-02-30" })).toMatchObject({ startDate: "validation.date" });
    expect(fields({ endDate: "2026-11-29" })).toMatchObject({ endDate: "pengajuan.errors.endBeforeStart" });
    expect(fields({ kind: "izin", leaveType: null, startDate: "2026-12-01", endDate: "2027-03-31" })).toMatchObject({ endDate: "pengajuan.errors.rangeTooLong" });
    expect(fields({ startDate: "2026-11-28", endDate: "2026-11-29" })).toMatchObject({ startDate: "pengajuan.errors.noWorkingDays" });
    expect(db.select().from(attendanceRequests).all()).toEqual([]);
    // Maternity leave runs three months: longer than the usual ninety days.
    const { requestId } = submitAttendanceRequest(staff(), { ...leave("2026-12-01", "2027-03-31", "melahirkan") });
    expect(requestRow(requestId).workingDays).toBeGreaterThan(80);
  });
});

describe("working days and the annual leave balance", () => {
  it("counts neither weekends nor holidays as leave days", () => {
    db.insert(holidays).values({ agencyId: org.agencyA, date: "2026-12-01", name: "Libur daerah", kind: "regional" }).run();
    const week = submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-04")).requestId;
    expect(requestRow(week).workingDays).toBe(4);
    const overWeekend = submitAttendanceRequest(staff(), leave("2026-12-11", "2026-12-14")).requestId;
    expect(requestRow(overWeekend).workingDays).toBe(2);
    decideAttendanceRequest(head(), { requestId: week, decision: "approve" });
    expect(day(org.people.staff, "2026-12-01")?.status).toBe("holiday");
    expect(day(org.people.staff, "2026-12-02")?.status).toBe("leave");
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ entitlement: 12, used: 4, pending: 2, remaining: 8, available: 6 });
  });

  it("gives 12 days a year minus approved leave, and refuses a request over the balance with the balance in the message", () => {
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ entitlement: 12, carryOver: 0, used: 0, remaining: 12 });
    approvedLeave(org.people.staff, "2026-03-02", "2026-03-13", 10);
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ used: 10, remaining: 2, available: 2 });
    const before = snapshot();
    const error = refusal(() => submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-02")));
    expect(error.messageKey).toBe("pengajuan.errors.leaveBalance");
    expect(error.params).toMatchObject({ year: 2026, available: 2, remaining: 2, days: 3 });
    expect(translator("id")(error.messageKey, error.params)).toContain("tersedia 2 hari");
    expect(snapshot()).toEqual(before);
    // Other kinds of leave do not take from the annual balance.
    submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-02", "alasan_penting"));
    submitAttendanceRequest(staff(), leave("2026-12-07", "2026-12-08"));
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ used: 10, pending: 2, available: 0 });
  });

  it("checks the balance again on approval, against approved leave only", () => {
    const { requestId } = submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-02"));
    // The agency lowers the entitlement while the request waits.
    db.update(attendancePolicies).set({ annualLeaveDays: 2 }).where(eq(attendancePolicies.agencyId, org.agencyA)).run();
    const before = snapshot();
    const error = refusal(() => decideAttendanceRequest(head(), { requestId, decision: "approve" }));
    expect(error.messageKey).toBe("pengajuan.errors.leaveBalanceOnApproval");
    expect(error.params).toMatchObject({ year: 2026, remaining: 2, days: 3 });
    expect(snapshot()).toEqual(before);
    // Rejecting stays possible.
    decideAttendanceRequest(head(), { requestId, decision: "reject", note: "Sisa cuti tidak cukup" });
    expect(requestRow(requestId).state).toBe("rejected");
  });

  it("carries unused days over, at most six, and only from years the employee was in Kawan", () => {
    db.update(employees).set({ createdAt: new Date("2025-02-01T00:00:00Z") }).where(eq(employees.id, org.people.staff)).run();
    approvedLeave(org.people.staff, "2025-06-02", "2025-06-04", 3);
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ entitlement: 12, carryOver: 6, remaining: 18 });
    approvedLeave(org.people.staff, "2025-08-04", "2025-08-12", 7);
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ carryOver: 2, remaining: 14 });
    // The head came in 2026: no carry-over from a year without records.
    expect(leaveBalance(db, org.people.head, 2026)).toMatchObject({ carryOver: 0, remaining: 12 });
  });

  it("a leave over New Year takes each year's own days", () => {
    db.insert(holidays).values({ agencyId: org.agencyA, date: "2027-01-01", name: "Tahun Baru", kind: "national" }).run();
    const { requestId } = submitAttendanceRequest(staff(), leave("2026-12-30", "2027-01-05"));
    expect(requestRow(requestId).workingDays).toBe(4);
    decideAttendanceRequest(head(), { requestId, decision: "approve" });
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ used: 2, remaining: 10 });
    // 2027: 12 + 6 carried (10 unused, capped) - 2.
    expect(leaveBalance(db, org.people.staff, 2027)).toMatchObject({ used: 2, carryOver: 6, remaining: 16 });
  });
});

describe("corrections", () => {
  function clock(kind: "in" | "out", iso: string, key: string) {
    db.insert(attendanceRecords)
      .values({ agencyId: org.agencyA, employeeId: org.people.staff, kind, recordedAt: new Date(iso), localDate: "2026-11-26", timeZone: "Asia/Jakarta", mode: "wfo", requestKey: key, createdAt: new Date(iso) })
      .run();
  }

  it("an approved koreksi moves the check-in and removes the lateness, with an audit row", () => {
    clock("in", "2026-11-26T01:45:00Z", "a"); // 08.45 WIB
    clock("out", "2026-11-26T09:05:00Z", "b"); // 16.05 WIB
    recompute(org.people.staff, "2026-11-26", "2026-11-26");
    expect(day(org.people.staff, "2026-11-26")).toMatchObject({ status: "present", lateMinutes: 75, lateBucket: 3 });

    const { requestId } = submitAttendanceRequest(staff(), { kind: "koreksi", startDate: "2026-11-26", checkIn: "07:30", reason: "Aplikasi gagal mengirim presensi pagi" });
    expect(requestRow(requestId)).toMatchObject({ endDate: "2026-11-26", correctedCheckInMinute: 450, correctedCheckOutMinute: null, workingDays: 1 });
    decideAttendanceRequest(head(), { requestId, decision: "approve", note: "Sesuai laporan TU" });
    const corrected = day(org.people.staff, "2026-11-26")!;
    expect(corrected).toMatchObject({ status: "present", lateMinutes: 0, lateBucket: 0, requestId, deductionBasisPoints: 0 });
    expect(corrected.checkInAt?.toISOString()).toBe("2026-11-26T00:30:00.000Z");
    const [audit] = auditOf("attendance_request.approved");
    expect(audit).toMatchObject({ entityType: "attendance_request", entityId: String(requestId), actorEmployeeId: org.people.head });
    expect(JSON.parse(audit.after!)).toMatchObject({ kind: "koreksi", correctedCheckInMinute: 450, state: "approved" });
  });

  it("refuses future dates, days off, missing or disordered times and a second correction", () => {
    const fields = (input: Partial<SubmitRequestInput>) =>
      refusal(() => submitAttendanceRequest(staff(), { kind: "koreksi", startDate: "2026-11-26", checkIn: "07:30", reason: "Lupa", ...input })).fieldErrors;
    expect(fields({ startDate: "2026-11-30" })).toEqual({ startDate: "pengajuan.errors.correctionInFuture" });
    expect(fields({ startDate: "2026-11-22" })).toEqual({ startDate: "pengajuan.errors.correctionNotWorkday" });
    expect(fields({ checkIn: "" })).toEqual({ checkIn: "pengajuan.errors.correctionTimeRequired" });
    expect(fields({ checkIn: "7.75" })).toEqual({ checkIn: "pengajuan.errors.timeFormat" });
    expect(fields({ checkIn: "16:00", checkOut: "07:00" })).toEqual({ checkOut: "pengajuan.errors.checkOutBeforeCheckIn" });
    expect(fields({ reason: "" })).toEqual({ reason: "pengajuan.errors.reasonRequired" });
    submitAttendanceRequest(staff(), { kind: "koreksi", startDate: "2026-11-26", checkOut: "16:00", reason: "Lupa presensi pulang" });
    expect(refusal(() => submitAttendanceRequest(staff(), { kind: "koreksi", startDate: "2026-11-26", checkIn: "07:30", reason: "Lupa" })).messageKey).toBe("pengajuan.errors.overlap");
  });
});

describe("dinas luar on a Surat Tugas", () => {
  let stTypeId: number;
  beforeEach(() => {
    seedDocumentTypes(db, org.agencyA, { now: TEST_NOW });
    seedDocumentTypes(db, org.agencyB, { now: TEST_NOW });
    stTypeId = db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, org.agencyA), eq(documentTypes.code, "ST"))).get()!.id;
  });

  function suratTugas(fields: { employeeIds: number[]; startDate?: string; endDate?: string; status?: "sent" | "signing"; number?: string | null; agencyId?: number; typeId?: number }) {
    return db
      .insert(officialDocuments)
      .values({
        agencyId: fields.agencyId ?? org.agencyA,
        documentTypeId: fields.typeId ?? stTypeId,
        status: fields.status ?? "sent",
        drafterEmployeeId: org.people.head,
        subject: "Tugas koordinasi ke Jakarta",
        details: JSON.stringify({ assignment: { employeeIds: fields.employeeIds, startDate: fields.startDate ?? "2026-12-07", endDate: fields.endDate ?? "2026-12-09" } }),
        number: fields.number === undefined ? "800.1.11.1/45/DISKOMINFO/2026" : fields.number,
        documentDate: "2026-11-20",
        createdAt: TEST_NOW,
        updatedAt: TEST_NOW,
      })
      .returning()
      .get().id;
  }

  it("approves itself for a named employee, taking the document's dates", () => {
    const documentId = suratTugas({ employeeIds: [org.people.staff, org.people.witaStaff] });
    expect(suratTugasOptions(staff()).map((s) => [s.id, s.number, s.startDate, s.endDate])).toEqual([[documentId, "800.1.11.1/45/DISKOMINFO/2026", "2026-12-07", "2026-12-09"]]);
    expect(suratTugasOptions(as(org.people.flexible))).toEqual([]);

    const { requestId, state } = submitAttendanceRequest(staff(), { kind: "dinas_luar", officialDocumentId: documentId, reason: "Koordinasi di Kementerian" });
    expect(state).toBe("approved");
    expect(requestRow(requestId)).toMatchObject({
      startDate: "2026-12-07",
      endDate: "2026-12-09",
      workingDays: 3,
      officialDocumentId: documentId,
      decidedByEmployeeId: null,
      decisionNote: "Surat Tugas 800.1.11.1/45/DISKOMINFO/2026",
    });
    expect(day(org.people.staff, "2026-12-08")).toMatchObject({ status: "duty", mode: "dinas_luar", requestId });
    expect(auditOf("attendance_request.submitted")).toHaveLength(1);
    expect(JSON.parse(auditOf("attendance_request.approved")[0].after!)).toMatchObject({ basis: "surat_tugas", officialDocumentId: documentId });
    // Nothing waits for the superior.
    expect(pendingApprovals(head())).toEqual([]);
    // A part of the document's period is fine too.
    const second = submitAttendanceRequest(as(org.people.witaStaff), { kind: "dinas_luar", officialDocumentId: documentId, startDate: "2026-12-08", endDate: "2026-12-09", reason: "Menyusul" });
    expect(second.state).toBe("approved");
  });

  it("refuses employees it does not name, dates it does not cover, unsigned and foreign documents", async () => {
    const documentId = suratTugas({ employeeIds: [org.people.staff] });
    const unsigned = suratTugas({ employeeIds: [org.people.staff], status: "signing", number: null });
    const foreignType = db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, org.agencyB), eq(documentTypes.code, "ST"))).get()!.id;
    const foreign = suratTugas({ employeeIds: [org.people.staff], agencyId: org.agencyB, typeId: foreignType });
    const notaDinas = suratTugas({ employeeIds: [org.people.staff], typeId: db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, org.agencyA), eq(documentTypes.code, "ND"))).get()!.id });
    const before = snapshot();
    const submit = (employeeId: number, officialDocumentId: number, dates: { startDate?: string; endDate?: string } = {}) =>
      refusal(() => submitAttendanceRequest(as(employeeId), { kind: "dinas_luar", officialDocumentId, reason: "Tugas", ...dates }));

    expect(submit(org.people.flexible, documentId).fieldErrors).toEqual({ officialDocumentId: "pengajuan.errors.suratTugasUnavailable" });
    expect(submit(org.people.staff, unsigned).fieldErrors).toEqual({ officialDocumentId: "pengajuan.errors.suratTugasUnavailable" });
    expect(submit(org.people.staff, foreign).fieldErrors).toEqual({ officialDocumentId: "pengajuan.errors.suratTugasUnavailable" });
    expect(submit(org.people.staff, notaDinas).fieldErrors).toEqual({ officialDocumentId: "pengajuan.errors.suratTugasUnavailable" });
    const outside = submit(org.people.staff, documentId, { startDate: "2026-12-07", endDate: "2026-12-10" });
    expect(outside.messageKey).toBe("pengajuan.errors.suratTugasDates");
    expect(translator("id")(outside.messageKey, outside.params)).toContain("800.1.11.1/45/DISKOMINFO/2026");
    expect(snapshot()).toEqual(before);
    // The regent has nobody to ask, but a signed Surat Tugas naming them needs nobody.
    const regent = addEmployee(db, org.agencyA, { name: "Bupati Uji", positionId: org.positions.regent });
    const forRegent = suratTugas({ employeeIds: [regent] });
    expect(submitAttendanceRequest(as(regent), { kind: "dinas_luar", officialDocumentId: forRegent, reason: "Kunjungan kerja" })).toMatchObject({ state: "approved" });
    // Without a document a dinas luar simply waits for the superior.
    expect(submitAttendanceRequest(staff(), { kind: "dinas_luar", startDate: "2026-12-07", endDate: "2026-12-07", reason: "Rapat di provinsi" }).state).toBe("pending");
  });
});

describe("work plans, sick days and overlaps", () => {
  it("WFH and WFA only with flexible-work permission, WFH only with a home point", async () => {
    const before = snapshot();
    expect(await codeOf(() => submitAttendanceRequest(staff(), { kind: "wfh", startDate: "2026-11-30", endDate: "2026-12-01", reason: "Menyusun laporan" }))).toBe(
      "forbidden:pengajuan.errors.notFlexible",
    );
    expect(await codeOf(() => submitAttendanceRequest(staff(), { kind: "wfa", startDate: "2026-11-30", endDate: "2026-12-01", reason: "Menyusun laporan" }))).toBe(
      "forbidden:pengajuan.errors.notFlexible",
    );
    expect(snapshot()).toEqual(before);
    const flexible = as(org.people.flexible);
    expect(submitAttendanceRequest(flexible, { kind: "wfh", startDate: "2026-11-30", endDate: "2026-12-01", reason: "Menyusun laporan" }).state).toBe("pending");
    db.update(employeeAttendanceSettings).set({ homeLatitude: null, homeLongitude: null }).where(eq(employeeAttendanceSettings.employeeId, org.people.flexible)).run();
    expect(await codeOf(() => submitAttendanceRequest(flexible, { kind: "wfh", startDate: "2026-12-07", endDate: "2026-12-07", reason: "x" }))).toBe("invalid:pengajuan.errors.noHomePoint");
    expect(submitAttendanceRequest(flexible, { kind: "wfa", startDate: "2026-12-07", endDate: "2026-12-07", reason: "Di lokasi kegiatan" }).state).toBe("pending");
  });

  it("sakit needs a doctor's letter, PDF or photo, which only the employee, the approver and the personnel office can open", async () => {
    const sick = { kind: "sakit" as const, startDate: "2026-11-26", endDate: "2026-11-27", reason: "Demam" };
    expect(refusal(() => submitAttendanceRequest(staff(), sick)).fieldErrors).toEqual({ attachment: "pengajuan.errors.attachmentRequired" });
    expect(refusal(() => submitAttendanceRequest(staff(), { ...sick, attachment: Buffer.from("<html>bukan surat</html>") })).fieldErrors).toEqual({ attachment: "pengajuan.errors.attachmentType" });
    expect(refusal(() => submitAttendanceRequest(staff(), leave("2026-11-30", "2026-11-30", "sakit"))).fieldErrors).toEqual({ attachment: "pengajuan.errors.attachmentRequired" });
    expect(db.select().from(attendanceRequests).all()).toEqual([]);

    const { requestId } = submitAttendanceRequest(staff(), { ...sick, attachment: PDF });
    expect(requestRow(requestId).attachmentSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const who of [org.people.staff, org.people.head, org.people.admin]) {
      expect(requestAttachment(as(who), requestId)?.file.mediaType).toBe("application/pdf");
    }
    for (const who of [org.people.witaStaff, org.people.adminB, org.people.flexible]) {
      expect(await codeOf(() => requestAttachment(as(who), requestId))).toBe("not_found:errors.notFound");
    }
    expect(pendingApprovals(head())[0].hasAttachment).toBe(true);
    decideAttendanceRequest(head(), { requestId, decision: "approve" });
    expect(day(org.people.staff, "2026-11-26")?.status).toBe("sick");
    // A photo of the letter will do, recognised by its bytes.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    const photo = submitAttendanceRequest(as(org.people.witaStaff), { ...sick, attachment: png }).requestId;
    expect(requestAttachment(as(org.people.witaStaff), photo)?.file.mediaType).toBe("image/png");
  });

  it("refuses leave over days already requested, but lets a sick day into a WFH plan", () => {
    submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-02"));
    const before = snapshot();
    const error = refusal(() => submitAttendanceRequest(staff(), { kind: "izin", startDate: "2026-12-02", endDate: "2026-12-03", reason: "Urusan keluarga" }));
    expect(error.messageKey).toBe("pengajuan.errors.overlap");
    expect(error.code).toBe("conflict");
    expect(translator("id")(error.messageKey, error.params)).toContain("Cuti tahunan");
    expect(snapshot()).toEqual(before);

    const flexible = as(org.people.flexible);
    const plan = submitAttendanceRequest(flexible, { kind: "wfh", startDate: "2026-11-30", endDate: "2026-12-04", reason: "Menyusun laporan" }).requestId;
    expect(refusal(() => submitAttendanceRequest(flexible, { kind: "wfa", startDate: "2026-12-04", endDate: "2026-12-04", reason: "x" })).messageKey).toBe("pengajuan.errors.overlap");
    decideAttendanceRequest(head(), { requestId: plan, decision: "approve" });
    const sickDay = submitAttendanceRequest(flexible, { kind: "sakit", startDate: "2026-12-02", endDate: "2026-12-02", reason: "Demam", attachment: PDF }).requestId;
    decideAttendanceRequest(head(), { requestId: sickDay, decision: "approve" });
    expect(day(org.people.flexible, "2026-12-01")).toMatchObject({ status: "upcoming", mode: "wfh" });
    expect(day(org.people.flexible, "2026-12-02")).toMatchObject({ status: "sick", requestId: sickDay });
  });
});

describe("cancelling and listing", () => {
  it("cancels a pending request, or an approved one before it starts, and rewrites the days", async () => {
    const pending = submitAttendanceRequest(staff(), leave("2026-12-07", "2026-12-07")).requestId;
    expect(await codeOf(() => cancelAttendanceRequest(head(), { requestId: pending }))).toBe("not_found:errors.notFound");
    expect(await codeOf(() => cancelAttendanceRequest(as(org.people.adminB), { requestId: pending }))).toBe("not_found:errors.notFound");
    expect(requestRow(pending).state).toBe("pending");
    cancelAttendanceRequest(staff(), { requestId: pending });
    expect(requestRow(pending).state).toBe("cancelled");
    expect(await codeOf(() => cancelAttendanceRequest(staff(), { requestId: pending }))).toBe("conflict:pengajuan.errors.notCancellable");

    const future = submitAttendanceRequest(staff(), leave("2026-11-30", "2026-12-01")).requestId;
    decideAttendanceRequest(head(), { requestId: future, decision: "approve" });
    expect(day(org.people.staff, "2026-11-30")?.status).toBe("leave");
    expect(myRequests(staff()).rows.find((r) => r.id === future)?.cancellable).toBe(true);
    cancelAttendanceRequest(staff(), { requestId: future });
    expect(day(org.people.staff, "2026-11-30")).toMatchObject({ status: "upcoming", requestId: null });
    expect(auditOf("attendance_request.cancelled")).toHaveLength(2);
    expect(leaveBalance(db, org.people.staff, 2026)).toMatchObject({ used: 0, pending: 0 });

    const started = submitAttendanceRequest(staff(), leave("2026-11-26", "2026-11-30")).requestId;
    decideAttendanceRequest(head(), { requestId: started, decision: "approve" });
    expect(myRequests(staff()).rows.find((r) => r.id === started)?.cancellable).toBe(false);
    expect(await codeOf(() => cancelAttendanceRequest(staff(), { requestId: started }))).toBe("conflict:pengajuan.errors.alreadyStarted");
    expect(requestRow(started).state).toBe("approved");
  });

  it("lists only the actor's own requests, newest first, with who decided", () => {
    const first = submitAttendanceRequest(staff(), leave("2026-11-30", "2026-11-30")).requestId;
    const second = submitAttendanceRequest(as(org.people.staff, new Date(TEST_NOW.getTime() + 60_000)), { kind: "izin", startDate: "2026-12-03", endDate: "2026-12-03", reason: "Urusan bank" }).requestId;
    submitAttendanceRequest(as(org.people.witaStaff), { kind: "izin", startDate: "2026-12-03", endDate: "2026-12-03", reason: "Lain" });
    decideAttendanceRequest(head(), { requestId: first, decision: "reject", note: "Ada audit" });
    const { rows, hasMore } = myRequests(staff());
    expect(hasMore).toBe(false);
    expect(rows.map((r) => r.id)).toEqual([second, first]);
    expect(rows[1]).toMatchObject({ state: "rejected", decidedByName: "Kepala Uji", decisionNote: "Ada audit", cancellable: false });
    expect(myRequests(as(org.people.adminB)).rows).toEqual([]);
    // Oldest first: the Denpasar request came a minute before the second one of Staf Uji.
    expect(pendingApprovals(head()).map((r) => r.employeeName)).toEqual(["Staf Denpasar", "Staf Uji"]);
  });
});

describe("catalog", () => {
  it("has every key in both languages, and every message key the lib uses", () => {
    const keys = (tree: object, prefix = ""): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en).sort()).toEqual(keys(id).sort());
    for (const key of keys(id)) expect(hasMessage(key)).toBe(true);
    const dir = path.join(import.meta.dirname, "../lib/attendance/requests");
    const used = fs.readdirSync(dir).flatMap((f) => [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/"(pengajuan\.[\w.]+)"/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(hasMessage(key), key).toBe(true);
  });
});

