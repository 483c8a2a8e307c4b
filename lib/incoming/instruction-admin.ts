import "server-only";
import { and, asc, eq, max } from "drizzle-orm";
import { z } from "zod";
import { dispositionInstructions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { idField, requiredText } from "@/lib/validation";

// Petunjuk disposisi: the agency's editable list of instructions a leader ticks on a disposition. Changes need
// "disposition_instruction.manage" and are audited in the same transaction. Dispositions store the ticked
// labels as text, so renaming or deactivating an instruction never changes a disposition already made.

export type DispositionInstruction = typeof dispositionInstructions.$inferSelect;

export const LABEL_MIN = 2;
export const LABEL_MAX = 200;
const SORT_ORDER_STEP = 10;
const SORT_ORDER_MAX = 1_000_000;

/**
 * The forms' shapes, for the server actions (defineAction). Only the shape: the rules (length, unique label)
 * are checked by the lib functions, which report them per field.
 */
export const instructionLabelForm = z.object({ label: requiredText(LABEL_MAX) });
export const instructionIdForm = z.object({ instructionId: idField });
export const instructionUpdateForm = instructionLabelForm.extend(instructionIdForm.shape);
export const instructionMoveForm = instructionIdForm.extend({ direction: z.enum(["up", "down"], "validation.invalid") });

const ORDER = [asc(dispositionInstructions.sortOrder), asc(dispositionInstructions.id)];

function allOf(db: DbOrTx, agencyId: number): DispositionInstruction[] {
  return db
    .select()
    .from(dispositionInstructions)
    .where(eq(dispositionInstructions.agencyId, agencyId))
    .orderBy(...ORDER)
    .all();
}

/** Every instruction of the actor's agency, inactive ones too, in the order the dispose form lists them. */
export function listInstructionsForAdmin(ctx: Ctx): DispositionInstruction[] {
  assertCan(ctx.actor, "disposition_instruction.manage", { agencyId: ctx.actor.agencyId });
  return allOf(ctx.db, ctx.actor.agencyId);
}

/**
 * An instruction of the actor's agency the actor may manage. The permission is checked before the lookup, so
 * someone without it learns nothing; another agency's id looks the same as a missing one.
 */
function manageableInstruction(ctx: Ctx, db: DbOrTx, id: number): DispositionInstruction {
  assertCan(ctx.actor, "disposition_instruction.manage", { agencyId: ctx.actor.agencyId });
  const row = db
    .select()
    .from(dispositionInstructions)
    .where(and(eq(dispositionInstructions.id, id), eq(dispositionInstructions.agencyId, ctx.actor.agencyId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** Trimmed, inner whitespace collapsed; throws `invalid` with the label's problem. */
function cleanLabel(raw: string): string {
  const label = raw.trim().replace(/\s+/g, " ");
  if (label === "") throw invalid({ label: "validation.required" });
  if (label.length < LABEL_MIN) throw invalid({ label: "adminDispositionInstructions.labelTooShort" });
  if (label.length > LABEL_MAX) throw invalid({ label: "validation.tooLong" });
  return label;
}

const fold = (label: string) => label.toLocaleLowerCase("id-ID");

/** Labels are unique per agency regardless of case, inactive instructions included (reactivate those instead). */
function assertLabelFree(tx: Tx, agencyId: number, label: string, exceptId?: number): void {
  const wanted = fold(label);
  const clash = allOf(tx, agencyId).some((row) => row.id !== exceptId && fold(row.label) === wanted);
  if (clash) throw invalid({ label: "adminDispositionInstructions.duplicateLabel" });
}

const snapshot = (row: DispositionInstruction) => ({ label: row.label, sortOrder: row.sortOrder, active: row.active });

/** Adds an active instruction at the end of the list. */
export function createInstruction(ctx: Ctx, input: { label: string }): { id: number } {
  assertCan(ctx.actor, "disposition_instruction.manage", { agencyId: ctx.actor.agencyId });
  const label = cleanLabel(input.label);
  const agencyId = ctx.actor.agencyId;
  return ctx.db.transaction(
    (tx) => {
      assertLabelFree(tx, agencyId, label);
      const last = tx.select({ n: max(dispositionInstructions.sortOrder) }).from(dispositionInstructions).where(eq(dispositionInstructions.agencyId, agencyId)).get()?.n ?? 0;
      const row = tx
        .insert(dispositionInstructions)
        .values({ agencyId, label, sortOrder: last + SORT_ORDER_STEP, active: true })
        .returning()
        .get();
      writeAudit(tx, ctx, { action: "disposition_instruction.created", entityType: "disposition_instruction", entityId: row.id, after: snapshot(row) });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** Renames an instruction and, when given, sets its sort order; unchanged input writes nothing. */
export function updateInstruction(ctx: Ctx, id: number, input: { label: string; sortOrder?: number }): { id: number } {
  manageableInstruction(ctx, ctx.db, id);
  const label = cleanLabel(input.label);
  if (input.sortOrder !== undefined && (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > SORT_ORDER_MAX)) {
    throw invalid({ sortOrder: "validation.invalid" });
  }
  return ctx.db.transaction(
    (tx) => {
      const row = manageableInstruction(ctx, tx, id);
      const values = { label, sortOrder: input.sortOrder ?? row.sortOrder };
      if (values.label === row.label && values.sortOrder === row.sortOrder) return { id: row.id };
      if (fold(values.label) !== fold(row.label)) assertLabelFree(tx, row.agencyId, values.label, row.id);
      tx.update(dispositionInstructions).set(values).where(eq(dispositionInstructions.id, row.id)).run();
      writeAudit(tx, ctx, {
        action: "disposition_instruction.updated",
        entityType: "disposition_instruction",
        entityId: row.id,
        before: { label: row.label, sortOrder: row.sortOrder },
        after: values,
      });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** Hides an instruction from new dispositions (false) or offers it again (true). */
export function setInstructionActive(ctx: Ctx, id: number, active: boolean): { id: number } {
  manageableInstruction(ctx, ctx.db, id);
  return ctx.db.transaction(
    (tx) => {
      const row = manageableInstruction(ctx, tx, id);
      if (row.active === active) {
        throw new DomainError("conflict", active ? "adminDispositionInstructions.alreadyActive" : "adminDispositionInstructions.alreadyInactive");
      }
      tx.update(dispositionInstructions).set({ active }).where(eq(dispositionInstructions.id, row.id)).run();
      writeAudit(tx, ctx, {
        action: active ? "disposition_instruction.reactivated" : "disposition_instruction.deactivated",
        entityType: "disposition_instruction",
        entityId: row.id,
        before: { active: row.active },
        after: { active },
      });
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

/**
 * Swaps the instruction with its neighbour in the admin's list (inactive ones included). Equal sort orders
 * (hand-set ones) cannot be swapped, so then the whole list is renumbered in the new order. Moving the first
 * one up or the last one down changes nothing.
 */
export function moveInstruction(ctx: Ctx, id: number, direction: "up" | "down"): { id: number; moved: boolean } {
  manageableInstruction(ctx, ctx.db, id);
  if (direction !== "up" && direction !== "down") throw invalid({ direction: "validation.invalid" });
  return ctx.db.transaction(
    (tx) => {
      const row = manageableInstruction(ctx, tx, id);
      const list = allOf(tx, row.agencyId);
      const at = list.findIndex((r) => r.id === row.id);
      const to = direction === "up" ? at - 1 : at + 1;
      if (to < 0 || to >= list.length) return { id: row.id, moved: false };
      const neighbour = list[to];
      const changes: { id: number; before: number; after: number }[] = [];
      if (neighbour.sortOrder !== row.sortOrder) {
        changes.push({ id: row.id, before: row.sortOrder, after: neighbour.sortOrder }, { id: neighbour.id, before: neighbour.sortOrder, after: row.sortOrder });
      } else {
        const order = [...list];
        [order[at], order[to]] = [order[to], order[at]];
        order.forEach((r, i) => {
          const after = (i + 1) * SORT_ORDER_STEP;
          if (after !== r.sortOrder) changes.push({ id: r.id, before: r.sortOrder, after });
        });
      }
      for (const change of changes) tx.update(dispositionInstructions).set({ sortOrder: change.after }).where(eq(dispositionInstructions.id, change.id)).run();
      const own = changes.find((c) => c.id === row.id);
      writeAudit(tx, ctx, {
        action: "disposition_instruction.moved",
        entityType: "disposition_instruction",
        entityId: row.id,
        before: { sortOrder: row.sortOrder, position: at + 1 },
        after: { sortOrder: own?.after ?? row.sortOrder, position: to + 1, direction, swappedWith: neighbour.id },
      });
      return { id: row.id, moved: true };
    },
    { behavior: "immediate" },
  );
}
