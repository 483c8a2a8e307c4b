import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { agencies, assignments, employees, positions, units } from "./org";
import { officialDocuments } from "./official-documents";

// Presensi: the agency's rules (schedules, holidays, sites, buckets), the raw clock records taken on phones,
// requests with their approvals, and the computed day per employee and local date that lists and the monthly
// recap read. Times are UTC instants in ms; local dates (YYYY-MM-DD) are computed in the office's time zone.
// Minutes of the day ("start_minute") count from local midnight: 07.30 is 450.

export const WORK_MODES = ["wfo", "wfh", "wfa", "dinas_luar", "tugas_kedinasan"] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** The agency's attendance policy: one row per agency, created with defaults when first needed. */
export const attendancePolicies = sqliteTable("attendance_policies", {
  agencyId: integer("agency_id").primaryKey().references(() => agencies.id),
  /** A position fix less accurate than this (metres) is refused. */
  accuracyLimitMeters: integer("accuracy_limit_meters").notNull().default(100),
  /** Phone clock further than this from the server's is flagged. */
  maxClockSkewSeconds: integer("max_clock_skew_seconds").notNull().default(300),
  /** Speed between two consecutive records above this (km/h) is flagged. */
  maxSpeedKmh: integer("max_speed_kmh").notNull().default(300),
  /** Flag WFO records whose IP is outside the site's office network (when the site lists networks). */
  checkOfficeNetwork: integer("check_office_network", { mode: "boolean" }).notNull().default(false),
  selfieRequired: integer("selfie_required", { mode: "boolean" }).notNull().default(false),
  /** Lateness (TL) and early-leave (PSW) buckets as JSON [{ code, fromMinute, toMinute|null, deductionPercent }]. */
  lateBuckets: text("late_buckets").notNull(),
  earlyLeaveBuckets: text("early_leave_buckets").notNull(),
  /** Deduction for a day absent without reason (TK), in percent. */
  absentDeductionPercent: real("absent_deduction_percent").notNull().default(5),
  annualLeaveDays: integer("annual_leave_days").notNull().default(12),
  /** Unused annual leave carried into the next year, at most this many days. */
  leaveCarryOverMaxDays: integer("leave_carry_over_max_days").notNull().default(6),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
});

export const SCHEDULE_KINDS = ["regular", "ramadan"] as const;

/**
 * A work schedule for the agency (unitId null) or a unit and its sub-units. A Ramadan schedule applies within its
 * date range and wins over a regular one; a unit's schedule wins over its parent's.
 */
export const workSchedules = sqliteTable(
  "work_schedules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    unitId: integer("unit_id").references(() => units.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: SCHEDULE_KINDS }).notNull().default("regular"),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    /** JSON array of 7 entries, Monday first: { startMinute, endMinute } or null for a day off. */
    days: text("days").notNull(),
    checkInOpensMinute: integer("check_in_opens_minute").notNull().default(300),
    checkInClosesMinute: integer("check_in_closes_minute").notNull().default(720),
    checkOutOpensMinute: integer("check_out_opens_minute").notNull().default(720),
    checkOutClosesMinute: integer("check_out_closes_minute").notNull().default(1439),
    graceMinutes: integer("grace_minutes").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("work_schedules_agency").on(t.agencyId, t.unitId)],
);

export const HOLIDAY_KINDS = ["national", "collective_leave", "regional"] as const;

/** Libur nasional, cuti bersama, libur daerah: no work expected, nobody is absent. */
export const holidays = sqliteTable(
  "holidays",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    date: text("date").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: HOLIDAY_KINDS }).notNull().default("national"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex("holidays_agency_date").on(t.agencyId, t.date)],
);

export const SITE_KINDS = ["office", "activity"] as const;

/**
 * A geofence: an office (of the agency or a unit and its sub-units) or an activity site valid for a date range.
 * The office's time zone decides the local date and the schedule's clock for the people working there.
 */
