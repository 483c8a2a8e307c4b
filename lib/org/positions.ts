import "server-only";
import { and, count, eq } from "drizzle-orm";
import { positions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { agencyToday, currentHolders, subordinatePositionIds } from "./org-queries";
import { manageableUnit, type Unit } from "./units";

export type Position = typeof positions.$inferSelect;

type Flags = { isLeader: boolean; mayDisposition: boolean; maySign: boolean };

const NAME_MAX = 200;

/** Loads a position the actor may manage: permission first, then missing → not found, another agency's → forbidden. */
export function manageablePosition(ctx: Ctx, positionId: number): Position {
  assertCan(ctx.actor, "org.manage");
  const position = ctx.db.select().from(positions).where(eq(positions.id, positionId)).get();
  if (!position) throw notFound();
  assertCan(ctx.actor, "org.manage", position);
  return position;
}

function cleanName(raw: string): string {
  const name = raw.trim();
  if (!name) throw invalid({ name: "validation.required" });
  if (name.length > NAME_MAX) throw invalid({ name: "validation.tooLong" });
  return name;
}

function usableUnit(ctx: Ctx, unitId: number): Unit {
  const unit = manageableUnit(ctx, unitId);
  if (!unit.active) throw invalid({ unitId: "positions.unitInactive" });
  return unit;
}

function usableSuperior(ctx: Ctx, superiorId: number): Position {
  const superior = manageablePosition(ctx, superiorId);
  if (!superior.active) throw invalid({ superiorId: "positions.superiorInactive" });
  return superior;
}

const snapshot = (p: Position) => ({
  name: p.name,
  unitId: p.unitId,
  superiorId: p.superiorId,
  isLeader: p.isLeader,
  mayDisposition: p.mayDisposition,
  maySign: p.maySign,
  active: p.active,
});

export function createPosition(ctx: Ctx, input: { name: string; unitId: number; superiorId: number | null } & Flags): { id: number } {
  const unit = usableUnit(ctx, input.unitId);
  if (input.superiorId != null) usableSuperior(ctx, input.superiorId);
  const name = cleanName(input.name);
  return ctx.db.transaction((tx) => {
    const row = tx
      .insert(positions)
      .values({
        agencyId: unit.agencyId,
        unitId: unit.id,
        name,
        superiorId: input.superiorId,
        isLeader: input.isLeader,
        mayDisposition: input.mayDisposition,
        maySign: input.maySign,
        createdAt: ctx.now,
      })
      .returning()
      .get();
    writeAudit(tx, ctx, { action: "position.created", entityType: "position", entityId: row.id, after: snapshot(row) });
    return { id: row.id };
  });
}

/** Changes name, unit and flags. The superior is set separately because it needs the cycle check. */
export function updatePosition(ctx: Ctx, positionId: number, input: { name: string; unitId: number } & Flags): { id: number } {
  const position = manageablePosition(ctx, positionId);
  if (input.unitId !== position.unitId) usableUnit(ctx, input.unitId);
  const changes = { name: cleanName(input.name), unitId: input.unitId, isLeader: input.isLeader, mayDisposition: input.mayDisposition, maySign: input.maySign };
  const before = { name: position.name, unitId: position.unitId, isLeader: position.isLeader, mayDisposition: position.mayDisposition, maySign: position.maySign };
  if (JSON.stringify(before) === JSON.stringify(changes)) return { id: position.id };
  ctx.db.transaction((tx) => {
    tx.update(positions).set(changes).where(eq(positions.id, position.id)).run();
    writeAudit(tx, ctx, { action: "position.updated", entityType: "position", entityId: position.id, before, after: changes });
  });
  return { id: position.id };
}

/** Sets (or clears) the superior position; refuses a chain that would lead back to the position itself. */
export function setPositionSuperior(ctx: Ctx, positionId: number, input: { superiorId: number | null }): { id: number } {
  const position = manageablePosition(ctx, positionId);
  const superiorId = input.superiorId;
  if (superiorId === position.superiorId) return { id: position.id };
  if (superiorId != null) {
    if (superiorId === position.id || subordinatePositionIds(ctx.db, position.id).includes(superiorId)) {
      throw invalid({ superiorId: "positions.cycle" });
    }
    usableSuperior(ctx, superiorId);
  }
  ctx.db.transaction((tx) => {
    tx.update(positions).set({ superiorId }).where(eq(positions.id, position.id)).run();
    writeAudit(tx, ctx, {
      action: "position.superior_changed",
      entityType: "position",
      entityId: position.id,
      before: { superiorId: position.superiorId },
      after: { superiorId },
    });
  });
  return { id: position.id };
}

/**
 * Deactivates a post. Refused while anyone holds it today or is scheduled to (their inbox would vanish
 * silently), and while active positions still report to it (their chain of command would break).
 */
export function deactivatePosition(ctx: Ctx, positionId: number): { id: number } {
  const position = manageablePosition(ctx, positionId);
  if (!position.active) throw new DomainError("conflict", "positions.alreadyInactive");
  const today = agencyToday(ctx.db, position.agencyId, ctx.now);
  const holders = currentHolders(ctx.db, [position.id], today, true).get(position.id) ?? [];
  if (holders.length > 0) {
    throw new DomainError("conflict", "positions.hasHolders", { names: [...new Set(holders.map((h) => h.name))].join(", ") });
  }
  const subordinates =
    ctx.db
      .select({ n: count() })
      .from(positions)
      .where(and(eq(positions.superiorId, position.id), eq(positions.active, true)))
      .get()?.n ?? 0;
  if (subordinates > 0) throw new DomainError("conflict", "positions.hasSubordinates", { count: subordinates });
  ctx.db.transaction((tx) => {
    tx.update(positions).set({ active: false }).where(eq(positions.id, position.id)).run();
    writeAudit(tx, ctx, { action: "position.deactivated", entityType: "position", entityId: position.id, before: { active: true }, after: { active: false } });
  });
  return { id: position.id };
}

/** Reactivates a post; its unit and its superior (if any) must be active. */
export function reactivatePosition(ctx: Ctx, positionId: number): { id: number } {
  const position = manageablePosition(ctx, positionId);
  if (position.active) throw new DomainError("conflict", "positions.alreadyActive");
  const unit = manageableUnit(ctx, position.unitId);
  if (!unit.active) throw new DomainError("conflict", "positions.unitInactive");
  if (position.superiorId != null) {
    const superior = ctx.db.select({ active: positions.active }).from(positions).where(eq(positions.id, position.superiorId)).get();
    if (!superior?.active) throw new DomainError("conflict", "positions.superiorInactive");
  }
  ctx.db.transaction((tx) => {
    tx.update(positions).set({ active: true }).where(eq(positions.id, position.id)).run();
    writeAudit(tx, ctx, { action: "position.reactivated", entityType: "position", entityId: position.id, before: { active: false }, after: { active: true } });
  });
  return { id: position.id };
}
