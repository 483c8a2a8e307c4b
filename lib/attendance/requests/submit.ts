import "server-only";
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { attendanceRequests, employeeAttendanceSettings, LEAVE_TYPES, REQUEST_KINDS, type AttendanceRequestKind, type AttendanceRequestState, type LeaveType } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { withBusyRetry } from "@/lib/busy-retry";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { notifyPosition } from "@/lib/notifications/notify";
import { recomputeDays } from "../recompute";
import { minuteOf } from "../schedule";
import { checkedAttachment, type RequestAttachment } from "./attachment";
import { assertLeaveFits } from "./leave-check";
import { collides, FLEXIBLE_KINDS, LONG_LEAVE_TYPES, MAX_LONG_RANGE_DAYS, MAX_RANGE_DAYS, needsAttachment, REASON_MAX } from "./kinds";
import { requestDatesLabel, requestKindLabel } from "./labels";
import { agencyToday, approverPositionFor } from "./posts";
import { requestSnapshot } from "./snapshot";
import { suratTugasFor, type SuratTugas } from "./surat-tugas";
import { employeeToday, workingDates } from "./working-days";

// An employee asks for days off, a work-location plan or a correction of a day. The request goes to the post above
// theirs; a dinas luar on a signed Surat Tugas naming them is approved at once. Everything is checked here, before
// and inside the one transaction that stores it, so the form and any other caller get the same answers.

export type SubmitRequestInput = {
  kind: AttendanceRequestKind;
  leaveType?: LeaveType | null;
  /** Koreksi: the one date to correct. Dinas luar on a Surat Tugas: empty takes the document's dates. */
  startDate?: string | null;
  endDate?: string | null;
  /** Koreksi: corrected local times "HH:MM"; at least one. */
  checkIn?: string | null;
  checkOut?: string | null;
  reason: string;
  /** A doctor's letter (PDF, JPEG or PNG): required for sakit and cuti sakit. */
  attachment?: Buffer | null;
  officialDocumentId?: number | null;
};

const blank = (v: string | null | undefined) => (v == null || v.trim() === "" ? null : v.trim());

/** A real calendar date written YYYY-MM-DD (Date.parse alone accepts 30 February). */
export const isLocalDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

const calendarDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

type Checked = {
  kind: AttendanceRequestKind;
  leaveType: LeaveType | null;
  startDate: string | null;
  endDate: string | null;
  checkInMinute: number | null;
  checkOutMinute: number | null;
  reason: string;
  attachment: RequestAttachment | null;
};

/** The input's own rules (no database): every problem at once, under its field. */
function checkFields(input: SubmitRequestInput): Checked {
  const problems: Record<string, string> = {};
  const kind = input.kind;
  if (!REQUEST_KINDS.includes(kind)) throw invalid({ kind: "validation.invalid" });
  const leaveType = kind === "cuti" ? (input.leaveType ?? null) : null;
  if (kind === "cuti" && (!leaveType || !LEAVE_TYPES.includes(leaveType))) problems.leaveType = "pengajuan.errors.leaveTypeRequired";
  const reason = (input.reason ?? "").trim();
  if (!reason) problems.reason = "pengajuan.errors.reasonRequired";
  else if (reason.length > REASON_MAX) problems.reason = "validation.tooLong";
  const startDate = blank(input.startDate);
  const endDate = kind === "koreksi" ? startDate : blank(input.endDate);
  if (startDate && !isLocalDate(startDate)) problems.startDate = "validation.date";
  if (endDate && !isLocalDate(endDate)) problems.endDate = "validation.date";
  let checkInMinute: number | null = null;
  let checkOutMinute: number | null = null;
  if (kind === "koreksi") {
    const checkIn = blank(input.checkIn);
    const checkOut = blank(input.checkOut);
    checkInMinute = checkIn ? minuteOf(checkIn) : null;
    checkOutMinute = checkOut ? minuteOf(checkOut) : null;
    if (Number.isNaN(checkInMinute)) problems.checkIn = "pengajuan.errors.timeFormat";
    if (Number.isNaN(checkOutMinute)) problems.checkOut = "pengajuan.errors.timeFormat";
    if (checkIn === null && checkOut === null) problems.checkIn = "pengajuan.errors.correctionTimeRequired";
    if (checkInMinute !== null && checkOutMinute !== null && checkOutMinute <= checkInMinute) problems.checkOut = "pengajuan.errors.checkOutBeforeCheckIn";
  }
  let attachment: RequestAttachment | null = null;
  let params: Record<string, string | number> = {};
  if (input.attachment && input.attachment.length > 0) {
    try {
      attachment = checkedAttachment(input.attachment);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.attachment = error.fieldErrors.attachment ?? error.messageKey;
      params = error.params;
    }
  } else if (needsAttachment(kind, leaveType)) {
    problems.attachment = "pengajuan.errors.attachmentRequired";
  }
  if (Object.keys(problems).length) throw new DomainError("invalid", "errors.invalidInput", params, problems);
  return { kind, leaveType, startDate, endDate, checkInMinute, checkOutMinute, reason, attachment };
}

