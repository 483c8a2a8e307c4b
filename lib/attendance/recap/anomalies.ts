import "server-only";
import { and, desc, eq, gte, ne } from "drizzle-orm";
import { z } from "zod";
import { attendanceRecords, type ClockKind, type WorkMode } from "@/db/schema";
import { recomputeDays } from "@/lib/attendance/recompute";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, forbidden, invalid, notFound } from "@/lib/errors";
import { addDays } from "@/lib/time";
import { idField, optionalText } from "@/lib/validation";
import { employeesWithPost } from "./members";
import { maySeeEmployee, recapScope, scopeIsEmpty, visibleEmployeeSql } from "./scope";

// Clock records the check-in flagged (outside the fence with a reason, impossible speed, clock skew, a repeated
// position, outside the office network) wait for a supervisor who may see the employee. Accepting one stops it
// counting as an anomaly of the day; rejecting one takes it out of the day (recompute leaves rejected records out),
// while the record itself stays as evidence. Either way the decision and its note are audited.

export const ANOMALY_FLAGS = ["outside_fence", "impossible_speed", "clock_skew", "repeated_position", "outside_network"] as const;
export type AnomalyFlag = (typeof ANOMALY_FLAGS)[number];

/** How far back the review list reaches: a month of records, so nothing a recap still shows is left unreviewed. */
export const REVIEW_WINDOW_DAYS = 31;
const REVIEW_LIST_LIMIT = 200;
export const REVIEW_NOTE_MAX = 500;

export type AnomalyToReview = {
  recordId: number;
  employeeId: number;
  name: string;
  nip: string;
  postName: string;
  kind: ClockKind;
  mode: WorkMode;
  recordedAt: Date;
  localDate: string;
  timeZone: string;
  flags: AnomalyFlag[];
  reason: string;
  distanceMeters: number | null;
  accuracyMeters: number | null;
  /** The route that serves the selfie to those who may see it; null without one. */
  selfieUrl: string | null;
};

export function parseFlags(json: string): AnomalyFlag[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((f): f is AnomalyFlag => (ANOMALY_FLAGS as readonly string[]).includes(f)) : [];
  } catch {
    return [];
  }
}

export const selfieUrlOf = (recordId: number) => `/api/presensi/foto/${recordId}`;

/** Pending flagged records of the last month of the employees the actor may see, newest first; never their own. */
export function anomaliesToReview(ctx: Ctx): AnomalyToReview[] {
  const scope = recapScope(ctx);
  if (scopeIsEmpty(scope)) return [];
  const rows = ctx.db
    .select()
    .from(attendanceRecords)
    .where(
      and(
        eq(attendanceRecords.agencyId, scope.agencyId),
        eq(attendanceRecords.reviewState, "pending"),
        gte(attendanceRecords.localDate, addDays(scope.today, -(REVIEW_WINDOW_DAYS - 1))),
        ne(attendanceRecords.flags, "[]"),
        ne(attendanceRecords.employeeId, ctx.actor.employeeId),
        visibleEmployeeSql(scope, attendanceRecords.employeeId),
      ),
    )
    .orderBy(desc(attendanceRecords.recordedAt), desc(attendanceRecords.id))
    .limit(REVIEW_LIST_LIMIT)
    .all();
  const people = employeesWithPost(ctx.db, [...new Set(rows.map((r) => r.employeeId))], scope.today);
  return rows.map((r) => {
    const person = people.get(r.employeeId);
    return {
      recordId: r.id,
      employeeId: r.employeeId,
      name: person?.name ?? "",
      nip: person?.nip ?? "",
      postName: person?.postName ?? "",
      kind: r.kind,
      mode: r.mode,
      recordedAt: r.recordedAt,
      localDate: r.localDate,
      timeZone: r.timeZone,
      flags: parseFlags(r.flags),
      reason: r.reason,
      distanceMeters: r.distanceMeters,
      accuracyMeters: r.accuracyMeters,
      selfieUrl: r.selfieSha256 ? selfieUrlOf(r.id) : null,
    };
  });
}

export const reviewForm = z.object({
  recordId: idField,
  decision: z.enum(["accept", "reject"], "rekap.review.decisionInvalid"),
  note: optionalText(REVIEW_NOTE_MAX),
});
export type ReviewInput = z.input<typeof reviewForm>;

/**
 * A supervisor who may see the employee (never the employee) accepts or rejects a pending flagged record; the day
 * is recomputed in the same transaction and the decision with its note is audited (the record has no note column:
 * the audit row keeps it).
 */
export function reviewAttendanceRecord(ctx: Ctx, input: ReviewInput): { recordId: number; reviewState: "accepted" | "rejected" } {
  const parsed = reviewForm.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "recordId");
    throw invalid({ [field]: field === "note" ? "validation.tooLong" : field === "decision" ? "rekap.review.decisionInvalid" : "validation.invalid" });
  }
  const { recordId, decision, note } = parsed.data;
  if (decision === "reject" && note === "") throw invalid({ note: "rekap.review.noteRequired" }, "rekap.review.noteRequired");
  const scope = recapScope(ctx);
  const reviewState = decision === "accept" ? "accepted" : "rejected";

  return ctx.db.transaction(
    (tx) => {
      const record = tx
        .select()
        .from(attendanceRecords)
        .where(and(eq(attendanceRecords.id, recordId), eq(attendanceRecords.agencyId, ctx.actor.agencyId)))
        .get();
      if (!record) throw notFound();
      // Someone who may see the record but is its owner learns it exists (it is theirs) and is refused outright.
      if (record.employeeId === ctx.actor.employeeId) throw forbidden();
      if (!maySeeEmployee(tx, scope, record.employeeId)) throw notFound();
      if (record.reviewState !== "pending") throw new DomainError("conflict", "rekap.review.alreadyReviewed");
      tx.update(attendanceRecords)
        .set({ reviewState, reviewedByEmployeeId: ctx.actor.employeeId, reviewedAt: ctx.now })
        .where(and(eq(attendanceRecords.id, record.id), eq(attendanceRecords.reviewState, "pending")))
        .run();
      recomputeDays(tx, { agencyId: record.agencyId, employeeIds: [record.employeeId], from: record.localDate, to: record.localDate }, ctx.now);
      writeAudit(tx, ctx, {
        action: "attendance_record.reviewed",
        entityType: "attendance_record",
        entityId: record.id,
        before: { reviewState: record.reviewState },
        after: { reviewState, note, employeeId: record.employeeId, localDate: record.localDate, flags: parseFlags(record.flags) },
      });
      return { recordId: record.id, reviewState };
    },
    { behavior: "immediate" },
  );
}
