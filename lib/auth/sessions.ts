import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { prepared } from "@/db/prepared";
import { agencies, assignments, employeeRoles, employees, positions, units, userSessions, type Role } from "@/db/schema";
import { localDate } from "@/lib/time";
import { displayName } from "@/lib/org/display-name";
import type { Actor, ActorAssignment } from "./actor";
import type { Tx } from "@/lib/context";
import { inForceOn } from "@/lib/org/assignment-in-force";

export const SESSION_HOURS = 12;

/** Assignments of an employee that are in force on the given local date, own post (definitif) first. */
export function activeAssignments(db: Db | Tx, employeeId: number, today: string): ActorAssignment[] {
  const query = prepared(db, "activeAssignments", () =>
    db
      .select({
      assignmentId: assignments.id,
      kind: assignments.kind,
      positionId: positions.id,
      positionName: positions.name,
      unitId: units.id,
      unitName: units.name,
      })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .innerJoin(units, eq(units.id, positions.unitId))
      .where(and(eq(assignments.employeeId, sql.placeholder("employeeId")), inForceOn(sql.placeholder("today")), eq(positions.active, true)))
      .prepare(),
  );
  const rows = query.all({ employeeId, today });
  const order = { definitif: 0, plt: 1, plh: 2 } as const;
  return rows.sort((a, b) => order[a.kind] - order[b.kind] || a.assignmentId - b.assignmentId);
}

export function createSession(
  tx: Tx,
  employeeId: number,
  actingAssignmentId: number | null,
  request: { ip: string; userAgent: string },
  now: Date,
): string {
  const id = randomBytes(32).toString("base64url");
  tx.insert(userSessions)
    .values({
      id,
      employeeId,
      actingAssignmentId,
      ip: request.ip.slice(0, 64),
      userAgent: request.userAgent.slice(0, 300),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    })
    .run();
  return id;
}

/** Ends every session of an employee: after a password change or reset, or deactivation. */
export function revokeSessions(tx: Tx, employeeId: number, exceptSessionId?: string): void {
  const rows = tx.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.employeeId, employeeId)).all();
  for (const row of rows) {
    if (row.id !== exceptSessionId) tx.delete(userSessions).where(eq(userSessions.id, row.id)).run();
  }
}

export function deleteSession(tx: Tx, sessionId: string): void {
  tx.delete(userSessions).where(eq(userSessions.id, sessionId)).run();
}

/**
 * Resolves a session id to the acting employee, or null when the session was revoked, expired, or the
 * employee deactivated. Read on every request, so revocation takes effect immediately.
 */
export function loadActor(db: Db, sessionId: string, now: Date): Actor | null {
  const row = prepared(db, "loadActor.session", () =>
    db
      .select({ session: userSessions, employee: employees, timeZone: agencies.timeZone })
      .from(userSessions)
      .innerJoin(employees, eq(employees.id, userSessions.employeeId))
      .innerJoin(agencies, eq(agencies.id, employees.agencyId))
      .where(and(eq(userSessions.id, sql.placeholder("sessionId")), gt(userSessions.expiresAt, sql.placeholder("now"))))
      .prepare(),
  ).get({ sessionId, now: now.getTime() });
  if (!row || !row.employee.active) return null;
  const { employee, session } = row;
  const held = activeAssignments(db, employee.id, localDate(now, row.timeZone));
  const roles = prepared(db, "loadActor.roles", () =>
    db
      .select({ role: employeeRoles.role })
      .from(employeeRoles)
      .where(eq(employeeRoles.employeeId, sql.placeholder("employeeId")))
      .prepare(),
  )
    .all({ employeeId: employee.id })
    .map((r) => r.role as Role);
  const acting = held.find((a) => a.assignmentId === session.actingAssignmentId) ?? held[0] ?? null;
  return {
    employeeId: employee.id,
    agencyId: employee.agencyId,
    sessionId,
    nip: employee.nip,
    displayName: displayName(employee),
    roles: new Set(roles),
    locale: employee.locale,
    mustChangePassword: employee.mustChangePassword,
    assignments: held,
    acting,
  };
}
