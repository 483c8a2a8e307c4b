import "server-only";
import { eq } from "drizzle-orm";
import { employees, userSessions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/catalog";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { revokeSessions } from "./sessions";

/** Changes one's own password: the current one is required; every other session of this employee ends. */
export function changeOwnPassword(ctx: Ctx, input: { oldPassword: string; newPassword: string; confirmPassword: string }): void {
  const me = ctx.db.select().from(employees).where(eq(employees.id, ctx.actor.employeeId)).get();
  if (!me) throw new DomainError("not_found", "errors.notFound");
  if (!verifyPassword(input.oldPassword, me.passwordHash)) throw invalid({ oldPassword: "account.wrongOld" });
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid({ newPassword: problem });
  if (input.newPassword !== input.confirmPassword) throw invalid({ confirmPassword: "account.mismatch" });
  if (input.newPassword === input.oldPassword) throw invalid({ newPassword: "account.sameAsOld" });
  const passwordHash = hashPassword(input.newPassword);
  ctx.db.transaction((tx) => {
    tx.update(employees).set({ passwordHash, mustChangePassword: false }).where(eq(employees.id, me.id)).run();
    revokeSessions(tx, me.id, ctx.actor.sessionId);
    writeAudit(tx, ctx, { action: "employee.password_changed", entityType: "employee", entityId: me.id });
  });
}

export function setOwnLocale(ctx: Ctx, locale: Locale): void {
  ctx.db.transaction((tx) => {
    tx.update(employees).set({ locale }).where(eq(employees.id, ctx.actor.employeeId)).run();
    writeAudit(tx, ctx, {
      action: "employee.locale_changed",
      entityType: "employee",
      entityId: ctx.actor.employeeId,
      before: { locale: ctx.actor.locale },
      after: { locale },
    });
  });
}

/** Switches which of one's own active assignments the session acts under (own post, or a Plt/Plh post). */
export function switchActingAssignment(ctx: Ctx, assignmentId: number): { positionName: string } {
  const target = ctx.actor.assignments.find((a) => a.assignmentId === assignmentId);
  if (!target) throw new DomainError("forbidden", "errors.forbidden");
  ctx.db.transaction((tx) => {
    tx.update(userSessions).set({ actingAssignmentId: assignmentId }).where(eq(userSessions.id, ctx.actor.sessionId)).run();
    writeAudit(tx, ctx, {
      action: "session.acting_switched",
      entityType: "assignment",
      entityId: assignmentId,
      before: { assignmentId: ctx.actor.acting?.assignmentId ?? null },
      after: { assignmentId },
    });
  });
  return { positionName: target.positionName };
}
