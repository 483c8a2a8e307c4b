import "server-only";
import { and, eq, gte, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, employees, positions, userSessions, type AssignmentKind } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { displayName } from "./display-name";
import { agencyToday } from "./org-queries";

// Rules for who holds which post when (DOMAIN.md: definitif / Plt / Plh):
// - a person has at most one own post (definitif) at any time;
// - a person may act (Plt/Plh) in other posts while holding their own: that is the point of Plt/Plh;
// - a person holds one position through at most one assignment at a time;
// - a leader post (head of a unit) has one definitif holder and one acting holder at a time. Staff posts such
//   as "Pranata Komputer" are held by many people at once, so they are not limited.

type Reader = Db | Tx;
type Assignment = typeof assignments.$inferSelect;

/** Far-future stand-in for an open end date; ISO dates compare correctly as text. */
const OPEN_END = "9999-12-31";

export type AssignmentDraft = {
  positionId: number;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
  decreeNumber: string;
};

export type AssignablePosition = { id: number; agencyId: number; name: string; isLeader: boolean; unitId: number };

/** An active position of the agency, or a field error on `positionId`. */
export function assignablePosition(db: Reader, agencyId: number, positionId: number): AssignablePosition {
  const position = db
    .select({ id: positions.id, agencyId: positions.agencyId, name: positions.name, isLeader: positions.isLeader, unitId: positions.unitId, active: positions.active })
    .from(positions)
    .where(eq(positions.id, positionId))
    .get();
  if (!position || position.agencyId !== agencyId || !position.active) throw invalid({ positionId: "assignments.positionNotFound" });
  return position;
}

/** Assignments overlapping the date range [start, end] (end null = open), optionally filtered. */
function overlapping(db: Reader, where: ReturnType<typeof and>, startDate: string, endDate: string | null) {
  return db
    .select({ assignment: assignments, employee: { name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack } })
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(
      and(
        where,
        lte(assignments.startDate, endDate ?? OPEN_END),
        gte(sql`coalesce(${assignments.endDate}, ${OPEN_END})`, startDate),
      ),
    )
    .all();
}

/**
 * Message keys (by form field) of the reasons a planned assignment cannot be recorded, checked against the
 * assignments already in the database. `employeeId` null means a person not yet created (no own assignments).
 */
export function assignmentProblems(
  db: Reader,
  employeeId: number | null,
  position: AssignablePosition,
  draft: AssignmentDraft,
  excludeAssignmentId?: number,
): { fieldErrors: Record<string, string>; message?: { key: string; params: Record<string, string> } } {
  const fieldErrors: Record<string, string> = {};
  if (draft.endDate && draft.endDate < draft.startDate) fieldErrors.endDate = "assignments.endBeforeStart";
  if (draft.kind !== "definitif" && !draft.decreeNumber.trim()) fieldErrors.decreeNumber = "assignments.decreeRequired";
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };

  const notExcluded = excludeAssignmentId ? ne(assignments.id, excludeAssignmentId) : undefined;
  if (employeeId != null) {
    const own = overlapping(db, and(eq(assignments.employeeId, employeeId), notExcluded), draft.startDate, draft.endDate);
    if (own.some((o) => o.assignment.positionId === position.id)) fieldErrors.positionId = "assignments.samePositionOverlap";
    else if (draft.kind === "definitif" && own.some((o) => o.assignment.kind === "definitif")) {
      fieldErrors.startDate = "assignments.overlapsOwnDefinitif";
    }
  }
  if (position.isLeader && !fieldErrors.positionId) {
    const others = overlapping(
      db,
      and(eq(assignments.positionId, position.id), employeeId != null ? ne(assignments.employeeId, employeeId) : undefined, notExcluded),
      draft.startDate,
      draft.endDate,
    );
    const sameKind = others.find((o) => (draft.kind === "definitif") === (o.assignment.kind === "definitif"));
    if (sameKind) {
      // Field messages carry no parameters; the form's main message names the holder.
      const key = draft.kind === "definitif" ? "assignments.positionHeld" : "assignments.actingHeld";
      fieldErrors.positionId = key;
      return { fieldErrors, message: { key: `${key}By`, params: { holder: displayName(sameKind.employee) } } };
    }
  }
  return { fieldErrors };
}

/** Throws the problems of a planned assignment as one DomainError (main message = the first problem). */
export function assertAssignmentAllowed(db: Reader, employeeId: number | null, position: AssignablePosition, draft: AssignmentDraft, excludeAssignmentId?: number): void {
  const { fieldErrors, message } = assignmentProblems(db, employeeId, position, draft, excludeAssignmentId);
  const first = Object.values(fieldErrors)[0];
  if (first) throw new DomainError("invalid", message?.key ?? first, message?.params ?? {}, fieldErrors);
}

