import "server-only";
import { emailOutbox } from "@/db/schema";
import type { Tx } from "@/lib/context";
import type { NotificationChannel, NotificationRow } from "../channels";
import { parseParams } from "../queries";
import { composeNotificationMail } from "./compose";
import { emailEnabled } from "./config";
import { mailRecipient } from "./preferences";
import { isSecretNotice } from "../secrecy";

// The e-mail channel: inside the notifying transaction it only writes an outbox row (lib/notifications/channels.ts),
// so a change that rolls back mails nobody; send-sweep.ts sends after commit. Someone who chose the daily digest
// gets nothing here: digest.ts collects their unread notifications once a day.

export const emailChannel: NotificationChannel = {
  name: "email",
  deliver(tx: Tx, row: NotificationRow): void {
    if (!emailEnabled()) return;
    const to = mailRecipient(tx, row.employeeId, row.kind);
    if (!to || to.digest) return;
    const mail = composeNotificationMail(
      { name: to.name, locale: to.locale },
      { kind: row.kind, messageKey: row.messageKey, params: parseParams(row.params), href: row.href, secret: isSecretNotice(tx, row) },
    );
    tx.insert(emailOutbox)
      .values({ notificationId: row.id, employeeId: row.employeeId, toAddress: to.address, ...mail, nextAttemptAt: row.createdAt, createdAt: row.createdAt })
      .onConflictDoNothing()
      .run();
  },
};
