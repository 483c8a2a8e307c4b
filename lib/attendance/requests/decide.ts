import "server-only";
import { eq } from "drizzle-orm";
import { attendanceRequests, type AttendanceRequestState } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { withBusyRetry } from "@/lib/busy-retry";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import { notifyEmployees } from "@/lib/notifications/notify";
import { recomputeDays } from "../recompute";
import { requestInAgency, mayView } from "./access";
import { NOTE_MAX } from "./kinds";
import { requestDatesLabel, requestKindLabel } from "./labels";
import { assertLeaveFits } from "./leave-check";
import { agencyToday, holdingAssignment } from "./posts";
import { requestSnapshot } from "./snapshot";
import { workingDates } from "./working-days";

// The approver's decision. Whoever holds the approving post on the day decides: its own holder, or a Plt/Plh
// acting in it; a former holder whose assignment ended no longer can, and nobody decides their own request. An
// approval rewrites the employee's days in the same transaction, so the calendar and the recap never lag.

export type Decision = "approve" | "reject";

export function decideAttendanceRequest(ctx: Ctx, input: { requestId: number; decision: Decision; note?: string }): { requestId: number; state: AttendanceRequestState } {
  const { actor } = ctx;
  if (input.decision !== "approve" && input.decision !== "reject") throw invalid({ decision: "validation.invalid" });
  const note = (input.note ?? "").trim();

  return withBusyRetry(() =>
    ctx.db.transaction(
      (tx) => {
        const request = requestInAgency(tx, actor, input.requestId);
        const today = agencyToday(tx, actor.agencyId, ctx.now);
        const holding = holdingAssignment(tx, actor.employeeId, request.approverPositionId, today);
        if (request.employeeId === actor.employeeId) throw new DomainError("forbidden", "pengajuan.errors.ownRequest");
        if (!holding) {
          // Those who may see the request (the personnel office) learn why; anyone else finds nothing.
          if (mayView(tx, actor, request, today)) throw new DomainError("forbidden", "pengajuan.errors.notApprover");
          throw new DomainError("not_found", "errors.notFound");
        }
        if (request.state !== "pending") throw new DomainError("conflict", "pengajuan.errors.notPending");
        if (note.length > NOTE_MAX) throw invalid({ note: "validation.tooLong" });
        if (input.decision === "reject" && !note) throw invalid({ note: "pengajuan.errors.noteRequired" }, "pengajuan.errors.noteRequired");
        const approve = input.decision === "approve";
        if (approve && request.kind === "cuti" && request.leaveType === "tahunan") {
          assertLeaveFits(tx, request.employeeId, workingDates(tx, request.agencyId, request.employeeId, request.startDate, request.endDate), "remaining");
        }
        const state = approve ? ("approved" as const) : ("rejected" as const);
        const after = tx
          .update(attendanceRequests)
          .set({ state, decidedByEmployeeId: actor.employeeId, decidedAssignmentId: holding.assignmentId, decidedAt: ctx.now, decisionNote: note })
          .where(eq(attendanceRequests.id, request.id))
          .returning()
          .get();
        if (approve) recomputeDays(tx, { agencyId: request.agencyId, employeeIds: [request.employeeId], from: request.startDate, to: request.endDate }, ctx.now);
        writeAudit(tx, ctx, {
          action: approve ? "attendance_request.approved" : "attendance_request.rejected",
          entityType: "attendance_request",
          entityId: request.id,
          before: requestSnapshot(request),
          after: requestSnapshot(after),
        });
        notifyEmployees(tx, ctx, [request.employeeId], {
          kind: "attendance_request_decided",
          messageKey: approve ? "notifications.messages.attendanceRequestApproved" : "notifications.messages.attendanceRequestRejected",
          params: { kind: requestKindLabel(request.kind, request.leaveType), dates: requestDatesLabel(request.startDate, request.endDate) },
          href: "/presensi/pengajuan",
        });
        return { requestId: request.id, state };
      },
      { behavior: "immediate" },
    ),
  );
}
