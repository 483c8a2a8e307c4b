import "server-only";
import { sql } from "drizzle-orm";
import { prepared } from "@/db/prepared";
import { auditLog } from "@/db/schema";
import type { Ctx, AnonymousCtx, Tx } from "@/lib/context";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  agencyId?: number | null;
  actorEmployeeId?: number | null;
};

/**
 * Appends an audit row inside the caller's transaction, so the change and its record commit or fail
 * together. Must be called with the transaction handle, never with the bare database.
 */
export function writeAudit(tx: Tx, ctx: Ctx | AnonymousCtx, entry: AuditEntry): void {
  const actor = "actor" in ctx ? ctx.actor : null;
  const p = (name: string) => sql.placeholder(name);
  // Every write audits: the insert is prepared once per connection (see db/prepared.ts).
  prepared(tx, "writeAudit", () =>
    tx
      .insert(auditLog)
      .values({
        agencyId: p("agencyId"),
        actorEmployeeId: p("actorEmployeeId"),
        actingAssignmentId: p("actingAssignmentId"),
        action: p("action"),
        entityType: p("entityType"),
        entityId: p("entityId"),
        before: p("before"),
        after: p("after"),
        ip: p("ip"),
        userAgent: p("userAgent"),
        at: p("at"),
      })
      .prepare(),
  ).run({
    agencyId: entry.agencyId ?? actor?.agencyId ?? null,
    actorEmployeeId: entry.actorEmployeeId ?? actor?.employeeId ?? null,
    actingAssignmentId: actor?.acting?.assignmentId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.request.ip.slice(0, 64),
    userAgent: ctx.request.userAgent.slice(0, 300),
    at: ctx.now,
  });
}