/** The dates of the request, checked against the kind's limits and the Surat Tugas it rests on. */
function resolveDates(fields: Checked, surat: SuratTugas | null): { startDate: string; endDate: string } {
  let { startDate, endDate } = fields;
  if (surat && !startDate && !endDate) {
    if (!surat.startDate || !surat.endDate) throw invalid({ startDate: "pengajuan.errors.suratTugasNoDates" });
    startDate = surat.startDate;
    endDate = surat.endDate;
  }
  if (!startDate || !endDate) {
    throw invalid({ ...(startDate ? {} : { startDate: "validation.required" }), ...(endDate ? {} : { endDate: "validation.required" }) });
  }
  if (endDate < startDate) throw invalid({ endDate: "pengajuan.errors.endBeforeStart" });
  const long = fields.kind === "cuti" && fields.leaveType !== null && LONG_LEAVE_TYPES.includes(fields.leaveType);
  const max = long ? MAX_LONG_RANGE_DAYS : MAX_RANGE_DAYS;
  if (calendarDays(startDate, endDate) > max) throw new DomainError("invalid", "pengajuan.errors.rangeTooLong", { max }, { endDate: "pengajuan.errors.rangeTooLong" });
  if (surat) {
    if (!surat.startDate || !surat.endDate || startDate < surat.startDate || endDate > surat.endDate) {
      const params = { number: surat.number, dates: surat.startDate && surat.endDate ? requestDatesLabel(surat.startDate, surat.endDate) : "-" };
      throw new DomainError("invalid", "pengajuan.errors.suratTugasDates", params, { officialDocumentId: "pengajuan.errors.suratTugasDates" });
    }
  }
  return { startDate, endDate };
}

/** WFH and WFA only for whom the head of the agency allowed flexible work; WFH also needs the home point. */
function assertFlexibleWork(ctx: Ctx, kind: AttendanceRequestKind): void {
  if (!FLEXIBLE_KINDS.includes(kind)) return;
  const settings = ctx.db.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, ctx.actor.employeeId)).get();
  if (!settings?.flexibleWork) throw new DomainError("forbidden", "pengajuan.errors.notFlexible", {}, { kind: "pengajuan.errors.notFlexible" });
  if (kind === "wfh" && settings.homeLatitude == null) throw new DomainError("invalid", "pengajuan.errors.noHomePoint", {}, { kind: "pengajuan.errors.noHomePoint" });
}

/** A pending or approved request already covering the dates in a way this one would contradict. */
function assertNoOverlap(tx: Tx, ctx: Ctx, kind: AttendanceRequestKind, startDate: string, endDate: string): void {
  const clash = tx
    .select()
    .from(attendanceRequests)
    .where(
      and(
        eq(attendanceRequests.employeeId, ctx.actor.employeeId),
        inArray(attendanceRequests.state, ["pending", "approved"]),
        lte(attendanceRequests.startDate, endDate),
        gte(attendanceRequests.endDate, startDate),
      ),
    )
    .all()
    .find((r) => collides(kind, r.kind));
  if (clash) {
    const params = { kind: requestKindLabel(clash.kind, clash.leaveType, ctx.actor.locale), dates: requestDatesLabel(clash.startDate, clash.endDate, ctx.actor.locale) };
    throw new DomainError("conflict", "pengajuan.errors.overlap", params, { startDate: "pengajuan.errors.overlap" });
  }
}

