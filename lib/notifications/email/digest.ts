import "server-only";
import { and, asc, eq, gt, isNotNull, isNull, lte, ne, or } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, emailOutbox, emailPreferences, employees, notifications, notificationSettings } from "@/db/schema";
import { localDate, startOfLocalDay } from "@/lib/time";
import { parseParams } from "../queries";
import { composeDigestMail } from "./compose";
import { emailEnabled } from "./config";
import { isSecretNotice } from "../secrecy";

// The daily digest: for whoever chose it, once a day at their hour (agency-local), one mail listing their unread
// notifications of the last 24 hours. The day is taken by setting last_digest_date in the same transaction that
// queues the mail, guarded by "not yet today", so a second run the same day, or a sweep in a second server
// process, queues nothing. A day without unread notifications is taken too, and sends nothing.

const WINDOW_MS = 24 * 3600_000;
/** A digest is a summary: beyond this the reader opens the list in the app. */
const ITEMS_MAX = 50;

export function runEmailDigest(db: Db, now: Date = new Date()): { queued: number } {
  let queued = 0;
  if (!emailEnabled()) return { queued };
  for (const agency of db.select({ id: agencies.id, timeZone: agencies.timeZone }).from(agencies).all()) {
    const today = localDate(now, agency.timeZone);
    const hour = Math.floor((now.getTime() - startOfLocalDay(today, agency.timeZone).getTime()) / 3600_000);
    const notYetToday = or(isNull(emailPreferences.lastDigestDate), ne(emailPreferences.lastDigestDate, today));
    const due = db
      .select({ id: employees.id, address: employees.email, name: employees.name, locale: employees.locale })
      .from(emailPreferences)
      .innerJoin(employees, eq(employees.id, emailPreferences.employeeId))
      .where(
        and(
          eq(employees.agencyId, agency.id),
          eq(employees.active, true),
          isNotNull(employees.email),
          ne(employees.email, ""),
          eq(emailPreferences.enabled, true),
          eq(emailPreferences.digest, true),
          lte(emailPreferences.digestHour, hour),
          notYetToday,
        ),
      )
      .all();
    for (const person of due) {
      queued += db.transaction(
        (tx) => {
          const taken = tx
            .update(emailPreferences)
            .set({ lastDigestDate: today })
            .where(and(eq(emailPreferences.employeeId, person.id), eq(emailPreferences.digest, true), notYetToday))
            .run().changes;
          if (taken === 0) return 0;
          const items = tx
            .select({ kind: notifications.kind, messageKey: notifications.messageKey, params: notifications.params, href: notifications.href })
            .from(notifications)
            .leftJoin(notificationSettings, and(eq(notificationSettings.employeeId, notifications.employeeId), eq(notificationSettings.kind, notifications.kind)))
            .where(
              and(
                eq(notifications.employeeId, person.id),
                isNull(notifications.readAt),
                gt(notifications.createdAt, new Date(now.getTime() - WINDOW_MS)),
                lte(notifications.createdAt, now),
                or(isNull(notificationSettings.employeeId), eq(notificationSettings.email, true)),
              ),
            )
            .orderBy(asc(notifications.createdAt), asc(notifications.id))
            .limit(ITEMS_MAX)
            .all();
          if (items.length === 0) return 0;
          const mail = composeDigestMail(
            { name: person.name, locale: person.locale },
            items.map((n) => ({ kind: n.kind, messageKey: n.messageKey, params: parseParams(n.params), href: n.href, secret: isSecretNotice(tx, n) })),
          );
          tx.insert(emailOutbox)
            .values({ notificationId: null, employeeId: person.id, toAddress: person.address!.trim(), ...mail, nextAttemptAt: now, createdAt: now })
            .run();
          return 1;
        },
        { behavior: "immediate" },
      );
    }
  }
  return { queued };
}

/** Starts the digest in this server process when SMTP_URL is set: now, then every 5 minutes (the hour is coarse). */
export function startEmailDigest(db: Db): void {
  if (!emailEnabled()) return;
  const run = () => {
    try {
      runEmailDigest(db, new Date());
    } catch (error) {
      console.error("e-mail digest failed", error);
    }
  };
  run();
  setInterval(run, 5 * 60_000).unref();
}
