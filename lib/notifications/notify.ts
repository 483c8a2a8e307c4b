import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { agencies, employees, notifications, notificationSettings, positions, type NotificationKind } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import { currentHolders } from "@/lib/org/org-queries";
import { localDate } from "@/lib/time";
import { notificationChannels, type NotificationChannel } from "./channels";

export type Notice = {
  kind: NotificationKind;
  /** A key under "notifications.messages.", rendered in the reader's language when the list is shown. */
  messageKey: string;
  params: Record<string, string | number>;
  /** Where opening the notification leads: a path inside the app. */
  href: string;
};

/** Only paths of this app: /notifikasi/<id> redirects to the href, so it must never point elsewhere. */
export function isAppPath(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//") && !href.includes("\\") && ![...href].some((c) => c.charCodeAt(0) < 32);
}

/**
 * Inside the caller's transaction: tells each of the employees, in app and through every registered channel.
 * Skipped: the actor (nobody is told about their own act), inactive employees, other agencies' employees and
 * whoever turned this kind off. Returns how many were told.
 */
export function notifyEmployees(
  tx: Tx,
  ctx: Ctx,
  employeeIds: number[],
  n: Notice,
  channels: readonly NotificationChannel[] = notificationChannels(),
): number {
  if (!isAppPath(n.href)) throw new Error(`notification href must be a path of this app: ${n.href}`);
  const ids = [...new Set(employeeIds)].filter((id) => id !== ctx.actor.employeeId);
  if (ids.length === 0) return 0;
  const recipients = tx
    .select({ id: employees.id })
    .from(employees)
    .leftJoin(notificationSettings, and(eq(notificationSettings.employeeId, employees.id), eq(notificationSettings.kind, n.kind)))
    .where(
      and(
        inArray(employees.id, ids),
        eq(employees.active, true),
        eq(employees.agencyId, ctx.actor.agencyId),
        // No settings row means the default: on.
        or(isNull(notificationSettings.employeeId), eq(notificationSettings.inApp, true)),
      ),
    )
    .all();
  if (recipients.length === 0) return 0;
  const params = JSON.stringify(n.params);
  const rows = tx
    .insert(notifications)
    .values(recipients.map((r) => ({ employeeId: r.id, kind: n.kind, messageKey: n.messageKey, params, href: n.href, createdAt: ctx.now })))
    .returning()
    .all();
  for (const channel of channels) for (const row of rows) channel.deliver(tx, row);
  return rows.length;
}

/**
 * Inside the caller's transaction: tells whoever holds the post on the agency's local date: its own holder
 * (definitif) and any Plt or Plh in force. Letters and turns belong to posts, so this is how most are told.
 */
export function notifyPosition(tx: Tx, ctx: Ctx, positionId: number, n: Notice): number {
  const post = tx
    .select({ timeZone: agencies.timeZone })
    .from(positions)
    .innerJoin(agencies, eq(agencies.id, positions.agencyId))
    .where(and(eq(positions.id, positionId), eq(positions.agencyId, ctx.actor.agencyId)))
    .get();
  if (!post) return 0;
  const today = localDate(ctx.now, post.timeZone);
  const holders = currentHolders(tx, [positionId], today).get(positionId) ?? [];
  return notifyEmployees(tx, ctx, holders.map((h) => h.employeeId), n);
}
