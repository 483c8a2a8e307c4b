import "server-only";
import { eq } from "drizzle-orm";
import { attendanceRequests } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { withBusyRetry } from "@/lib/busy-retry";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { recomputeDays } from "../recompute";
import { requestInAgency } from "./access";
import { requestSnapshot } from "./snapshot";
import { employeeToday } from "./working-days";

// The employee withdraws a request: a pending one at any time, an approved one only while it has not started
// (days already lived under an approval stay as they were decided; a correction goes through koreksi instead).

export function cancelAttendanceRequest(ctx: Ctx, input: { requestId: number }): { requestId: number } {
  const { actor } = ctx;
  return withBusyRetry(() =>
    ctx.db.transaction(
      (tx) => {
        const request = requestInAgency(tx, actor, input.requestId);
        if (request.employeeId !== actor.employeeId) throw notFound();
        const wasApproved = request.state === "approved";
        if (request.state !== "pending" && !wasApproved) throw new DomainError("conflict", "pengajuan.errors.notCancellable");
        if (wasApproved && request.startDate <= employeeToday(tx, actor.agencyId, actor.employeeId, ctx.now)) {
          throw new DomainError("conflict", "pengajuan.errors.alreadyStarted");
        }
        const after = tx.update(attendanceRequests).set({ state: "cancelled" }).where(eq(attendanceRequests.id, request.id)).returning().get();
        if (wasApproved) recomputeDays(tx, { agencyId: request.agencyId, employeeIds: [request.employeeId], from: request.startDate, to: request.endDate }, ctx.now);
        writeAudit(tx, ctx, { action: "attendance_request.cancelled", entityType: "attendance_request", entityId: request.id, before: requestSnapshot(request), after: requestSnapshot(after) });
        return { requestId: request.id };
      },
      { behavior: "immediate" },
    ),
  );
}
