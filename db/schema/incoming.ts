import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { agencies, assignments, employees, positions, units } from "./org";
import { issuedNumbers } from "./documents";
import { officialDocuments, URGENCIES } from "./official-documents";
import { SECURITY_CLASSES } from "./signatures";

// Surat masuk and disposisi: a letter registered by a records clerk (or delivered inside Kawan), addressed to
// positions, then forwarded down the hierarchy as a tree of dispositions, each with its own state and times.

/**
 * An incoming letter in one register: the register belongs to a unit (the clerk's OPD, or the agency's root for
 * the regent's office) and numbers its letters per year (nomor agenda) through lib/numbering.
 */
export const incomingLetters = sqliteTable(
  "incoming_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    registerUnitId: integer("register_unit_id").notNull().references(() => units.id),
    agendaNumber: text("agenda_number").notNull(),
    issuedNumberId: integer("issued_number_id").references(() => issuedNumbers.id),
    senderAgency: text("sender_agency").notNull(),
    senderName: text("sender_name").notNull().default(""),
    letterNumber: text("letter_number").notNull(),
    /** YYYY-MM-DD as printed on the letter, and the local date it arrived. */
    letterDate: text("letter_date").notNull(),
    receivedDate: text("received_date").notNull(),
    subject: text("subject").notNull(),
    securityClass: text("security_class", { enum: SECURITY_CLASSES }).notNull().default("B"),
    urgency: text("urgency", { enum: URGENCIES }).notNull().default("biasa"),
    classificationCode: text("classification_code").notNull().default(""),
    attachmentCount: integer("attachment_count").notNull().default(0),
    summary: text("summary").notNull().default(""),
    /** The scanned letter (PDF, photos combined into one) in the file store. */
    fileSha256: text("file_sha256"),
    /** Set when the letter is an official document delivered inside Kawan. */
    officialDocumentId: integer("official_document_id").references(() => officialDocuments.id),
    registeredByEmployeeId: integer("registered_by_employee_id").references(() => employees.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("incoming_letters_register").on(t.registerUnitId, t.createdAt),
    index("incoming_letters_agency").on(t.agencyId, t.createdAt),
    uniqueIndex("incoming_letters_official").on(t.officialDocumentId, t.registerUnitId).where(sql`${t.officialDocumentId} is not null`),
  ],
);

export const ADDRESSEE_STATES = ["pending", "dispositioned", "no_disposition"] as const;