export const assignmentSnapshot = (a: Pick<Assignment, "employeeId" | "positionId" | "kind" | "startDate" | "endDate" | "decreeNumber">) => ({
  employeeId: a.employeeId,
  positionId: a.positionId,
  kind: a.kind,
  startDate: a.startDate,
  endDate: a.endDate,
  decreeNumber: a.decreeNumber,
});

function manageableEmployee(ctx: Ctx, employeeId: number) {
  assertCan(ctx.actor, "employee.manage");
  const employee = ctx.db.select({ id: employees.id, agencyId: employees.agencyId, active: employees.active }).from(employees).where(eq(employees.id, employeeId)).get();
  if (!employee) throw notFound();
  assertCan(ctx.actor, "employee.manage", employee);
  return employee;
}

function manageableAssignment(ctx: Ctx, assignmentId: number): Assignment & { agencyId: number } {
  assertCan(ctx.actor, "employee.manage");
  const row = ctx.db
    .select({ assignment: assignments, agencyId: employees.agencyId })
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!row) throw notFound();
  assertCan(ctx.actor, "employee.manage", row);
  return { ...row.assignment, agencyId: row.agencyId };
}

/** Records that an employee holds (definitif) or acts in (Plt/Plh) a position from a date. */
export function addAssignment(ctx: Ctx, input: AssignmentDraft & { employeeId: number }): { assignmentId: number } {
  const employee = manageableEmployee(ctx, input.employeeId);
  if (!employee.active) throw new DomainError("invalid", "assignments.employeeInactive");
  const position = assignablePosition(ctx.db, employee.agencyId, input.positionId);
  const draft: AssignmentDraft = { ...input, decreeNumber: input.decreeNumber.trim() };
  return ctx.db.transaction((tx) => {
    // Checked inside the transaction so that two admins cannot both fill the same leader post.
    assertAssignmentAllowed(tx, employee.id, position, draft);
    const row = tx
      .insert(assignments)
      .values({ employeeId: employee.id, positionId: position.id, kind: draft.kind, startDate: draft.startDate, endDate: draft.endDate, decreeNumber: draft.decreeNumber, createdAt: ctx.now })
      .returning()
      .get();
    writeAudit(tx, ctx, { action: "assignment.created", entityType: "assignment", entityId: row.id, after: assignmentSnapshot(row) });
    return { assignmentId: row.id };
  });
}

/**
 * Ends an assignment on the given date (the last day it is in force). An end date may be set or brought
 * forward, never pushed later: extending could collide with whoever took the post since.
 */
export function endAssignment(ctx: Ctx, input: { assignmentId: number; endDate: string }): { employeeId: number } {
  const assignment = manageableAssignment(ctx, input.assignmentId);
  if (input.endDate < assignment.startDate) throw invalid({ endDate: "assignments.endBeforeStart" });
  if (assignment.endDate && input.endDate > assignment.endDate) throw invalid({ endDate: "assignments.cannotExtend" });
  if (assignment.endDate === input.endDate) return { employeeId: assignment.employeeId };
  ctx.db.transaction((tx) => {
    tx.update(assignments).set({ endDate: input.endDate }).where(eq(assignments.id, assignment.id)).run();
    writeAudit(tx, ctx, {
      action: "assignment.ended",
      entityType: "assignment",
      entityId: assignment.id,
      before: { endDate: assignment.endDate },
      after: { endDate: input.endDate },
    });
  });
  return { employeeId: assignment.employeeId };
}

/**
 * Deletes an assignment entered by mistake. Only one that starts today or later: one that was in force on
 * an earlier day is history (letters were received under it) and can only be ended.
 */
export function removeAssignment(ctx: Ctx, input: { assignmentId: number }): { employeeId: number } {
  const assignment = manageableAssignment(ctx, input.assignmentId);
  const today = agencyToday(ctx.db, assignment.agencyId, ctx.now);
  if (assignment.startDate < today) throw new DomainError("invalid", "assignments.alreadyStarted");
  try {
    ctx.db.transaction((tx) => {
      // Sessions acting under it fall back to the person's other posts (see loadActor).
      tx.update(userSessions).set({ actingAssignmentId: null }).where(eq(userSessions.actingAssignmentId, assignment.id)).run();
      tx.delete(assignments).where(eq(assignments.id, assignment.id)).run();
      writeAudit(tx, ctx, { action: "assignment.removed", entityType: "assignment", entityId: assignment.id, before: assignmentSnapshot(assignment) });
    });
  } catch (error) {
    // Another table (a letter, a signature) already points at it: it must be ended instead.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw new DomainError("invalid", "assignments.inUse");
    throw error;
  }
  return { employeeId: assignment.employeeId };
}
