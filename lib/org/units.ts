import "server-only";
import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import { positions, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { descendantUnitIds } from "./org-queries";

export type Unit = typeof units.$inferSelect;

const NAME_MAX = 200;
const SHORT_NAME_MAX = 50;

/**
 * Loads a unit the actor may manage. The permission is checked before the lookup, so someone without it
 * learns nothing about which ids exist; another agency's unit is refused as forbidden.
 */
export function manageableUnit(ctx: Ctx, unitId: number): Unit {
  assertCan(ctx.actor, "org.manage");
  const unit = ctx.db.select().from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw notFound();
  assertCan(ctx.actor, "org.manage", unit);
  return unit;
}

function cleanNames(input: { name: string; shortName?: string }): { name: string; shortName: string } {
  const name = input.name.trim();
  const shortName = (input.shortName ?? "").trim();
  if (!name) throw invalid({ name: "validation.required" });
  if (name.length > NAME_MAX) throw invalid({ name: "validation.tooLong" });
  if (shortName.length > SHORT_NAME_MAX) throw invalid({ shortName: "validation.tooLong" });
  return { name, shortName };
}

function usableParent(ctx: Ctx, parentId: number): Unit {
  const parent = manageableUnit(ctx, parentId);
  if (!parent.active) throw invalid({ parentId: "units.parentInactive" });
  return parent;
}

/** Two active sister units with the same name are almost always a typing mistake, and confuse every select. */
function assertNoActiveSibling(ctx: Ctx, agencyId: number, parentId: number | null, name: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.agencyId, agencyId),
        parentId == null ? isNull(units.parentId) : eq(units.parentId, parentId),
        eq(units.active, true),
        sql`lower(${units.name}) = lower(${name})`,
        exceptId == null ? undefined : ne(units.id, exceptId),
      ),
    )
    .get();
  if (clash) throw invalid({ name: "units.duplicateName" });
}

const snapshot = (u: Unit) => ({ name: u.name, shortName: u.shortName, parentId: u.parentId, active: u.active });

/** Creates a unit under an active parent of the actor's agency, or at the top of the tree. */
export function createUnit(ctx: Ctx, input: { name: string; shortName?: string; parentId: number | null }): { id: number } {
  assertCan(ctx.actor, "org.manage", { agencyId: ctx.actor.agencyId });
  const parent = input.parentId == null ? null : usableParent(ctx, input.parentId);
  const agencyId = parent?.agencyId ?? ctx.actor.agencyId;
  const names = cleanNames(input);
  assertNoActiveSibling(ctx, agencyId, parent?.id ?? null, names.name);
  return ctx.db.transaction((tx) => {
    const row = tx
      .insert(units)
      .values({ agencyId, parentId: parent?.id ?? null, ...names, createdAt: ctx.now })
      .returning()
      .get();
    writeAudit(tx, ctx, { action: "unit.created", entityType: "unit", entityId: row.id, after: snapshot(row) });
    return { id: row.id };
  });
}

export function renameUnit(ctx: Ctx, unitId: number, input: { name: string; shortName?: string }): { id: number } {
  const unit = manageableUnit(ctx, unitId);
  const names = cleanNames(input);
  if (names.name === unit.name && names.shortName === unit.shortName) return { id: unit.id };
  if (unit.active) assertNoActiveSibling(ctx, unit.agencyId, unit.parentId, names.name, unit.id);
  ctx.db.transaction((tx) => {
    tx.update(units).set(names).where(eq(units.id, unit.id)).run();
    writeAudit(tx, ctx, {
      action: "unit.renamed",
      entityType: "unit",
      entityId: unit.id,
      before: { name: unit.name, shortName: unit.shortName },
      after: names,
    });
  });
  return { id: unit.id };
}

/** Moves a unit (with everything below it) under another active unit, or to the top of the tree. */
export function moveUnit(ctx: Ctx, unitId: number, input: { parentId: number | null }): { id: number } {
  const unit = manageableUnit(ctx, unitId);
  const parentId = input.parentId;
  if (parentId === unit.parentId) return { id: unit.id };
  if (parentId != null) {
    if (parentId === unit.id || descendantUnitIds(ctx.db, unit.id).includes(parentId)) throw invalid({ parentId: "units.cycle" });
    usableParent(ctx, parentId);
  }
  if (unit.active) assertNoActiveSibling(ctx, unit.agencyId, parentId, unit.name, unit.id);
  ctx.db.transaction((tx) => {
    tx.update(units).set({ parentId }).where(eq(units.id, unit.id)).run();
    writeAudit(tx, ctx, { action: "unit.moved", entityType: "unit", entityId: unit.id, before: { parentId: unit.parentId }, after: { parentId } });
  });
  return { id: unit.id };
}

/**
 * Deactivates a unit that is no longer used. Refused while active units or active positions remain in it:
 * they would be left hanging in a unit nobody can pick any more.
 */
export function deactivateUnit(ctx: Ctx, unitId: number): { id: number } {
  const unit = manageableUnit(ctx, unitId);
  if (!unit.active) throw new DomainError("conflict", "units.alreadyInactive");
  const children = ctx.db.select({ n: count() }).from(units).where(and(eq(units.parentId, unit.id), eq(units.active, true))).get()?.n ?? 0;
  if (children > 0) throw new DomainError("conflict", "units.hasActiveChildren", { count: children });
  const posts = ctx.db.select({ n: count() }).from(positions).where(and(eq(positions.unitId, unit.id), eq(positions.active, true))).get()?.n ?? 0;
  if (posts > 0) throw new DomainError("conflict", "units.hasActivePositions", { count: posts });
  ctx.db.transaction((tx) => {
    tx.update(units).set({ active: false }).where(eq(units.id, unit.id)).run();
    writeAudit(tx, ctx, { action: "unit.deactivated", entityType: "unit", entityId: unit.id, before: { active: true }, after: { active: false } });
  });
  return { id: unit.id };
}

/** Reactivates a unit; its parent must be active, so the active part of the tree stays connected. */
export function reactivateUnit(ctx: Ctx, unitId: number): { id: number } {
  const unit = manageableUnit(ctx, unitId);
  if (unit.active) throw new DomainError("conflict", "units.alreadyActive");
  if (unit.parentId != null) {
    const parent = ctx.db.select({ active: units.active }).from(units).where(eq(units.id, unit.parentId)).get();
    if (!parent?.active) throw new DomainError("conflict", "units.parentInactive");
  }
  assertNoActiveSibling(ctx, unit.agencyId, unit.parentId, unit.name, unit.id);
  ctx.db.transaction((tx) => {
    tx.update(units).set({ active: true }).where(eq(units.id, unit.id)).run();
    writeAudit(tx, ctx, { action: "unit.reactivated", entityType: "unit", entityId: unit.id, before: { active: false }, after: { active: true } });
  });
  return { id: unit.id };
}
