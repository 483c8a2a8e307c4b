import "server-only";
import { eq } from "drizzle-orm";
import { employees, pushOutbox, pushSubscriptions, type NotificationKind } from "@/db/schema";
import type { Tx } from "@/lib/context";
import type { NotificationChannel, NotificationRow } from "../channels";
import { parseParams } from "../queries";
import { isSecretNotice } from "../secrecy";
import { composePushPayload, urgencyOf } from "./compose";
import { schedulePushSweep } from "./send-sweep";

// The web push channel: inside the notifying transaction it writes one outbox row per subscribed device of the
// recipient (lib/notifications/channels.ts), so a change that rolls back pushes nothing. Then it asks for a sweep on
// the next turn of the event loop, after the synchronous transaction has committed, so the phone buzzes at once; the
// periodic sweep retries what failed. A kind turned off in the app never gets here (no notification row is written).

/** What is worth interrupting someone for: work waiting for them, deadlines, and decisions on their leave. */
export const PUSH_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  "disposition_received",
  "review_requested",
  "signature_requested",
  "deadline_tomorrow",
  "deadline_today",
  "attendance_request_submitted",
  "attendance_request_decided",
  "document_received",
]);

export const pushChannel: NotificationChannel = {
  name: "web_push",
  deliver(tx: Tx, row: NotificationRow): void {
    if (!PUSH_KINDS.has(row.kind)) return;
    const devices = tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.employeeId, row.employeeId)).all();
    if (devices.length === 0) return;
    const reader = tx.select({ locale: employees.locale, active: employees.active }).from(employees).where(eq(employees.id, row.employeeId)).get();
    if (!reader?.active) return;
    const payload = JSON.stringify(
      composePushPayload(reader.locale, { id: row.id, kind: row.kind, messageKey: row.messageKey, params: parseParams(row.params), href: row.href, secret: isSecretNotice(tx, row) }),
    );
    tx.insert(pushOutbox)
      .values(devices.map((d) => ({ notificationId: row.id, subscriptionId: d.id, payload, urgency: urgencyOf(row.kind), nextAttemptAt: row.createdAt, createdAt: row.createdAt })))
      .onConflictDoNothing()
      .run();
    schedulePushSweep();
  },
};