/** A position the letter is addressed to: the root of its disposition tree. */
export const incomingLetterAddressees = sqliteTable(
  "incoming_letter_addressees",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    letterId: integer("letter_id").notNull().references(() => incomingLetters.id),
    positionId: integer("position_id").notNull().references(() => positions.id),
    state: text("state", { enum: ADDRESSEE_STATES }).notNull().default("pending"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    readByEmployeeId: integer("read_by_employee_id").references(() => employees.id),
    readByAssignmentId: integer("read_by_assignment_id").references(() => assignments.id),
    closedNote: text("closed_note").notNull().default(""),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    closedByEmployeeId: integer("closed_by_employee_id").references(() => employees.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("incoming_letter_addressees_letter_position").on(t.letterId, t.positionId),
    index("incoming_letter_addressees_inbox").on(t.positionId, t.state, t.createdAt),
    // The regent's office receives hundreds of thousands: its list newest first, and its unread counter.
    index("incoming_letter_addressees_list").on(t.positionId, t.createdAt, t.id, t.letterId),
    index("incoming_letter_addressees_unread").on(t.positionId, t.readAt),
  ],
);

export const DISPOSITION_STATES = ["unread", "read", "in_progress", "followed_up", "completed", "declined", "withdrawn"] as const;
export type DispositionState = (typeof DISPOSITION_STATES)[number];

/**
 * One hop of a disposition tree: from a position to a position below it. `parentId` is the disposition the
 * sender received (null when the sender is an addressee of the letter). A copy to the recipient's superior
 * ("tembuskan ke atasan") is a disposition of kind "cc" that needs no follow-up.
 */
export const dispositions = sqliteTable(
  "dispositions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    letterId: integer("letter_id").notNull().references(() => incomingLetters.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => dispositions.id),
    kind: text("kind", { enum: ["to", "cc"] }).notNull().default("to"),
    fromPositionId: integer("from_position_id").notNull().references(() => positions.id),
    fromEmployeeId: integer("from_employee_id").notNull().references(() => employees.id),
    fromAssignmentId: integer("from_assignment_id").references(() => assignments.id),
    /** "Name — Plt. Kepala ..." of the sender, frozen. */
    fromLabel: text("from_label").notNull(),
    toPositionId: integer("to_position_id").notNull().references(() => positions.id),
    /** JSON array of instruction labels as ticked (the agency's list may change later). */
    instructions: text("instructions").notNull().default("[]"),
    note: text("note").notNull().default(""),
    urgency: text("urgency", { enum: URGENCIES }).notNull().default("biasa"),
    /** Local date YYYY-MM-DD, inclusive. */
    deadline: text("deadline"),
    state: text("state", { enum: DISPOSITION_STATES }).notNull().default("unread"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    readByEmployeeId: integer("read_by_employee_id").references(() => employees.id),
    readByAssignmentId: integer("read_by_assignment_id").references(() => assignments.id),
    followUpNote: text("follow_up_note").notNull().default(""),
    followUpFileSha256: text("follow_up_file_sha256"),
    replyDocumentId: integer("reply_document_id").references(() => officialDocuments.id),
    actedByEmployeeId: integer("acted_by_employee_id").references(() => employees.id),
    actedAssignmentId: integer("acted_assignment_id").references(() => assignments.id),
    actedAt: integer("acted_at", { mode: "timestamp_ms" }),
    declineReason: text("decline_reason").notNull().default(""),
    /** Reminders already sent by the deadline sweep, so each goes out once. */
    remindedBeforeAt: integer("reminded_before_at", { mode: "timestamp_ms" }),
    remindedOnDayAt: integer("reminded_on_day_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // A post's disposition list newest first without a sort step, and covering the join to the letter (npm run
    // bench at 2,000,000 rows: 155 ms -> 2 ms); and the open/overdue counters answered from the index alone.
    index("dispositions_to_list").on(t.toPositionId, t.createdAt, t.id, t.letterId),
    index("dispositions_counts").on(t.toPositionId, t.state, t.kind, t.deadline),
    index("dispositions_letter").on(t.letterId, t.parentId),
    index("dispositions_parent").on(t.parentId),
    index("dispositions_from").on(t.fromPositionId, t.createdAt),
    index("dispositions_deadline").on(t.deadline).where(sql`${t.deadline} is not null and ${t.state} in ('unread', 'read', 'in_progress')`),
  ],
);

/** The agency's editable list of disposition instructions (default list in DOMAIN.md). */
export const dispositionInstructions = sqliteTable(
  "disposition_instructions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    label: text("label").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("disposition_instructions_agency").on(t.agencyId, t.sortOrder)],
);

export const LETTER_EVENT_ACTIONS = [
  "registered",
  "read",
  "dispositioned",
  "no_disposition",
  "withdrawn",
  "followed_up",
  "completed",
  "declined",
] as const;

/** The letter's timeline: registration, every disposition and every state change, with actor and post. */
export const letterEvents = sqliteTable(
  "letter_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    letterId: integer("letter_id").notNull().references(() => incomingLetters.id),
    dispositionId: integer("disposition_id").references(() => dispositions.id),
    action: text("action", { enum: LETTER_EVENT_ACTIONS }).notNull(),
    actorEmployeeId: integer("actor_employee_id").references(() => employees.id),
    actorLabel: text("actor_label").notNull(),
    note: text("note").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("letter_events_letter").on(t.letterId, t.id)],
);
