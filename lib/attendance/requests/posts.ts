import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { assignments, positions } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { inForceOn } from "@/lib/org/assignment-in-force";

// Who approves whose request. Requests belong to posts, not people: the approver is the post above the employee's
// own post when they submit, and whoever holds that post on the day of the decision decides (its own holder, or a
// Plt/Plh acting in it). Dates of assignments are local dates in the agency's zone, as everywhere in the org.

const KIND_ORDER = { definitif: 0, plt: 1, plh: 2 } as const;

// Today in the agency's time zone (the date assignments are judged in force on) is lib/org's agencyToday.
export { agencyToday } from "@/lib/org/org-queries";

/** The employee's assignments in force on `today`, own post (definitif) first, then Plt, then Plh. */
export function assignmentsInForce(db: DbOrTx, employeeId: number, today: string) {
  return db
    .select({ assignmentId: assignments.id, positionId: assignments.positionId, kind: assignments.kind, superiorId: positions.superiorId, startDate: assignments.startDate })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(and(eq(assignments.employeeId, employeeId), inForceOn(today), eq(positions.active, true)))
    .orderBy(asc(assignments.startDate), asc(assignments.id))
    .all()
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/**
 * The post that approves the employee's requests: the superior of their own post (the definitif assignment in
 * force), or of the post they act in when they have no own post. Null when that post has no superior (the regent)
 * or the employee holds no post at all.
 */
export function approverPositionFor(db: DbOrTx, employeeId: number, today: string): number | null {
  const own = assignmentsInForce(db, employeeId, today)[0];
  return own?.superiorId ?? null;
}

/** The assignment under which the employee holds the post today (own post before Plt before Plh), or null. */
export function holdingAssignment(db: DbOrTx, employeeId: number, positionId: number | null, today: string): { assignmentId: number; kind: string } | null {
  if (positionId == null) return null;
  return assignmentsInForce(db, employeeId, today).find((a) => a.positionId === positionId) ?? null;
}

/** Every post the employee holds today, in any capacity. */
export function heldPositionIds(db: DbOrTx, employeeId: number, today: string): number[] {
  return [...new Set(assignmentsInForce(db, employeeId, today).map((a) => a.positionId))];
}
