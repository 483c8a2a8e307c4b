import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** The tenant: one government body (instansi), e.g. Pemerintah Kabupaten Banyuwangi. */
export const agencies = sqliteTable("agencies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  regionName: text("region_name").notNull(),
  address: text("address").notNull().default(""),
  phone: text("phone").notNull().default(""),
  email: text("email").notNull().default(""),
  website: text("website").notNull().default(""),
  timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
  paperSize: text("paper_size", { enum: ["A4", "F4"] }).notNull().default("A4"),
  /** SHA-256 of the logo in the files table (PNG or JPEG), shown in the header and on letterheads. */
  logoSha256: text("logo_sha256"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
});

/** A node of the organisation tree: OPD, bidang, seksi, subbagian, kecamatan... */
export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    name: text("name").notNull(),
    shortName: text("short_name").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("units_agency_parent").on(t.agencyId, t.parentId)],
);

/** A post (jabatan). Letters and dispositions go to positions, not people. */
export const positions = sqliteTable(
  "positions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    unitId: integer("unit_id").notNull().references(() => units.id),
    name: text("name").notNull(),
    superiorId: integer("superior_id").references((): AnySQLiteColumn => positions.id),
    isLeader: integer("is_leader", { mode: "boolean" }).notNull().default(false),
    mayDisposition: integer("may_disposition", { mode: "boolean" }).notNull().default(false),
    maySign: integer("may_sign", { mode: "boolean" }).notNull().default(false),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("positions_agency_unit").on(t.agencyId, t.unitId), index("positions_superior").on(t.superiorId)],
);

export const employees = sqliteTable(
  "employees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    nip: text("nip").notNull(),
    nik: text("nik"),
    name: text("name").notNull(),
    titleFront: text("title_front").notNull().default(""),
    titleBack: text("title_back").notNull().default(""),
    grade: text("grade").notNull().default(""),
    email: text("email"),
    phone: text("phone").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    locale: text("locale", { enum: ["id", "en"] }).notNull().default("id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    uniqueIndex("employees_nip").on(t.nip),
    uniqueIndex("employees_nik").on(t.nik),
    uniqueIndex("employees_email").on(t.email),
    index("employees_agency_name").on(t.agencyId, t.name),
  ],
);

export const ROLES = ["agency_admin", "records_clerk", "personnel_officer"] as const;
export type Role = (typeof ROLES)[number];

/** Extra roles beyond "employee", which everyone has. */
export const employeeRoles = sqliteTable(
  "employee_roles",
  {
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [uniqueIndex("employee_roles_pk").on(t.employeeId, t.role)],
);

export const ASSIGNMENT_KINDS = ["definitif", "plt", "plh"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** A person holding a position for a date range; Plt/Plh are acting holders. Dates are local ISO dates. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    positionId: integer("position_id").notNull().references(() => positions.id),
    kind: text("kind", { enum: ASSIGNMENT_KINDS }).notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    decreeNumber: text("decree_number").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("assignments_employee").on(t.employeeId), index("assignments_position").on(t.positionId)],
);