export function submitAttendanceRequest(ctx: Ctx, input: SubmitRequestInput): { requestId: number; state: AttendanceRequestState } {
  const { db, actor } = ctx;
  const fields = checkFields(input);
  const { kind, leaveType } = fields;
  const surat = kind === "dinas_luar" && input.officialDocumentId ? suratTugasFor(db, actor.agencyId, actor.employeeId, input.officialDocumentId) : null;
  // A superior approves everything but a signed Surat Tugas: without one (the regent) there is nobody to ask.
  const approverPositionId = approverPositionFor(db, actor.employeeId, agencyToday(db, actor.agencyId, ctx.now));
  if (approverPositionId === null && !surat) throw new DomainError("forbidden", "pengajuan.errors.noSuperior");
  const { startDate, endDate } = resolveDates(fields, surat);
  if (kind === "koreksi" && startDate > employeeToday(db, actor.agencyId, actor.employeeId, ctx.now)) {
    throw invalid({ startDate: "pengajuan.errors.correctionInFuture" });
  }
  const dates = workingDates(db, actor.agencyId, actor.employeeId, startDate, endDate);
  if (dates.length === 0) throw invalid({ startDate: kind === "koreksi" ? "pengajuan.errors.correctionNotWorkday" : "pengajuan.errors.noWorkingDays" });
  assertFlexibleWork(ctx, kind);

  return withBusyRetry(() =>
    db.transaction(
      (tx) => {
        assertNoOverlap(tx, ctx, kind, startDate, endDate);
        if (kind === "cuti" && leaveType === "tahunan") assertLeaveFits(tx, actor.employeeId, dates, "available");
        const attachmentSha256 = fields.attachment ? sqliteFileStore.put(tx, fields.attachment, ctx.now) : null;
        const row = tx
          .insert(attendanceRequests)
          .values({
            agencyId: actor.agencyId,
            employeeId: actor.employeeId,
            kind,
            leaveType,
            startDate,
            endDate,
            workingDays: dates.length,
            reason: fields.reason,
            attachmentSha256,
            officialDocumentId: surat?.id ?? null,
            correctedCheckInMinute: fields.checkInMinute,
            correctedCheckOutMinute: fields.checkOutMinute,
            approverPositionId,
            createdAt: ctx.now,
            // The signed Surat Tugas is the superior's decision already: nobody decides again.
            ...(surat ? { state: "approved" as const, decidedAt: ctx.now, decisionNote: `Surat Tugas ${surat.number}` } : {}),
          })
          .returning()
          .get();
        writeAudit(tx, ctx, { action: "attendance_request.submitted", entityType: "attendance_request", entityId: row.id, after: requestSnapshot(row) });
        if (surat) {
          recomputeDays(tx, { agencyId: actor.agencyId, employeeIds: [actor.employeeId], from: startDate, to: endDate }, ctx.now);
          writeAudit(tx, ctx, {
            action: "attendance_request.approved",
            entityType: "attendance_request",
            entityId: row.id,
            before: { state: "pending" },
            after: { state: "approved", basis: "surat_tugas", officialDocumentId: surat.id, number: surat.number },
          });
        } else if (approverPositionId !== null) {
          notifyPosition(tx, ctx, approverPositionId, {
            kind: "attendance_request_submitted",
            messageKey: "notifications.messages.attendanceRequestSubmitted",
            params: { name: actor.displayName, kind: requestKindLabel(kind, leaveType), dates: requestDatesLabel(startDate, endDate) },
            href: "/presensi/persetujuan",
          });
        }
        return { requestId: row.id, state: row.state };
      },
      { behavior: "immediate" },
    ),
  );
}
