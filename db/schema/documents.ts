import { sql } from "drizzle-orm";
import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { agencies, employees } from "./org";

export const DOCUMENT_CATEGORIES = ["korespondensi", "penugasan", "khusus", "penetapan"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** korespondensi: place and date, Nomor/Sifat/Lampiran/Hal, "Yth."; judul: centred title with the number under it. */
export const DOCUMENT_LAYOUTS = ["korespondensi", "judul"] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

/** Whether a type's numbers run in one register for the whole agency or in one register per unit. */
export const NUMBERING_SCOPES = ["agency", "unit"] as const;
export type NumberingScope = (typeof NUMBERING_SCOPES)[number];

/**
 * Jenis naskah dinas, an editable master table per agency (after Permendagri 1/2023).
 * `code` (upper case, e.g. "ND") names the type's number series, so it is part of every register key.
 * `internal`: addressed only to positions of the agency (Nota Dinas, Memo), never to outside parties.
 */
export const documentTypes = sqliteTable(
  "document_types",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: DOCUMENT_CATEGORIES }).notNull(),
    layout: text("layout", { enum: DOCUMENT_LAYOUTS }).notNull(),
    numberingTemplate: text("numbering_template").notNull(),
    numberingScope: text("numbering_scope", { enum: NUMBERING_SCOPES }).notNull().default("unit"),
    internal: integer("internal", { mode: "boolean" }).notNull().default(false),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex("document_types_agency_code").on(t.agencyId, t.code), index("document_types_agency_order").on(t.agencyId, t.sortOrder)],
);

/**
 * One number register (buku nomor) for one calendar year of the agency's time zone. `key` is the register's
 * identity ("agency:SE", "unit:12:ND"; see lib/numbering/register-key.ts); `series` is its last part, the
 * type code or book whose numbers must not repeat. `lastSequence` is the last automatic urut issued.
 */
export const numberingRegisters = sqliteTable(
  "numbering_registers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    key: text("key").notNull(),
    series: text("series").notNull(),
    year: integer("year").notNull(),
    lastSequence: integer("last_sequence").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("numbering_registers_agency_key_year").on(t.agencyId, t.key, t.year), index("numbering_registers_agency_series").on(t.agencyId, t.series)],
);

export const ISSUED_NUMBER_KINDS = ["automatic", "manual"] as const;
export type IssuedNumberKind = (typeof ISSUED_NUMBER_KINDS)[number];

/**
 * Every number ever given out, never updated except to attribute a sequence to a manual number (see
 * issueNumber). Automatic numbers hold their register `sequence`; a manual one (typed by the records clerk
 * during an outage) has none until the register reaches the same text.
 * A number is unique within its agency and series: "Nomor 5 Tahun 2026" exists once as a Surat Edaran and
 * once as an Instruksi, as it does in real life. One document, one number: `documentRef` is unique too.
 */
export const issuedNumbers = sqliteTable(
  "issued_numbers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").notNull().references(() => agencies.id),
    registerId: integer("register_id").notNull().references(() => numberingRegisters.id),
    series: text("series").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence"),
    number: text("number").notNull(),
    documentRef: text("document_ref"),
    kind: text("kind", { enum: ISSUED_NUMBER_KINDS }).notNull(),
    reason: text("reason"),
    issuedByEmployeeId: integer("issued_by_employee_id").notNull().references(() => employees.id),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("issued_numbers_register_sequence").on(t.registerId, t.sequence),
    uniqueIndex("issued_numbers_agency_series_number").on(t.agencyId, t.series, t.number),
    uniqueIndex("issued_numbers_agency_document").on(t.agencyId, t.documentRef).where(sql`${t.documentRef} is not null`),
    index("issued_numbers_agency_issued").on(t.agencyId, t.issuedAt),
  ],
);
