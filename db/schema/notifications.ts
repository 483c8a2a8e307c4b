import { sqliteTable, integer, text, index, primaryKey } from "drizzle-orm/sqlite-core";
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
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.kind] })],
);
