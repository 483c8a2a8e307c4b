import { sqliteTable, integer, text, blob, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { agencies, assignments, employees } from "./org";

/** The agency's own root CA. Its private key is sealed with the server key (lib/signing/server-key.ts). */
export const certificateAuthorities = sqliteTable("certificate_authorities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  agencyId: integer("agency_id").notNull().unique().references(() => agencies.id),
  certificateDer: blob("certificate_der", { mode: "buffer" }).notNull(),
  sealedPrivateKey: text("sealed_private_key").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export const CERTIFICATE_STATUSES = ["active", "superseded", "revoked"] as const;

/**
 * An employee's signing certificate. The private key is sealed under a key derived from the signing
 * passphrase, which is never stored: only its holder can unseal it.
 */
export const signerCertificates = sqliteTable(
  "signer_certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    employeeId: integer("employee_id").notNull().references(() => employees.id),
    serialHex: text("serial_hex").notNull(),
    certificateDer: blob("certificate_der", { mode: "buffer" }).notNull(),
    sealedPrivateKey: text("sealed_private_key").notNull(),
    passphraseSalt: blob("passphrase_salt", { mode: "buffer" }).notNull(),
    notBefore: integer("not_before", { mode: "timestamp_ms" }).notNull(),
    notAfter: integer("not_after", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: CERTIFICATE_STATUSES }).notNull().default("active"),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revocationReason: text("revocation_reason"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("signer_certificates_serial").on(t.serialHex),
    index("signer_certificates_employee").on(t.employeeId, t.status),
    index("signer_certificates_agency_created").on(t.agencyId, t.createdAt),
  ],
);

/** Wrong passphrases in a row; five lock signing for 30 minutes. */
export const signingLockouts = sqliteTable("signing_lockouts", {
  employeeId: integer("employee_id").primaryKey().references(() => employees.id),
  failedAttempts: integer("failed_attempts").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

export const SECURITY_CLASSES = ["B", "T", "R", "SR"] as const;

/**
 * A document that is signed in Kawan: an uploaded PDF ("Tandatangani PDF") or, later, an official
 * document. `verificationId` (128-bit random, hex) is the public handle printed in every QR code.
 */
export const signedDocuments = sqliteTable(
  "signed_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    verificationId: text("verification_id").notNull(),
    title: text("title").notNull(),
    documentNumber: text("document_number").notNull().default(""),
    documentDate: text("document_date"),
    securityClass: text("security_class", { enum: SECURITY_CLASSES }).notNull().default("B"),
    ownerEmployeeId: integer("owner_employee_id").notNull().references(() => employees.id),
    status: text("status", { enum: ["signing", "signed", "cancelled"] }).notNull().default("signing"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("signed_documents_verification").on(t.verificationId), index("signed_documents_owner").on(t.ownerEmployeeId, t.createdAt)],
);

/** Every stored state of a document's PDF: the original, then one revision per signature. */
export const documentRevisions = sqliteTable(
  "document_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => signedDocuments.id),
    sequence: integer("sequence").notNull(),
    fileSha256: text("file_sha256").notNull(),
    kind: text("kind", { enum: ["original", "signature"] }).notNull(),
    createdByEmployeeId: integer("created_by_employee_id").notNull().references(() => employees.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("document_revisions_sequence").on(t.documentId, t.sequence), index("document_revisions_sha").on(t.fileSha256)],
);

/** The signers of a document, in order; a request becomes a signature when its signer signs. */
export const documentSigners = sqliteTable(
  "document_signers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id").notNull().references(() => signedDocuments.id),
    sequence: integer("sequence").notNull(),
    signerEmployeeId: integer("signer_employee_id").notNull().references(() => employees.id),
    status: text("status", { enum: ["pending", "signed"] }).notNull().default("pending"),
    /** Filled at signing: who signed under which post, as printed in the block. */
    assignmentId: integer("assignment_id").references(() => assignments.id),
    signerName: text("signer_name"),
    signerNip: text("signer_nip"),
    positionLabel: text("position_label"),
    certificateId: integer("certificate_id").references(() => signerCertificates.id),
    revisionId: integer("revision_id").references(() => documentRevisions.id),
    fieldName: text("field_name"),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("document_signers_sequence").on(t.documentId, t.sequence), index("document_signers_signer").on(t.signerEmployeeId, t.status)],
);
