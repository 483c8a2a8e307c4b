import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notifications, type NotificationKind } from "@/db/schema";
import type { Ctx } from "@/lib/context";

// Reads of one's own notifications. Every query filters by the actor's employee id in SQL: there is no way to
// list anyone else's, and the filters match the indexes (employee_id, created_at) and (employee_id, read_at).

export const NOTIFICATIONS_PER_PAGE = 20;

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  messageKey: string;
  params: Record<string, string | number>;
  href: string;
  readAt: Date | null;
  createdAt: Date;
};

/** A notification row's stored message parameters; anything malformed becomes none. */
export function parseParams(json: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
  } catch {
    return {};
  }
}

/** One's own notifications, newest first, 20 a page; `hasMore` when a further page exists. */
export function listNotifications(
  ctx: Pick<Ctx, "db" | "actor">,
  { page }: { page: number },
): { rows: NotificationItem[]; page: number; hasMore: boolean } {
  const current = Number.isSafeInteger(page) && page > 0 ? page : 1;
  const rows = ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.employeeId, ctx.actor.employeeId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE + 1)
    .offset((current - 1) * NOTIFICATIONS_PER_PAGE)
    .all();
  return {
    page: current,
    hasMore: rows.length > NOTIFICATIONS_PER_PAGE,
    rows: rows.slice(0, NOTIFICATIONS_PER_PAGE).map((r) => ({
      id: r.id,
      kind: r.kind,
      messageKey: r.messageKey,
      params: parseParams(r.params),
      href: r.href,
      readAt: r.readAt,
      createdAt: r.createdAt,
    })),
  };
}

/** How many of one's own notifications are unread: the number on the bell. */
export function unreadNotificationCount(ctx: Pick<Ctx, "db" | "actor">): number {
  return (
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.employeeId, ctx.actor.employeeId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}
