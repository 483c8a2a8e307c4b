import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

// Marking one's own notifications read. Not audited, on purpose: a notification is a personal pointer to
// something, and whether its reader has looked at it is their own screen state, not a change to any shared
// record. What the audit must show, that a delivered document was opened for its post, is recorded where it
// happens (markDocumentRead, when the document itself is shown), whichever way the reader got there.

/**
 * Marks one of the actor's own notifications read (the first reading time is kept) and returns where it
 * leads. Someone else's id answers "not found", exactly like a missing one.
 */
export function markNotificationRead(ctx: Pick<Ctx, "db" | "actor" | "now">, id: number): { href: string } {
  if (!Number.isSafeInteger(id) || id < 1) throw notFound();
  const own = and(eq(notifications.id, id), eq(notifications.employeeId, ctx.actor.employeeId));
  const row = ctx.db.select({ href: notifications.href }).from(notifications).where(own).get();
  if (!row) throw notFound();
  ctx.db.update(notifications).set({ readAt: ctx.now }).where(and(own, isNull(notifications.readAt))).run();
  return { href: row.href };
}

/** Marks all of the actor's unread notifications read; returns how many were unread. */
export function markAllNotificationsRead(ctx: Pick<Ctx, "db" | "actor" | "now">): number {
  return ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.employeeId, ctx.actor.employeeId), isNull(notifications.readAt)))
    .run().changes;
}
