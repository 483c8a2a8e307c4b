import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { agencies, assignments, employees, positions, units } from "./org";
import { documentTypes, issuedNumbers } from "./documents";
import { signedDocuments, SECURITY_CLASSES } from "./signatures";

// Naskah dinas: an official document from its draft to its delivery. The signing itself reuses the TTE
// tables (signed_documents, document_revisions, document_signers): an official document gets a signed
// document when it goes to its signers, so verification works for both the same way.

/**
 * draft -> in_review (step k of n) -> signing (k of m) -> sent; in_review -> returned -> in_review again.
 * "approved", "signed" and "numbered" are moments, not resting states: the last paraf moves the document to
 * signing, and the last signature numbers and sends it in one step.
 */
export const OFFICIAL_DOCUMENT_STATUSES = ["draft", "in_review", "returned", "signing", "sent", "cancelled"] as const;
export type OfficialDocumentStatus = (typeof OFFICIAL_DOCUMENT_STATUSES)[number];

export const URGENCIES = ["biasa", "segera", "amat_segera"] as const;
export type Urgency = (typeof URGENCIES)[number];

export const BODY_SOURCES = ["editor", "pdf"] as const;

export const officialDocuments = sqliteTable(
  "official_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    documentTypeId: integer("document_type_id").notNull().references(() => documentTypes.id),
    status: text("status", { enum: OFFICIAL_DOCUMENT_STATUSES }).notNull().default("draft"),
    drafterEmployeeId: integer("drafter_employee_id").notNull().references(() => employees.id),
    /** The post the drafter wrote under (their acting assignment then). */
    drafterPositionId: integer("drafter_position_id").references(() => positions.id),
    securityClass: text("security_class", { enum: SECURITY_CLASSES }).notNull().default("B"),
    urgency: text("urgency", { enum: URGENCIES }).notNull().default("biasa"),
    classificationCode: text("classification_code").notNull().default(""),
    subject: text("subject").notNull().default(""),
    summary: text("summary").notNull().default(""),
    attachmentCount: integer("attachment_count").notNull().default(0),
    bodySource: text("body_source", { enum: BODY_SOURCES }).notNull().default("editor"),
    /** lib/documents/content.ts Body as JSON. */
    body: text("body").notNull().default("[]"),
    bodyPdfSha256: text("body_pdf_sha256"),
    /** Type-specific fields (assignment, invitation) as JSON; see lib/documents/details.ts. */
    details: text("details").notNull().default("{}"),
    /** The last version snapshot taken (document_versions); 0 before the first submission. */
    version: integer("version").notNull().default(0),
    /** The position whose holder must act next (reviewer or signer), for the "Perlu Paraf/Tanda Tangan" lists. */
    currentPositionId: integer("current_position_id").references(() => positions.id),
    /** Set when the document goes to its signers. */
    signedDocumentId: integer("signed_document_id").references(() => signedDocuments.id),
    /** Unit whose letterhead and number register the document uses; fixed when it goes to its signers. */
    issuingUnitId: integer("issuing_unit_id").references(() => units.id),
    /** Where the number and date are stamped at the last signature: { number: TextSlot, date: TextSlot }. */
    stampSlots: text("stamp_slots"),
    number: text("number"),
    issuedNumberId: integer("issued_number_id").references(() => issuedNumbers.id),
    /** Local date (YYYY-MM-DD, agency zone) of the last signature. */
    documentDate: text("document_date"),
    /** A reply is a new draft linked to the document it answers. */
    repliesToId: integer("replies_to_id").references((): AnySQLiteColumn => officialDocuments.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("official_documents_drafter").on(t.drafterEmployeeId, t.status, t.updatedAt),
    index("official_documents_current").on(t.currentPositionId, t.status),
    index("official_documents_agency_status").on(t.agencyId, t.status, t.updatedAt),
    index("official_documents_number").on(t.agencyId, t.number),
  ],
);

/** A snapshot of everything the drafter wrote, taken at each submission, revision and reviewer edit. */
export const documentVersions = sqliteTable(
  "document_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["submitted", "revised", "reviewer_edit"] }).notNull(),
    /** JSON of lib/documents/snapshot.ts DocumentSnapshot. */
    snapshot: text("snapshot").notNull(),
    createdByEmployeeId: integer("created_by_employee_id").notNull().references(() => employees.id),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("document_versions_version").on(t.documentId, t.version)],
);

