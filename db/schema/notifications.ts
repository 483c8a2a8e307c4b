import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { employees } from "./org";

// In-app notifications, one row per person. Written by lib/notifications, which decides who is told (the
// current holders of a post, say) and through which channels; in-app is the first channel, web push and
// e-mail can be added as further deliveries of the same row.

export const NOTIFICATION_KINDS = ["disposition_received", "deadline_tomorrow", "deadline_today", "follow_up_reported", "document_received", "review_requested", "signature_requested", "attendance_request_submitted", "attendance_request_decided", "attendance_anomaly"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    /** Message key and JSON parameters: rendered in the reader's language when shown. */
    messageKey: text("message_key").notNull(),
    params: text("params").notNull().default("{}"),
    href: text("href").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("notifications_employee").on(t.employeeId, t.createdAt), index("notifications_unread").on(t.employeeId, t.readAt)],
);

/** A person's choice per kind; no row means the default (on). */
export const notificationSettings = sqliteTable(
  "notification_settings",
  {
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull().default(true),
    /** Also by e-mail (when e-mail is configured and switched on in emailPreferences); needs inApp. */
    email: integer("email", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.kind] })],
);

/**
 * A person's e-mail switch; no row means the default: on, one mail per notification, digest at 16.00 local.
 * lastDigestDate is the agency-local date of the last digest: set in the transaction that queues it, so a second
 * sweep the same day (or a second server process) finds it taken.
 */
export const emailPreferences = sqliteTable("email_preferences", {
  employeeId: integer("employee_id").primaryKey().references(() => employees.id),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  digest: integer("digest", { mode: "boolean" }).notNull().default(false),
  digestHour: integer("digest_hour").notNull().default(16),
  lastDigestDate: text("last_digest_date"),
});

export const EMAIL_STATES = ["queued", "sent", "failed"] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/**
 * Mails to send, written inside the notifying transaction (lib/notifications/email/channel.ts) or by the digest,
 * sent after commit by the send sweep. claimToken and claimedUntil are a lease: a sweep takes rows in a
 * transaction before it sends them, so two overlapping sweeps never send the same row; a lease that ran out (the
 * process died mid-send) makes the row available again.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The notification it announces; null for a digest. */
    notificationId: integer("notification_id").references(() => notifications.id),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    state: text("state", { enum: EMAIL_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    claimToken: text("claim_token"),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("email_outbox_due").on(t.state, t.nextAttemptAt),
    index("email_outbox_employee").on(t.employeeId, t.createdAt),
    uniqueIndex("email_outbox_notification").on(t.notificationId).where(sql`${t.notificationId} is not null`),
  ],
);

/**
 * One browser on one device that opted in to web push (lib/notifications/push/subscriptions.ts). The endpoint is the
 * push service's URL for that browser, unique: a shared phone that changes hands moves its row to the new person.
 * p256dh and auth are the browser's public key and secret for encrypting payloads (RFC 8291), base64url.
 */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** A short label of the browser and system ("Chrome, Android"), so the person can tell their devices apart. */
    userAgent: text("user_agent").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSuccessAt: integer("last_success_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("push_subscriptions_endpoint").on(t.endpoint), index("push_subscriptions_employee").on(t.employeeId, t.createdAt)],
);

export const PUSH_STATES = ["queued", "sent", "failed"] as const;
export type PushState = (typeof PUSH_STATES)[number];

/**
 * Pushes to send, one per notification and subscription, written inside the notifying transaction
 * (lib/notifications/push/channel.ts) and sent after commit by the push sweep, with the same lease as email_outbox.
 * The payload is composed when queued (the reader's language, Rahasia rule applied). A subscription that is removed
 * (turned off, expired, or moved to another person's account) takes its rows with it: nothing queued for one person
 * reaches the next holder of a shared phone.
 */
export const pushOutbox = sqliteTable(
  "push_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    /** JSON {title, body, url, tag}, encrypted for the subscription only when sent. */
    payload: text("payload").notNull(),
    urgency: text("urgency", { enum: ["normal", "high"] }).notNull().default("normal"),
    state: text("state", { enum: PUSH_STATES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    claimToken: text("claim_token"),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("push_outbox_due").on(t.state, t.nextAttemptAt),
    index("push_outbox_subscription").on(t.subscriptionId),
    uniqueIndex("push_outbox_notification_subscription").on(t.notificationId, t.subscriptionId),
  ],
);
