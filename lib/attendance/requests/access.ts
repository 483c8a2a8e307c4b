import "server-only";
import { and, eq } from "drizzle-orm";
import { attendanceRequests } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Ctx, DbOrTx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { sqliteFileStore, type StoredFile } from "@/lib/files/file-store";
import { agencyToday, holdingAssignment } from "./posts";

// Who may see a request (its reason and its doctor's letter): the employee, whoever holds the approving post today
// (own holder, Plt or Plh), and the personnel office ("attendance.recap"). Anyone else, and every other agency,
// gets "not found", the same as for a request that does not exist.

export type AttendanceRequest = typeof attendanceRequests.$inferSelect;

/** The request if it belongs to the actor's agency; another agency's looks missing. */
export function requestInAgency(db: DbOrTx, actor: Actor, requestId: number): AttendanceRequest {
  if (!Number.isSafeInteger(requestId) || requestId < 1) throw notFound();
  const row = db.select().from(attendanceRequests).where(and(eq(attendanceRequests.id, requestId), eq(attendanceRequests.agencyId, actor.agencyId))).get();
  if (!row) throw notFound();
  return row;
}

export function mayView(db: DbOrTx, actor: Actor, request: AttendanceRequest, today: string): boolean {
  if (request.agencyId !== actor.agencyId) return false;
  if (request.employeeId === actor.employeeId || can(actor, "attendance.recap", request)) return true;
  return holdingAssignment(db, actor.employeeId, request.approverPositionId, today) !== null;
}

export function visibleRequest(ctx: Pick<Ctx, "db" | "actor" | "now">, requestId: number): AttendanceRequest {
  const request = requestInAgency(ctx.db, ctx.actor, requestId);
  if (!mayView(ctx.db, ctx.actor, request, agencyToday(ctx.db, ctx.actor.agencyId, ctx.now))) throw notFound();
  return request;
}

/** The supporting document of a request the actor may see, or null when it has none. */
export function requestAttachment(ctx: Pick<Ctx, "db" | "actor" | "now">, requestId: number): { request: AttendanceRequest; file: StoredFile } | null {
  const request = visibleRequest(ctx, requestId);
  const file = request.attachmentSha256 ? sqliteFileStore.get(ctx.db, request.attachmentSha256) : null;
  return file ? { request, file } : null;
}
