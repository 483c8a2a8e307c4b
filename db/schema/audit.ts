import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";

/**
 * Append-only audit trail. No foreign keys on purpose: history outlives its subjects.
 * Triggers in the migration forbid UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id"),
    actorEmployeeId: integer("actor_employee_id"),
    actingAssignmentId: integer("acting_assignment_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("audit_agency_at").on(t.agencyId, t.at),
    index("audit_actor_at").on(t.actorEmployeeId, t.at),
    index("audit_entity").on(t.entityType, t.entityId),
    index("audit_action_at").on(t.action, t.at),
  ],
);
