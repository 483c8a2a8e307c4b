import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, employeeRoles, employees, ROLES, type Role } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import { revokeSessions } from "@/lib/auth/sessions";
import { hashPassword, hashPasswordAsync, TEMPORARY_PASSWORD_COST } from "@/lib/auth/password";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { assertAssignmentAllowed, assignablePosition, assignmentSnapshot } from "./assignments";
import { displayName } from "./display-name";
import { GRADE_CODES } from "./grades";
import { nikProblem, nipProblem, normalizeNip } from "./nip";
import { agencyToday } from "./org-queries";

type Reader = Db | Tx;
export type Employee = typeof employees.$inferSelect;

/** The fields an admin edits on the employee form. Strings are already trimmed; e-mail lower-cased. */
export type EmployeeFields = {
  nip: string;
  nik: string | null;
  name: string;
  titleFront: string;
  titleBack: string;
  grade: string;
  email: string | null;
  phone: string;
};

export type CreateEmployeeInput = EmployeeFields & { roles: Role[]; positionId: number | null };

export type IssuedPassword = { employeeId: number; nip: string; displayName: string; temporaryPassword: string };

// ---------------------------------------------------------------------------------------------------------
// Temporary passwords

// No 0/O/o, 1/l/I: the admin reads the password out or writes it on paper.
const TEMPORARY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
export const TEMPORARY_PASSWORD_LENGTH = 12;

/** 12 characters from 55 (about 69 bits), with at least one letter and one digit, from the CSPRNG. */
export function generateTemporaryPassword(): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++) out += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
    if (/[0-9]/.test(out) && /[A-Za-z]/.test(out)) return out;
  }
}

export const hashTemporaryPassword = (password: string) => hashPassword(password, TEMPORARY_PASSWORD_COST);

