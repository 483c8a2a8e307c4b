import "server-only";
import type { notifications } from "@/db/schema";
import type { Tx } from "@/lib/context";
import { emailChannel } from "./email/channel";
import { pushChannel } from "./push/channel";

// Where a notification goes besides the in-app list. The in-app channel is the notifications table itself:
// notifyEmployees writes the row, and that row is what every further channel delivers. A new channel (web
// push, e-mail) is one file implementing NotificationChannel plus one line in CHANNELS below.
//
// deliver runs inside the notifying transaction, which is synchronous and must stay short: a channel must not
// send anything from here. It records what is to be sent (an outbox row in the same transaction, so nothing is
// sent for a change that rolled back) and a background sweep sends it after commit and retries failures.

export type NotificationRow = typeof notifications.$inferSelect;

export interface NotificationChannel {
  /** Stable identifier, e.g. "web_push"; also the name of its per-kind setting once it has one. */
  readonly name: string;
  deliver(tx: Tx, notification: NotificationRow): void;
}

/** Further channels, in delivery order; in-app is the row itself. */
const CHANNELS: readonly NotificationChannel[] = [
  pushChannel,
  emailChannel,
];

export function notificationChannels(): readonly NotificationChannel[] {
  return CHANNELS;
}
