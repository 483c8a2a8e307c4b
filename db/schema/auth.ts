import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { assignments, employees } from "./org";

/**
 * Server-side record of each signed-in browser. The Auth.js JWT only carries this row's id, so deleting
 * the row revokes the session at once (password change, deactivation, sign-out) and the acting
 * assignment can be switched without re-issuing the cookie.
 */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    actingAssignmentId: integer("acting_assignment_id").references(() => assignments.id),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("user_sessions_employee").on(t.employeeId)],
);

/** Failed sign-ins, counted per account and per IP within a window to throttle guessing. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    identifier: text("identifier").notNull(),
    ip: text("ip").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_failures_identifier").on(t.identifier, t.at), index("sign_in_failures_ip").on(t.ip, t.at)],
);