/** Hashes many on the thread pool in batches, so a large import does not block other requests. */
export async function hashTemporaryPasswords(passwords: string[]): Promise<string[]> {
  const out: string[] = [];
  const BATCH = 64;
  for (let i = 0; i < passwords.length; i += BATCH) {
    out.push(...(await Promise.all(passwords.slice(i, i + BATCH).map((p) => hashPasswordAsync(p, TEMPORARY_PASSWORD_COST)))));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Validation shared by the form, the import and the lib functions

/** NIK is personal data and the audit log is append-only: keep only enough to see that it changed. */
export function maskNik(nik: string | null): string | null {
  return nik ? `${"*".repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}` : null;
}

/** What the audit log keeps of an employee: never the password hash, NIK masked. */
export function employeeSnapshot(e: Pick<Employee, keyof EmployeeFields | "active" | "mustChangePassword">) {
  return {
    nip: e.nip,
    nik: maskNik(e.nik),
    name: e.name,
    titleFront: e.titleFront,
    titleBack: e.titleBack,
    grade: e.grade,
    email: e.email,
    phone: e.phone,
    active: e.active,
    mustChangePassword: e.mustChangePassword,
  };
}

/** Field errors (message keys) of rules the database alone cannot express. */
function fieldProblems(fields: EmployeeFields): Record<string, string> {
  const errors: Record<string, string> = {};
  const nip = nipProblem(fields.nip);
  if (nip) errors.nip = nip;
  if (fields.nik) {
    const nik = nikProblem(fields.nik);
    if (nik) errors.nik = nik;
  }
  if (!fields.name.trim()) errors.name = "validation.required";
  if (fields.grade !== "" && !(GRADE_CODES as readonly string[]).includes(fields.grade)) errors.grade = "employees.gradeUnknown";
  return errors;
}

function cleanFields(fields: EmployeeFields): EmployeeFields {
  return {
    nip: normalizeNip(fields.nip),
    nik: fields.nik ? fields.nik.replace(/\s+/g, "") : null,
    name: fields.name.trim(),
    titleFront: fields.titleFront.trim(),
    titleBack: fields.titleBack.trim(),
    grade: fields.grade,
    email: fields.email ? fields.email.trim().toLowerCase() : null,
    phone: fields.phone.trim(),
  };
}

/** Which of NIP, NIK and e-mail already belong to someone else (in any agency: they identify a person). */
export function identityConflicts(db: Reader, fields: Pick<EmployeeFields, "nip" | "nik" | "email">, exceptEmployeeId?: number): Record<string, string> {
  const others = (condition: SQL) =>
    db
      .select({ id: employees.id })
      .from(employees)
      .where(exceptEmployeeId ? and(condition, ne(employees.id, exceptEmployeeId)) : condition)
      .get();
  const errors: Record<string, string> = {};
  if (others(eq(employees.nip, fields.nip))) errors.nip = "employees.nipTaken";
  if (fields.nik && others(eq(employees.nik, fields.nik))) errors.nik = "employees.nikTaken";
  if (fields.email && others(sql`lower(${employees.email}) = ${fields.email}`)) errors.email = "employees.emailTaken";
  return errors;
}

/** The unique indexes are the last word when two admins save at once: map their refusal to the field. */
function rethrowUniqueViolation(error: unknown): never {
  const e = error as { code?: string; message?: string };
  if (e.code === "SQLITE_CONSTRAINT_UNIQUE") {
    if (e.message?.includes("employees.nip")) throw invalid({ nip: "employees.nipTaken" });
    if (e.message?.includes("employees.nik")) throw invalid({ nik: "employees.nikTaken" });
    if (e.message?.includes("employees.email")) throw invalid({ email: "employees.emailTaken" });
  }
  throw error;
}

function cleanRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

function rolesOf(db: Reader, employeeId: number): Role[] {
  const held = db.select({ role: employeeRoles.role }).from(employeeRoles).where(eq(employeeRoles.employeeId, employeeId)).all();
  return cleanRoles(held.map((r) => r.role));
}

/** Loads an employee the actor may manage: missing → not found, another agency's → forbidden. */
export function manageableEmployee(ctx: Ctx, employeeId: number): Employee {
  assertCan(ctx.actor, "employee.manage");
  const employee = ctx.db.select().from(employees).where(eq(employees.id, employeeId)).get();
  if (!employee) throw notFound();
  assertCan(ctx.actor, "employee.manage", employee);
  return employee;
}

// ---------------------------------------------------------------------------------------------------------
// Use cases

/**
 * Adds an employee to the actor's agency with a temporary password (returned once, never stored in the
 * clear) that must be changed at first sign-in; optionally their own post (definitif) from today.
 */
export function createEmployee(ctx: Ctx, input: CreateEmployeeInput): IssuedPassword {
  const agencyId = ctx.actor.agencyId;
  assertCan(ctx.actor, "employee.manage", { agencyId });
  const fields = cleanFields(input);
  const problems = { ...fieldProblems(fields), ...identityConflicts(ctx.db, fields) };
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const roles = cleanRoles(input.roles);
  const position = input.positionId == null ? null : assignablePosition(ctx.db, agencyId, input.positionId);
  const today = agencyToday(ctx.db, agencyId, ctx.now);
  const draft = position ? { positionId: position.id, kind: "definitif" as const, startDate: today, endDate: null, decreeNumber: "" } : null;

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = hashTemporaryPassword(temporaryPassword);
  try {
    return ctx.db.transaction((tx) => {
      if (position && draft) assertAssignmentAllowed(tx, null, position, draft);
      const row = tx
        .insert(employees)
        .values({ ...fields, agencyId, passwordHash, mustChangePassword: true, active: true, createdAt: ctx.now })
        .returning()
        .get();
      for (const role of roles) tx.insert(employeeRoles).values({ employeeId: row.id, role }).run();
      const assignment =
        position && draft
          ? tx.insert(assignments).values({ ...draft, employeeId: row.id, createdAt: ctx.now }).returning().get()
          : null;
      writeAudit(tx, ctx, {
        action: "employee.created",
        entityType: "employee",
        entityId: row.id,
        after: { ...employeeSnapshot(row), roles, assignment: assignment ? { id: assignment.id, ...assignmentSnapshot(assignment) } : null },
      });
      return { employeeId: row.id, nip: row.nip, displayName: displayName(row), temporaryPassword };
    });
  } catch (error) {
    rethrowUniqueViolation(error);
  }
}

/** Corrects an employee's data, NIP included. Records only the fields that changed. */
export function updateEmployee(ctx: Ctx, input: EmployeeFields & { employeeId: number }): { changed: boolean } {
  const before = manageableEmployee(ctx, input.employeeId);
  const fields = cleanFields(input);
  const problems = { ...fieldProblems(fields), ...identityConflicts(ctx.db, fields, before.id) };
  if (Object.keys(problems).length > 0) throw invalid(problems);
  const changedKeys = (Object.keys(fields) as (keyof EmployeeFields)[]).filter((key) => fields[key] !== before[key]);
  if (changedKeys.length === 0) return { changed: false };
  const beforeView = employeeSnapshot(before);
  const afterView = employeeSnapshot({ ...before, ...fields });
  const pick = (view: typeof beforeView) => Object.fromEntries(changedKeys.map((key) => [key, view[key]]));
  try {
    ctx.db.transaction((tx) => {
      tx.update(employees).set(fields).where(eq(employees.id, before.id)).run();
      writeAudit(tx, ctx, { action: "employee.updated", entityType: "employee", entityId: before.id, before: pick(beforeView), after: pick(afterView) });
    });
  } catch (error) {
    rethrowUniqueViolation(error);
  }
  return { changed: true };
}

/**
 * Stops an employee from signing in: every session ends at once. Their assignments stay as history; the
 * admin ends them when the post is handed over.
 */
export function deactivateEmployee(ctx: Ctx, input: { employeeId: number }): void {
  const employee = manageableEmployee(ctx, input.employeeId);
  if (employee.id === ctx.actor.employeeId) throw new DomainError("invalid", "employees.cannotDeactivateSelf");
  if (!employee.active) throw new DomainError("conflict", "employees.alreadyInactive");
  ctx.db.transaction((tx) => {
    tx.update(employees).set({ active: false }).where(eq(employees.id, employee.id)).run();
    revokeSessions(tx, employee.id);
    writeAudit(tx, ctx, { action: "employee.deactivated", entityType: "employee", entityId: employee.id, before: { active: true }, after: { active: false } });
  });
}

export function reactivateEmployee(ctx: Ctx, input: { employeeId: number }): void {
  const employee = manageableEmployee(ctx, input.employeeId);
  if (employee.active) throw new DomainError("conflict", "employees.alreadyActive");
  ctx.db.transaction((tx) => {
    tx.update(employees).set({ active: true }).where(eq(employees.id, employee.id)).run();
    writeAudit(tx, ctx, { action: "employee.reactivated", entityType: "employee", entityId: employee.id, before: { active: false }, after: { active: true } });
  });
}

/**
 * Replaces a forgotten password with a temporary one (returned once) that must be changed at next sign-in;
 * every session of the employee ends. Admins change their own password on the account page instead.
 */
export function resetEmployeePassword(ctx: Ctx, input: { employeeId: number }): IssuedPassword {
  const employee = manageableEmployee(ctx, input.employeeId);
  if (employee.id === ctx.actor.employeeId) throw new DomainError("invalid", "employees.cannotResetSelf");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = hashTemporaryPassword(temporaryPassword);
  ctx.db.transaction((tx) => {
    tx.update(employees).set({ passwordHash, mustChangePassword: true }).where(eq(employees.id, employee.id)).run();
    revokeSessions(tx, employee.id);
    writeAudit(tx, ctx, {
      action: "employee.password_reset",
      entityType: "employee",
      entityId: employee.id,
      before: { mustChangePassword: employee.mustChangePassword },
      after: { mustChangePassword: true },
    });
  });
  return { employeeId: employee.id, nip: employee.nip, displayName: displayName(employee), temporaryPassword };
}

/** Sets the extra roles. An admin cannot drop their own admin role (the agency could lock itself out). */
export function setEmployeeRoles(ctx: Ctx, input: { employeeId: number; roles: readonly string[] }): { changed: boolean } {
  const employee = manageableEmployee(ctx, input.employeeId);
  const roles = cleanRoles(input.roles);
  const before = rolesOf(ctx.db, employee.id);
  if (employee.id === ctx.actor.employeeId && before.includes("agency_admin") && !roles.includes("agency_admin")) {
    throw invalid({ role_agency_admin: "employees.cannotRemoveOwnAdmin" }, "employees.cannotRemoveOwnAdmin");
  }
  if (before.length === roles.length && before.every((role) => roles.includes(role))) return { changed: false };
  ctx.db.transaction((tx) => {
    tx.delete(employeeRoles).where(eq(employeeRoles.employeeId, employee.id)).run();
    for (const role of roles) tx.insert(employeeRoles).values({ employeeId: employee.id, role }).run();
    writeAudit(tx, ctx, { action: "employee.roles_changed", entityType: "employee", entityId: employee.id, before: { roles: before }, after: { roles } });
  });
  return { changed: true };
}