export const attendanceSites = sqliteTable(
  "attendance_sites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    unitId: integer("unit_id").references(() => units.id),
    kind: text("kind", { enum: SITE_KINDS }).notNull().default("office"),
    name: text("name").notNull(),
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
    radiusMeters: integer("radius_meters").notNull().default(100),
    timeZone: text("time_zone").notNull().default("Asia/Jakarta"),
    validFrom: text("valid_from"),
    validTo: text("valid_to"),
    /** Office networks as CIDRs separated by commas or spaces; empty means not checked. */
    networks: text("networks").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("attendance_sites_agency").on(t.agencyId, t.unitId)],
);

/** Per-employee attendance settings: whether the head of the agency allowed flexible work, and the home point. */
export const employeeAttendanceSettings = sqliteTable("employee_attendance_settings", {
  employeeId: integer("employee_id").primaryKey().references(() => employees.id),
  flexibleWork: integer("flexible_work", { mode: "boolean" }).notNull().default(false),
  homeLatitude: real("home_latitude"),
  homeLongitude: real("home_longitude"),
  homeRadiusMeters: integer("home_radius_meters").notNull().default(100),
  homeSetAt: integer("home_set_at", { mode: "timestamp_ms" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
});

export const CLOCK_KINDS = ["in", "out"] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const RECORD_SOURCES = ["device", "correction"] as const;
export const REVIEW_STATES = ["none", "pending", "accepted", "rejected"] as const;

/**
 * One check-in or check-out. The time is the server's; the phone's clock is kept only as skew. Position, accuracy,
 * distance, IP and the anomaly flags are the evidence a supervisor reviews. `requestKey` is generated by the
 * phone once per tap so a retried request finds its first record instead of creating a second.
 */
export const attendanceRecords = sqliteTable(
  "attendance_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    kind: text("kind", { enum: CLOCK_KINDS }).notNull(),
    source: text("source", { enum: RECORD_SOURCES }).notNull().default("device"),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
    localDate: text("local_date").notNull(),
    timeZone: text("time_zone").notNull(),
    mode: text("mode", { enum: WORK_MODES }).notNull(),
    latitude: real("latitude"),
    longitude: real("longitude"),
    accuracyMeters: real("accuracy_meters"),
    siteId: integer("site_id").references(() => attendanceSites.id),
    distanceMeters: real("distance_meters"),
    clientTime: integer("client_time", { mode: "timestamp_ms" }),
    clockSkewMs: integer("clock_skew_ms"),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    selfieSha256: text("selfie_sha256"),
    /** The employee's reason when outside the fence. */
    reason: text("reason").notNull().default(""),
    /** JSON array of anomaly codes: outside_fence, impossible_speed, clock_skew, repeated_position, outside_network. */
    flags: text("flags").notNull().default("[]"),
    reviewState: text("review_state", { enum: REVIEW_STATES }).notNull().default("none"),
    reviewedByEmployeeId: integer("reviewed_by_employee_id").references(() => employees.id),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    requestKey: text("request_key").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("attendance_records_request").on(t.employeeId, t.requestKey),
    index("attendance_records_employee_day").on(t.employeeId, t.localDate, t.recordedAt),
    index("attendance_records_review").on(t.agencyId, t.reviewState, t.localDate),
  ],
);

export const REQUEST_KINDS = ["cuti", "izin", "sakit", "dinas_luar", "tugas_kedinasan", "tugas_belajar", "wfh", "wfa", "koreksi"] as const;
export type AttendanceRequestKind = (typeof REQUEST_KINDS)[number];
export const LEAVE_TYPES = ["tahunan", "besar", "sakit", "melahirkan", "alasan_penting", "cltn"] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
export const REQUEST_STATES = ["pending", "approved", "rejected", "cancelled"] as const;
export type AttendanceRequestState = (typeof REQUEST_STATES)[number];

/**
 * A request that changes days once approved by the direct superior's post (or whoever holds it as Plt/Plh):
 * leave (cuti), izin, sakit, dinas luar (self-approved when linked to a signed Surat Tugas naming the employee),
 * WFH/WFA plans, and corrections of a day's check-in or check-out.
 */
export const attendanceRequests = sqliteTable(
  "attendance_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    kind: text("kind", { enum: REQUEST_KINDS }).notNull(),
    leaveType: text("leave_type", { enum: LEAVE_TYPES }),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    /** Working days in the range when submitted (the annual leave balance counts these). */
    workingDays: integer("working_days").notNull().default(0),
    reason: text("reason").notNull().default(""),
    /** A supporting document (doctor's letter) in the file store. */
    attachmentSha256: text("attachment_sha256"),
    /** The signed Surat Tugas a dinas luar rests on. */
    officialDocumentId: integer("official_document_id").references(() => officialDocuments.id),
    /** Koreksi: the corrected local times (minutes of the day) for startDate; null leaves that side as recorded. */
    correctedCheckInMinute: integer("corrected_check_in_minute"),
    correctedCheckOutMinute: integer("corrected_check_out_minute"),
    state: text("state", { enum: REQUEST_STATES }).notNull().default("pending"),
    /** The post that approves: the employee's direct superior when submitted. */
    approverPositionId: integer("approver_position_id").references(() => positions.id),
    decidedByEmployeeId: integer("decided_by_employee_id").references(() => employees.id),
    decidedAssignmentId: integer("decided_assignment_id").references(() => assignments.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decisionNote: text("decision_note").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("attendance_requests_employee").on(t.employeeId, t.startDate),
    index("attendance_requests_approver").on(t.approverPositionId, t.state, t.createdAt),
    index("attendance_requests_agency").on(t.agencyId, t.state, t.startDate),
  ],
);

export const DAY_STATUSES = ["present", "absent", "leave", "permit", "sick", "duty", "holiday", "off", "upcoming"] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/**
 * The computed attendance of one employee on one local date (lib/attendance/day.ts). Rewritten idempotently from
 * the records, requests, schedule, holidays and policy whenever any of them changes; lists and recaps read it.
 */
export const attendanceDays = sqliteTable(
  "attendance_days",
  {
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    localDate: text("local_date").notNull(),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    /** The unit of the employee's post on that day (for the unit recap). */
    unitId: integer("unit_id").references(() => units.id),
    timeZone: text("time_zone").notNull(),
    status: text("status", { enum: DAY_STATUSES }).notNull(),
    mode: text("mode", { enum: WORK_MODES }),
    scheduledStartMinute: integer("scheduled_start_minute"),
    scheduledEndMinute: integer("scheduled_end_minute"),
    checkInAt: integer("check_in_at", { mode: "timestamp_ms" }),
    checkOutAt: integer("check_out_at", { mode: "timestamp_ms" }),
    workedMinutes: integer("worked_minutes").notNull().default(0),
    lateMinutes: integer("late_minutes").notNull().default(0),
    earlyLeaveMinutes: integer("early_leave_minutes").notNull().default(0),
    /** 0 when on time, 1..4 for TL1..TL4 / PSW1..PSW4. */
    lateBucket: integer("late_bucket").notNull().default(0),
    earlyLeaveBucket: integer("early_leave_bucket").notNull().default(0),
    /** TPP deduction of the day in hundredths of a percent (50 = 0.5 %), so sums stay exact. */
    deductionBasisPoints: integer("deduction_basis_points").notNull().default(0),
    /** The approved request that decided the day (leave, permit, duty, plan, correction). */
    requestId: integer("request_id").references(() => attendanceRequests.id),
    leaveType: text("leave_type", { enum: LEAVE_TYPES }),
    anomalyCount: integer("anomaly_count").notNull().default(0),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.employeeId, t.localDate] }),
    index("attendance_days_unit").on(t.agencyId, t.localDate, t.unitId),
  ],
);
