import "server-only";
import { and, eq } from "drizzle-orm";
import { emailPreferences, employees, NOTIFICATION_KINDS, notificationSettings, type NotificationKind } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, DbOrTx } from "@/lib/context";
import { invalid } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { emailEnabled } from "./config";

// One's own e-mail choices: a main switch, per kind on/off (a column of notification_settings beside in_app) and
// "a daily digest instead of one mail each" with its hour. No row means the default: on, one mail each, 16.00.
// E-mail is a further delivery of the in-app notification, so a kind turned off in the app sends no mail either.

export const DEFAULT_DIGEST_HOUR = 16;

export type EmailPreferences = {
  /** Whether this server sends e-mail at all (SMTP_URL). */
  configured: boolean;
  /** The employee's address; null when none is recorded. */
  address: string | null;
  enabled: boolean;
  digest: boolean;
  digestHour: number;
  kinds: { kind: NotificationKind; email: boolean; inApp: boolean }[];
};

export type EmailPreferencesInput = {
  enabled: boolean;
  digest: boolean;
  digestHour: number;
  kinds: Partial<Record<NotificationKind, boolean>>;
};

const mainOf = (db: DbOrTx, employeeId: number) =>
  db
    .select({ enabled: emailPreferences.enabled, digest: emailPreferences.digest, digestHour: emailPreferences.digestHour })
    .from(emailPreferences)
    .where(eq(emailPreferences.employeeId, employeeId))
    .get() ?? { enabled: true, digest: false, digestHour: DEFAULT_DIGEST_HOUR };

function kindsOf(db: DbOrTx, employeeId: number): EmailPreferences["kinds"] {
  const stored = new Map(
    db
      .select({ kind: notificationSettings.kind, inApp: notificationSettings.inApp, email: notificationSettings.email })
      .from(notificationSettings)
      .where(eq(notificationSettings.employeeId, employeeId))
      .all()
      .map((r) => [r.kind, r]),
  );
  return NOTIFICATION_KINDS.map((kind) => ({ kind, email: stored.get(kind)?.email ?? true, inApp: stored.get(kind)?.inApp ?? true }));
}

/** The actor's own e-mail settings, for the Akun page. */
export function emailPreferencesOf(ctx: Pick<Ctx, "db" | "actor">): EmailPreferences {
  const id = ctx.actor.employeeId;
  const address = ctx.db.select({ email: employees.email }).from(employees).where(eq(employees.id, id)).get()?.email?.trim() || null;
  return { configured: emailEnabled(), address, ...mainOf(ctx.db, id), kinds: kindsOf(ctx.db, id) };
}

/**
 * Saves the actor's own e-mail settings (there is no employee in the input: nobody sets anyone else's), audited in
 * the same transaction; only what changed is written and recorded. Returns the names of the changed settings.
 */
export function saveEmailPreferences(ctx: Ctx, input: EmailPreferencesInput): { changed: string[] } {
  const employeeId = ctx.actor.employeeId;
  if (!Number.isSafeInteger(input.digestHour) || input.digestHour < 0 || input.digestHour > 23) throw invalid({ digestHour: "validation.invalid" });
  return ctx.db.transaction((tx) => {
    const main = mainOf(tx, employeeId);
    const kinds = new Map(kindsOf(tx, employeeId).map((k) => [k.kind, k.email]));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ["enabled", "digest", "digestHour"] as const) {
      if (input[field] !== main[field]) {
        before[field] = main[field];
        after[field] = input[field];
      }
    }
    // Only known kinds: the input comes from a form, whatever its type says.
    const changedKinds = NOTIFICATION_KINDS.filter((kind) => typeof input.kinds[kind] === "boolean" && input.kinds[kind] !== kinds.get(kind));
    for (const kind of changedKinds) {
      before[`kind.${kind}`] = kinds.get(kind);
      after[`kind.${kind}`] = input.kinds[kind];
    }
    const changed = Object.keys(after);
    if (changed.length === 0) return { changed };
    const values = { enabled: input.enabled === true, digest: input.digest === true, digestHour: input.digestHour };
    tx.insert(emailPreferences)
      .values({ employeeId, ...values })
      .onConflictDoUpdate({ target: emailPreferences.employeeId, set: values })
      .run();
    for (const kind of changedKinds) {
      const email = input.kinds[kind] as boolean;
      tx.insert(notificationSettings)
        .values({ employeeId, kind, email })
        .onConflictDoUpdate({ target: [notificationSettings.employeeId, notificationSettings.kind], set: { email } })
        .run();
    }
    writeAudit(tx, ctx, { action: "employee.email_preferences_changed", entityType: "employee", entityId: employeeId, before, after });
    return { changed };
  });
}

export type MailRecipient = { address: string; name: string; locale: Locale; digest: boolean };

/**
 * Whom a notification of this kind is mailed to, inside the notifying transaction: null when the employee has
 * no address, is inactive, switched e-mail off or turned this kind off for e-mail.
 */
export function mailRecipient(db: DbOrTx, employeeId: number, kind: NotificationKind): MailRecipient | null {
  const row = db
    .select({
      email: employees.email,
      name: employees.name,
      locale: employees.locale,
      active: employees.active,
      enabled: emailPreferences.enabled,
      digest: emailPreferences.digest,
      kindEmail: notificationSettings.email,
    })
    .from(employees)
    .leftJoin(emailPreferences, eq(emailPreferences.employeeId, employees.id))
    .leftJoin(notificationSettings, and(eq(notificationSettings.employeeId, employees.id), eq(notificationSettings.kind, kind)))
    .where(eq(employees.id, employeeId))
    .get();
  const address = row?.email?.trim();
  if (!row || !address || !row.active || row.enabled === false || row.kindEmail === false) return null;
  return { address, name: row.name, locale: row.locale, digest: row.digest ?? false };
}
