import "server-only";
import { and, eq, gt, count, min } from "drizzle-orm";
import { agencies, employees, signInFailures, userSessions } from "@/db/schema";
import type { AnonymousCtx, Ctx } from "@/lib/context";
import { writeAudit } from "@/lib/audit/write-audit";
import { normalizeNip } from "@/lib/org/nip";
import { localDate } from "@/lib/time";
import { spendPasswordCheckTime, verifyPassword } from "./password";
import { activeAssignments, createSession, deleteSession } from "./sessions";

/** Throttling: failures counted over a sliding window, per account and per IP address. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 30 } as const;

export type SignInResult =
  | { ok: true; sessionId: string; employeeId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

function identifierKey(identifier: string): string {
  const trimmed = identifier.trim().toLowerCase();
  return trimmed.includes("@") ? trimmed : normalizeNip(trimmed);
}

function failuresSince(ctx: AnonymousCtx, column: typeof signInFailures.identifier | typeof signInFailures.ip, value: string) {
  const since = new Date(ctx.now.getTime() - THROTTLE.windowMinutes * 60_000);
  const row = ctx.db
    .select({ n: count(), first: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(eq(column, value), gt(signInFailures.at, since)))
    .get();
  return { n: row?.n ?? 0, first: row?.first ?? null };
}

function retryAfter(ctx: AnonymousCtx, first: Date | null): number {
  if (!first) return THROTTLE.windowMinutes;
  const until = first.getTime() + THROTTLE.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((until - ctx.now.getTime()) / 60_000));
}

/**
 * Checks NIP-or-e-mail and password. Unknown account, wrong password and deactivated account all give the
 * same answer, and cost the same time, so the form does not reveal which NIPs exist.
 */
export function signIn(ctx: AnonymousCtx, input: { identifier: string; password: string }): SignInResult {
  const key = identifierKey(input.identifier).slice(0, 200);
  const byAccount = failuresSince(ctx, signInFailures.identifier, key);
  const byIp = failuresSince(ctx, signInFailures.ip, ctx.request.ip);
  if (byAccount.n >= THROTTLE.perAccount || byIp.n >= THROTTLE.perIp) {
    const minutes = retryAfter(ctx, byAccount.n >= THROTTLE.perAccount ? byAccount.first : byIp.first);
    ctx.db.transaction((tx) =>
      writeAudit(tx, ctx, { action: "auth.sign_in_throttled", entityType: "account", entityId: key }),
    );
    return { ok: false, reason: "throttled", retryAfterMinutes: minutes };
  }

  const employee = ctx.db
    .select()
    .from(employees)
    .where(key.includes("@") ? eq(employees.email, key) : eq(employees.nip, key))
    .get();
  const passwordOk = employee ? verifyPassword(input.password, employee.passwordHash) : (spendPasswordCheckTime(input.password), false);

  if (!employee || !passwordOk || !employee.active) {
    ctx.db.transaction((tx) => {
      tx.insert(signInFailures).values({ identifier: key, ip: ctx.request.ip, at: ctx.now }).run();
      writeAudit(tx, ctx, {
        action: "auth.sign_in_failed",
        entityType: "account",
        entityId: employee ? employee.id : key,
        agencyId: employee?.agencyId ?? null,
        after: { reason: !employee ? "unknown" : !passwordOk ? "password" : "inactive" },
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const agency = ctx.db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, employee.agencyId)).get();
  const held = activeAssignments(ctx.db, employee.id, localDate(ctx.now, agency?.timeZone ?? "Asia/Jakarta"));
  const sessionId = ctx.db.transaction((tx) => {
    tx.delete(signInFailures).where(eq(signInFailures.identifier, key)).run();
    const id = createSession(tx, employee.id, held[0]?.assignmentId ?? null, ctx.request, ctx.now);
    writeAudit(tx, ctx, {
      action: "auth.sign_in",
      entityType: "employee",
      entityId: employee.id,
      agencyId: employee.agencyId,
      actorEmployeeId: employee.id,
    });
    return id;
  });
  return { ok: true, sessionId, employeeId: employee.id };
}

export function signOut(ctx: Ctx): void {
  ctx.db.transaction((tx) => {
    deleteSession(tx, ctx.actor.sessionId);
    writeAudit(tx, ctx, { action: "auth.sign_out", entityType: "employee", entityId: ctx.actor.employeeId });
  });
}

/** Sessions that an employee still has; used by tests and the account page. */
export function sessionCount(ctx: Ctx | AnonymousCtx, employeeId: number): number {
  return ctx.db.select({ n: count() }).from(userSessions).where(eq(userSessions.employeeId, employeeId)).get()?.n ?? 0;
}
