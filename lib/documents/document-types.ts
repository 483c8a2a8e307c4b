import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_LAYOUTS,
  documentTypes,
  NUMBERING_SCOPES,
  numberingRegisters,
  type DocumentCategory,
  type DocumentLayout,
  type NumberingScope,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { SERIES_PATTERN } from "@/lib/numbering/register-key";
import { TEMPLATE_MAX_LENGTH, templateProblem, templateTokens } from "@/lib/numbering/template";
import { checkbox, requiredText } from "@/lib/validation";

// Jenis naskah dinas: the agency's editable master table of document types, each with its page layout and
// numbering template. Changes need "document_type.manage" and are audited in the same transaction.

export type DocumentType = typeof documentTypes.$inferSelect;

export type DocumentTypeInput = {
  code: string;
  name: string;
  category: DocumentCategory;
  layout: DocumentLayout;
  numberingTemplate: string;
  numberingScope: NumberingScope;
  internal: boolean;
  sortOrder?: number;
};

const NAME_MAX = 100;
const SORT_ORDER_MAX = 9999;

/**
 * The form's shape, for the server action (defineAction). Only the shape: the rules (code format, template,
 * unique code) are checked by createDocumentType / updateDocumentType, which report them per field.
 */
export const documentTypeForm = z.object({
  code: requiredText(20),
  name: requiredText(NAME_MAX),
  category: z.enum(DOCUMENT_CATEGORIES, "validation.invalid"),
  layout: z.enum(DOCUMENT_LAYOUTS, "validation.invalid"),
  numberingTemplate: requiredText(TEMPLATE_MAX_LENGTH),
  numberingScope: z.enum(NUMBERING_SCOPES, "validation.invalid"),
  internal: checkbox,
  sortOrder: z.preprocess((v) => (v === "" || v == null ? 0 : v), z.coerce.number().int().min(0).max(SORT_ORDER_MAX)),
});

/** The agency's document types in display order; inactive ones only when asked (the admin's list). */
export function listDocumentTypes(db: Db | Tx, agencyId: number, options: { includeInactive?: boolean } = {}): DocumentType[] {
  return db
    .select()
    .from(documentTypes)
    .where(and(eq(documentTypes.agencyId, agencyId), options.includeInactive ? undefined : eq(documentTypes.active, true)))
    .orderBy(asc(documentTypes.sortOrder), asc(documentTypes.name), asc(documentTypes.id))
    .all();
}

/** A document type of the agency, or null (also for another agency's id). */
export function getDocumentType(db: Db | Tx, agencyId: number, id: number): DocumentType | null {
  return db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, agencyId), eq(documentTypes.id, id))).get() ?? null;
}

export function getDocumentTypeByCode(db: Db | Tx, agencyId: number, code: string): DocumentType | null {
  return db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, agencyId), eq(documentTypes.code, code.trim().toUpperCase()))).get() ?? null;
}

type CleanInput = Omit<DocumentTypeInput, "sortOrder"> & { sortOrder: number };

/** Checks the domain rules and returns the values to store; throws `invalid` with every field's problem. */
function cleanInput(input: DocumentTypeInput): CleanInput {
  const code = input.code.trim().toUpperCase();
  const name = input.name.trim().replace(/\s+/g, " ");
  const numberingTemplate = input.numberingTemplate.trim();
  const sortOrder = input.sortOrder ?? 0;
  const fieldErrors: Record<string, string> = {};
  let params: Record<string, string | number> = {};
  if (code === "") fieldErrors.code = "validation.required";
  else if (!SERIES_PATTERN.test(code)) fieldErrors.code = "documentTypes.codeInvalid";
  if (name === "") fieldErrors.name = "validation.required";
  else if (name.length > NAME_MAX) fieldErrors.name = "validation.tooLong";
  if (!DOCUMENT_CATEGORIES.includes(input.category)) fieldErrors.category = "validation.invalid";
  if (!DOCUMENT_LAYOUTS.includes(input.layout)) fieldErrors.layout = "validation.invalid";
  if (!NUMBERING_SCOPES.includes(input.numberingScope)) fieldErrors.numberingScope = "validation.invalid";
  if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > SORT_ORDER_MAX) fieldErrors.sortOrder = "validation.invalid";
  const problem = templateProblem(numberingTemplate);
  if (problem) {
    fieldErrors.numberingTemplate = problem.messageKey;
    params = problem.params;
  } else if (input.numberingScope === "unit" && !templateTokens(numberingTemplate).has("unit")) {
    // Units keep separate sequences; without {unit} two units would print the same number.
    fieldErrors.numberingTemplate = "numbering.template.unitRequired";
  }
  if (Object.keys(fieldErrors).length > 0) throw new DomainError("invalid", "errors.invalidInput", params, fieldErrors);
  return {
    code,
    name,
    category: input.category,
    layout: input.layout,
    numberingTemplate,
    numberingScope: input.numberingScope,
    internal: input.internal === true,
    sortOrder,
  };
}

