import "server-only";
import { eq } from "drizzle-orm";
import { NOTIFICATION_KINDS, notificationSettings, type NotificationKind } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx } from "@/lib/context";

// One's own choice, per kind, of which notifications to receive in the app. No row means on, so a kind added
// later reaches everyone until they turn it off.

export type NotificationSetting = { kind: NotificationKind; inApp: boolean };

function settingsOf(db: DbOrTx, employeeId: number): NotificationSetting[] {
  const stored = new Map(
    db
      .select({ kind: notificationSettings.kind, inApp: notificationSettings.inApp })
      .from(notificationSettings)
      .where(eq(notificationSettings.employeeId, employeeId))
      .all()
      .map((r) => [r.kind, r.inApp]),
  );
  return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: stored.get(kind) ?? true }));
}

/** Every kind with whether the actor receives it in the app, in the order of NOTIFICATION_KINDS. */
export function notificationSettingsOf(ctx: Pick<Ctx, "db" | "actor">): NotificationSetting[] {
  return settingsOf(ctx.db, ctx.actor.employeeId);
}

/**
 * Saves the actor's choices for the kinds given (others stay as they are), audited in the same transaction
 * like the display language. Only changed kinds are written and recorded; returns them.
 */
export function saveNotificationSettings(ctx: Ctx, settings: Partial<Record<NotificationKind, boolean>>): { changed: NotificationKind[] } {
  const employeeId = ctx.actor.employeeId;
  return ctx.db.transaction((tx) => {
    const before = new Map(settingsOf(tx, employeeId).map((s) => [s.kind, s.inApp]));
    // Only known kinds: the input comes from a form, whatever its type says.
    const changed = NOTIFICATION_KINDS.filter((kind) => typeof settings[kind] === "boolean" && settings[kind] !== before.get(kind));
    if (changed.length === 0) return { changed };
    for (const kind of changed) {
      const inApp = settings[kind] as boolean;
      tx.insert(notificationSettings)
        .values({ employeeId, kind, inApp })
        .onConflictDoUpdate({ target: [notificationSettings.employeeId, notificationSettings.kind], set: { inApp } })
        .run();
    }
    writeAudit(tx, ctx, {
      action: "employee.notification_settings_changed",
      entityType: "employee",
      entityId: employeeId,
      before: Object.fromEntries(changed.map((kind) => [kind, before.get(kind)])),
      after: Object.fromEntries(changed.map((kind) => [kind, settings[kind]])),
    });
    return { changed };
  });
}