/**
 * The review chain (paraf) and the signers, in order, by position: whoever holds or acts in the post acts.
 * A signer may sign on behalf of a superior ("a.n."). On return every paraf goes back to pending.
 */
export const documentSteps = sqliteTable(
  "document_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    role: text("role", { enum: ["reviewer", "signer"] }).notNull(),
    sequence: integer("sequence").notNull(),
    positionId: integer("position_id").notNull().references(() => positions.id),
    onBehalfOfPositionId: integer("on_behalf_of_position_id").references(() => positions.id),
    status: text("status", { enum: ["pending", "done"] }).notNull().default("pending"),
    /** Where the renderer reserved this signer's block: Placement JSON. */
    placement: text("placement"),
    actedByEmployeeId: integer("acted_by_employee_id").references(() => employees.id),
    actedAssignmentId: integer("acted_assignment_id").references(() => assignments.id),
    actedLabel: text("acted_label"),
    actedAt: integer("acted_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("document_steps_sequence").on(t.documentId, t.role, t.sequence), index("document_steps_position").on(t.positionId)],
);

/** Addressees (to) and tembusan (cc) as written; resolved to positions on delivery. */
export const documentRecipients = sqliteTable(
  "document_recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    kind: text("kind", { enum: ["to", "cc"] }).notNull(),
    sequence: integer("sequence").notNull(),
    targetKind: text("target_kind", { enum: ["position", "unit", "employee", "external"] }).notNull(),
    positionId: integer("position_id").references(() => positions.id),
    unitId: integer("unit_id").references(() => units.id),
    employeeId: integer("employee_id").references(() => employees.id),
    /** The printed line: a position's name, or the external party's name. */
    label: text("label").notNull(),
    address: text("address").notNull().default(""),
  },
  (t) => [index("document_recipients_document").on(t.documentId, t.kind, t.sequence)],
);

/** One inbox entry per receiving position, with its read receipt. */
export const documentDeliveries = sqliteTable(
  "document_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    positionId: integer("position_id").notNull().references(() => positions.id),
    kind: text("kind", { enum: ["to", "cc"] }).notNull(),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }).notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    readByEmployeeId: integer("read_by_employee_id").references(() => employees.id),
    readByAssignmentId: integer("read_by_assignment_id").references(() => assignments.id),
  },
  (t) => [
    uniqueIndex("document_deliveries_document_position").on(t.documentId, t.positionId),
    index("document_deliveries_inbox").on(t.positionId, t.kind, t.deliveredAt),
    // Unread counts on every page load: a leader's tray can hold years of read documents.
    index("document_deliveries_unread").on(t.positionId, t.kind).where(sql`${t.readAt} is null`),
  ],
);

/**
 * Who may open a document: by post (whoever holds it now) or by person (who acted, even after moving on).
 * Written whenever someone joins the document (drafting, the chain, delivery, and later dispositions);
 * the single place access rules read.
 */
export const documentParticipants = sqliteTable(
  "document_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    role: text("role", { enum: ["drafter", "reviewer", "signer", "to", "cc", "disposition"] }).notNull(),
    positionId: integer("position_id").references(() => positions.id),
    employeeId: integer("employee_id").references(() => employees.id),
  },
  (t) => [
    index("document_participants_position").on(t.positionId, t.documentId),
    index("document_participants_employee").on(t.employeeId, t.documentId),
    index("document_participants_document").on(t.documentId),
  ],
);

export const DOCUMENT_EVENT_ACTIONS = [
  "created",
  "submitted",
  "approved",
  "returned",
  "revised",
  "edited",
  "signed",
  "numbered",
  "sent",
  "read",
  "cancelled",
  "forwarded",
] as const;

/** The document's timeline: every step with actor, post and time, shown to everyone who may see it. */
export const documentEvents = sqliteTable(
  "document_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    action: text("action", { enum: DOCUMENT_EVENT_ACTIONS }).notNull(),
    actorEmployeeId: integer("actor_employee_id").references(() => employees.id),
    /** "Name — Plt. Kepala Dinas ..." as it was at the time. */
    actorLabel: text("actor_label").notNull(),
    version: integer("version"),
    note: text("note").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("document_events_document").on(t.documentId, t.at)],
);

/** Lampiran files (PDF or images), content-addressed in the file store. */
export const documentAttachments = sqliteTable(
  "document_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => officialDocuments.id),
    fileSha256: text("file_sha256").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("document_attachments_document").on(t.documentId)],
);