function assertCodeFree(tx: Tx, agencyId: number, code: string, exceptId?: number): void {
  const clash = tx
    .select({ id: documentTypes.id })
    .from(documentTypes)
    .where(and(eq(documentTypes.agencyId, agencyId), eq(documentTypes.code, code), exceptId === undefined ? undefined : ne(documentTypes.id, exceptId)))
    .get();
  if (clash) throw invalid({ code: "documentTypes.duplicateCode" });
}

/** The code names the number series; once numbers were issued under it, renaming would fork the registers. */
function hasIssuedNumbers(tx: Tx, agencyId: number, code: string): boolean {
  return !!tx
    .select({ id: numberingRegisters.id })
    .from(numberingRegisters)
    .where(and(eq(numberingRegisters.agencyId, agencyId), eq(numberingRegisters.series, code)))
    .get();
}

const snapshot = (t: DocumentType) => ({
  code: t.code,
  name: t.name,
  category: t.category,
  layout: t.layout,
  numberingTemplate: t.numberingTemplate,
  numberingScope: t.numberingScope,
  internal: t.internal,
  active: t.active,
  sortOrder: t.sortOrder,
});

/**
 * Loads a document type the actor may manage. The permission is checked before the lookup, so someone
 * without it learns nothing about which ids exist; another agency's type is refused as forbidden.
 */
export function manageableDocumentType(ctx: Ctx, id: number): DocumentType {
  assertCan(ctx.actor, "document_type.manage");
  const type = ctx.db.select().from(documentTypes).where(eq(documentTypes.id, id)).get();
  if (!type) throw notFound();
  assertCan(ctx.actor, "document_type.manage", type);
  return type;
}

export function createDocumentType(ctx: Ctx, input: DocumentTypeInput): { id: number } {
  assertCan(ctx.actor, "document_type.manage", { agencyId: ctx.actor.agencyId });
  const values = cleanInput(input);
  const agencyId = ctx.actor.agencyId;
  return ctx.db.transaction(
    (tx) => {
      assertCodeFree(tx, agencyId, values.code);
      const row = tx
        .insert(documentTypes)
        .values({ agencyId, ...values, active: true, createdAt: ctx.now })
        .returning()
        .get();
      writeAudit(tx, ctx, { action: "document_type.created", entityType: "document_type", entityId: row.id, after: snapshot(row) });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

/**
 * Changes a type's fields. Its code can no longer change once numbers were issued in its series; the
 * template, layout and scope can (a new template applies to numbers issued from then on).
 */
export function updateDocumentType(ctx: Ctx, id: number, input: DocumentTypeInput): { id: number } {
  const type = manageableDocumentType(ctx, id);
  const values = cleanInput(input);
  const before = snapshot(type);
  const after = { ...before, ...values };
  if (JSON.stringify(after) === JSON.stringify(before)) return { id: type.id };
  ctx.db.transaction(
    (tx) => {
      if (values.code !== type.code) {
        assertCodeFree(tx, type.agencyId, values.code, type.id);
        if (hasIssuedNumbers(tx, type.agencyId, type.code)) throw invalid({ code: "documentTypes.codeInUse" });
      }
      tx.update(documentTypes).set(values).where(eq(documentTypes.id, type.id)).run();
      writeAudit(tx, ctx, { action: "document_type.updated", entityType: "document_type", entityId: type.id, before, after });
    },
    { behavior: "immediate" },
  );
  return { id: type.id };
}

/** Hides a type from new drafts; documents already written with it keep it. */
export function deactivateDocumentType(ctx: Ctx, id: number): { id: number } {
  const type = manageableDocumentType(ctx, id);
  if (!type.active) throw new DomainError("conflict", "documentTypes.alreadyInactive");
  ctx.db.transaction((tx) => {
    tx.update(documentTypes).set({ active: false }).where(eq(documentTypes.id, type.id)).run();
    writeAudit(tx, ctx, { action: "document_type.deactivated", entityType: "document_type", entityId: type.id, before: { active: true }, after: { active: false } });
  });
  return { id: type.id };
}

export function reactivateDocumentType(ctx: Ctx, id: number): { id: number } {
  const type = manageableDocumentType(ctx, id);
  if (type.active) throw new DomainError("conflict", "documentTypes.alreadyActive");
  ctx.db.transaction((tx) => {
    tx.update(documentTypes).set({ active: true }).where(eq(documentTypes.id, type.id)).run();
    writeAudit(tx, ctx, { action: "document_type.reactivated", entityType: "document_type", entityId: type.id, before: { active: false }, after: { active: true } });
  });
  return { id: type.id };
}
