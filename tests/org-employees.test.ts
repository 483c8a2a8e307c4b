import fs from "node:fs";
import { beforeEach, describe, expect, test } from "vitest";
import fc from "fast-check";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, employeeRoles, employees, userSessions } from "@/db/schema";
import { passwordProblem, verifyPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { hasMessage, translator } from "@/lib/i18n/catalog";
import {
  createEmployee,
  deactivateEmployee,
  generateTemporaryPassword,
  hashTemporaryPassword,
  reactivateEmployee,
  resetEmployeePassword,
  setEmployeeRoles,
  updateEmployee,
  type CreateEmployeeInput,
} from "@/lib/org/employees";
import { EMPLOYEES_PAGE_SIZE, getEmployeeDetail, listEmployees } from "@/lib/org/employee-queries";
import { addAssignmentSchema, confirmedEmployeeSchema, createEmployeeSchema, rolesFromForm } from "@/app/(app)/admin/pegawai/form-schemas";
import { formDataToObject } from "@/lib/actions/form-data";
import { TEST_NOW, TEST_PASSWORD, actorFor, addEmployee, createFixtureOrg, ctxFor, freshDb, nextNip } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const auditRows = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const employeeRow = (id: number) => db.select().from(employees).where(eq(employees.id, id)).get()!;
const employeeCount = () => db.select({ n: count() }).from(employees).get()!.n;
const auditCount = () => db.select({ n: count() }).from(auditLog).get()!.n;

const newEmployee = (over: Partial<CreateEmployeeInput> = {}): CreateEmployeeInput => ({
  nip: nextNip(),
  nik: null,
  name: "Siti Aminah",
  titleFront: "",
  titleBack: "S.Kom.",
  grade: "III/a",
  email: null,
  phone: "081234567890",
  roles: [],
  positionId: null,
  ...over,
});

const fieldsOf = (id: number) => {
  const e = employeeRow(id);
  return { employeeId: id, nip: e.nip, nik: e.nik, name: e.name, titleFront: e.titleFront, titleBack: e.titleBack, grade: e.grade, email: e.email, phone: e.phone };
};

describe("temporary passwords", () => {
  test("12 characters from the unambiguous alphabet, always acceptable as a password", () => {
    fc.assert(
      fc.property(fc.constant(null), () => {
        const password = generateTemporaryPassword();
        expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
        expect(passwordProblem(password)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  test("hashed in the format verifyPassword reads", () => {
    const password = generateTemporaryPassword();
    const hash = hashTemporaryPassword(password);
    expect(hash.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(verifyPassword(password, hash)).toBe(true);
    expect(verifyPassword(password + "x", hash)).toBe(false);
  });
});

describe("createEmployee", () => {
  test("creates the employee with a temporary password, roles, today's post and one audit row", () => {
    const ctx = ctxFor(db, org.employees.admin);
    const nip = nextNip();
    const result = createEmployee(
      ctx,
      newEmployee({ nip: `${nip.slice(0, 8)} ${nip.slice(8)}`, nik: "3510011506850001", email: "Siti@Uji.go.id", roles: ["records_clerk"], positionId: org.positions.staff }),
    );
    expect(result.nip).toBe(nip);
    expect(result.displayName).toBe("Siti Aminah, S.Kom.");
    const row = employeeRow(result.employeeId);
    expect(row).toMatchObject({ agencyId: org.agencyA, nip, nik: "3510011506850001", email: "siti@uji.go.id", active: true, mustChangePassword: true, grade: "III/a" });
    expect(verifyPassword(result.temporaryPassword, row.passwordHash)).toBe(true);
    expect(db.select().from(employeeRoles).where(eq(employeeRoles.employeeId, row.id)).all().map((r) => r.role)).toEqual(["records_clerk"]);
    const held = db.select().from(assignments).where(eq(assignments.employeeId, row.id)).all();
    expect(held).toMatchObject([{ positionId: org.positions.staff, kind: "definitif", startDate: "2026-11-27", endDate: null }]);

    const [audit] = auditRows("employee.created");
    expect(audit).toMatchObject({ entityType: "employee", entityId: String(row.id), actorEmployeeId: org.employees.admin, agencyId: org.agencyA });
    expect(audit.after).not.toContain(row.passwordHash);
    expect(audit.after).not.toContain(result.temporaryPassword);
    expect(audit.after).not.toContain("3510011506850001");
    expect(JSON.parse(audit.after!)).toMatchObject({ nip, nik: "************0001", roles: ["records_clerk"], assignment: { positionId: org.positions.staff, kind: "definitif" } });
  });

  test("the new employee can sign in only to change the password", () => {
    const result = createEmployee(ctxFor(db, org.employees.admin), newEmployee());
    expect(actorFor(db, result.employeeId).mustChangePassword).toBe(true);
  });

  test("refused for a non-admin: nothing written", () => {
    const before = { employees: employeeCount(), audit: auditCount() };
    const error = errorOf(() => createEmployee(ctxFor(db, org.employees.staff), newEmployee()));
    expect(error.code).toBe("forbidden");
    expect({ employees: employeeCount(), audit: auditCount() }).toEqual(before);
  });

  test("duplicate NIP, NIK or e-mail (any case) are field errors", () => {
    const ctx = ctxFor(db, org.employees.admin);
    createEmployee(ctx, newEmployee({ nik: "3510011506850001" }));
    const staffNip = employeeRow(org.employees.staff).nip;
    expect(errorOf(() => createEmployee(ctx, newEmployee({ nip: staffNip }))).fieldErrors).toEqual({ nip: "employees.nipTaken" });
    expect(errorOf(() => createEmployee(ctx, newEmployee({ email: "staf@uji.go.id" }))).fieldErrors).toEqual({ email: "employees.emailTaken" });
    expect(errorOf(() => createEmployee(ctx, newEmployee({ email: "STAF@UJI.GO.ID" }))).fieldErrors).toEqual({ email: "employees.emailTaken" });
    expect(errorOf(() => createEmployee(ctx, newEmployee({ nik: "3510011506850001" }))).fieldErrors).toEqual({ nik: "employees.nikTaken" });
    // NIPs are unique across agencies: a NIP identifies the person.
    const otherAgencyNip = employeeRow(org.employees.adminB).nip;
    expect(errorOf(() => createEmployee(ctx, newEmployee({ nip: otherAgencyNip }))).fieldErrors).toEqual({ nip: "employees.nipTaken" });
  });

  test("bad NIP, grade and someone else's position are refused", () => {
    const ctx = ctxFor(db, org.employees.admin);
    expect(errorOf(() => createEmployee(ctx, newEmployee({ nip: "19850615201003100" }))).fieldErrors).toEqual({ nip: "nip.wrongLength" });
    expect(errorOf(() => createEmployee(ctx, newEmployee({ grade: "V/a" }))).fieldErrors).toEqual({ grade: "employees.gradeUnknown" });
    expect(errorOf(() => createEmployee(ctx, newEmployee({ positionId: org.positions.positionB }))).fieldErrors).toEqual({ positionId: "assignments.positionNotFound" });
  });

  test("a leader post already held is refused, naming the holder; nothing written", () => {
    const before = employeeCount();
    const error = errorOf(() => createEmployee(ctxFor(db, org.employees.admin), newEmployee({ positionId: org.positions.head })));
    expect(error.fieldErrors).toEqual({ positionId: "assignments.positionHeld" });
    expect(error.messageKey).toBe("assignments.positionHeldBy");
    expect(error.params).toEqual({ holder: "Kepala Uji" });
    expect(employeeCount()).toBe(before);
  });
});

describe("updateEmployee", () => {
  test("corrects fields (NIP too) and audits only what changed", () => {
    const newNip = nextNip();
    const result = updateEmployee(ctxFor(db, org.employees.admin), { ...fieldsOf(org.employees.staff), nip: newNip, titleFront: "Dr.", grade: "III/c" });
    expect(result.changed).toBe(true);
    expect(employeeRow(org.employees.staff)).toMatchObject({ nip: newNip, titleFront: "Dr.", grade: "III/c", name: "Staf Uji" });
    const [audit] = auditRows("employee.updated");
    expect(JSON.parse(audit.before!)).toEqual({ nip: expect.any(String), titleFront: "", grade: "" });
    expect(JSON.parse(audit.after!)).toEqual({ nip: newNip, titleFront: "Dr.", grade: "III/c" });
  });

  test("no change, no audit row", () => {
    expect(updateEmployee(ctxFor(db, org.employees.admin), fieldsOf(org.employees.staff))).toEqual({ changed: false });
    expect(auditRows("employee.updated")).toHaveLength(0);
  });

  test("another employee's e-mail is refused", () => {
    const error = errorOf(() => updateEmployee(ctxFor(db, org.employees.admin), { ...fieldsOf(org.employees.head), email: "staf@uji.go.id" }));
    expect(error.fieldErrors).toEqual({ email: "employees.emailTaken" });
  });

  test("refused for a non-admin and for another agency's admin: nothing changed", () => {
    const before = employeeRow(org.employees.staff);
    for (const actor of [org.employees.staff, org.employees.adminB]) {
      const error = errorOf(() => updateEmployee(ctxFor(db, actor), { ...fieldsOf(org.employees.staff), name: "Diubah" }));
      expect(error.code).toBe("forbidden");
    }
    expect(employeeRow(org.employees.staff)).toEqual(before);
    expect(auditRows("employee.updated")).toHaveLength(0);
  });

  test("missing employee: not found", () => {
    expect(errorOf(() => updateEmployee(ctxFor(db, org.employees.admin), { ...fieldsOf(org.employees.staff), employeeId: 9999 })).code).toBe("not_found");
  });
});

describe("deactivate and reactivate", () => {
  test("deactivation ends every session at once and is audited", () => {
    const staffActor = actorFor(db, org.employees.staff);
    expect(loadActor(db, staffActor.sessionId, TEST_NOW)).not.toBeNull();
    deactivateEmployee(ctxFor(db, org.employees.admin), { employeeId: org.employees.staff });
    expect(employeeRow(org.employees.staff).active).toBe(false);
    expect(loadActor(db, staffActor.sessionId, TEST_NOW)).toBeNull();
    expect(db.select().from(userSessions).where(eq(userSessions.employeeId, org.employees.staff)).all()).toHaveLength(0);
    // Assignments stay as history.
    expect(db.select().from(assignments).where(eq(assignments.employeeId, org.employees.staff)).all()).toHaveLength(1);
    expect(auditRows("employee.deactivated")).toMatchObject([{ entityId: String(org.employees.staff), after: JSON.stringify({ active: false }) }]);
  });

  test("an admin cannot deactivate themselves", () => {
    const error = errorOf(() => deactivateEmployee(ctxFor(db, org.employees.admin), { employeeId: org.employees.admin }));
    expect(error.messageKey).toBe("employees.cannotDeactivateSelf");
    expect(employeeRow(org.employees.admin).active).toBe(true);
  });

  test("refused for a non-admin and for another agency's admin", () => {
    const session = actorFor(db, org.employees.head).sessionId;
    for (const actor of [org.employees.staff, org.employees.adminB]) {
      expect(errorOf(() => deactivateEmployee(ctxFor(db, actor), { employeeId: org.employees.head })).code).toBe("forbidden");
    }
    expect(employeeRow(org.employees.head).active).toBe(true);
    expect(loadActor(db, session, TEST_NOW)).not.toBeNull();
    expect(auditRows("employee.deactivated")).toHaveLength(0);
  });

  test("reactivation lets the employee sign in again; twice is a conflict", () => {
    const admin = ctxFor(db, org.employees.admin);
    deactivateEmployee(admin, { employeeId: org.employees.staff });
    expect(errorOf(() => deactivateEmployee(admin, { employeeId: org.employees.staff })).code).toBe("conflict");
    expect(errorOf(() => reactivateEmployee(ctxFor(db, org.employees.adminB), { employeeId: org.employees.staff })).code).toBe("forbidden");
    reactivateEmployee(admin, { employeeId: org.employees.staff });
    expect(employeeRow(org.employees.staff).active).toBe(true);
    expect(actorFor(db, org.employees.staff).employeeId).toBe(org.employees.staff);
    expect(errorOf(() => reactivateEmployee(admin, { employeeId: org.employees.staff })).code).toBe("conflict");
    expect(auditRows("employee.reactivated")).toHaveLength(1);
  });
});

describe("resetEmployeePassword", () => {
  test("issues a new temporary password, forces a change and ends every session", () => {
    const staffSession = actorFor(db, org.employees.staff).sessionId;
    const result = resetEmployeePassword(ctxFor(db, org.employees.admin), { employeeId: org.employees.staff });
    const row = employeeRow(org.employees.staff);
    expect(row.mustChangePassword).toBe(true);
    expect(verifyPassword(result.temporaryPassword, row.passwordHash)).toBe(true);
    expect(verifyPassword(TEST_PASSWORD, row.passwordHash)).toBe(false);
    expect(loadActor(db, staffSession, TEST_NOW)).toBeNull();
    const [audit] = auditRows("employee.password_reset");
    expect(`${audit.before}${audit.after}`).not.toMatch(/scrypt|\$/);
    expect(`${audit.before}${audit.after}`).not.toContain(result.temporaryPassword);
  });

  test("refused for oneself, a non-admin and another agency's admin", () => {
    const hash = employeeRow(org.employees.staff).passwordHash;
    expect(errorOf(() => resetEmployeePassword(ctxFor(db, org.employees.admin), { employeeId: org.employees.admin })).messageKey).toBe("employees.cannotResetSelf");
    expect(errorOf(() => resetEmployeePassword(ctxFor(db, org.employees.head), { employeeId: org.employees.staff })).code).toBe("forbidden");
    expect(errorOf(() => resetEmployeePassword(ctxFor(db, org.employees.adminB), { employeeId: org.employees.staff })).code).toBe("forbidden");
    expect(employeeRow(org.employees.staff).passwordHash).toBe(hash);
    expect(auditRows("employee.password_reset")).toHaveLength(0);
  });
});

describe("setEmployeeRoles", () => {
  const rolesOf = (id: number) => db.select().from(employeeRoles).where(eq(employeeRoles.employeeId, id)).all().map((r) => r.role).sort();

  test("grants and removes roles, audited", () => {
    const admin = ctxFor(db, org.employees.admin);
    setEmployeeRoles(admin, { employeeId: org.employees.staff, roles: ["records_clerk", "agency_admin"] });
    expect(rolesOf(org.employees.staff)).toEqual(["agency_admin", "records_clerk"]);
    setEmployeeRoles(admin, { employeeId: org.employees.staff, roles: [] });
    expect(rolesOf(org.employees.staff)).toEqual([]);
    const audits = auditRows("employee.roles_changed");
    expect(audits.map((a) => a.after)).toEqual([JSON.stringify({ roles: ["agency_admin", "records_clerk"] }), JSON.stringify({ roles: [] })]);
    // Unknown role names are ignored; no change, no audit.
    expect(setEmployeeRoles(admin, { employeeId: org.employees.staff, roles: ["superuser"] })).toEqual({ changed: false });
    expect(auditRows("employee.roles_changed")).toHaveLength(2);
  });

  test("an admin cannot remove their own admin role, but may add another role", () => {
    const admin = ctxFor(db, org.employees.admin);
    const error = errorOf(() => setEmployeeRoles(admin, { employeeId: org.employees.admin, roles: ["records_clerk"] }));
    expect(error.messageKey).toBe("employees.cannotRemoveOwnAdmin");
    expect(rolesOf(org.employees.admin)).toEqual(["agency_admin"]);
    setEmployeeRoles(admin, { employeeId: org.employees.admin, roles: ["agency_admin", "records_clerk"] });
    expect(rolesOf(org.employees.admin)).toEqual(["agency_admin", "records_clerk"]);
  });

  test("refused for a non-admin (no self-promotion) and for another agency's admin", () => {
    expect(errorOf(() => setEmployeeRoles(ctxFor(db, org.employees.staff), { employeeId: org.employees.staff, roles: ["agency_admin"] })).code).toBe("forbidden");
    expect(errorOf(() => setEmployeeRoles(ctxFor(db, org.employees.adminB), { employeeId: org.employees.staff, roles: ["agency_admin"] })).code).toBe("forbidden");
    expect(rolesOf(org.employees.staff)).toEqual([]);
  });
});

describe("listEmployees and getEmployeeDetail", () => {
  const list = (actor: number, filter: Parameters<typeof listEmployees>[1] = {}) => listEmployees({ db, actor: actorFor(db, actor), now: TEST_NOW }, filter);

  test("the agency's active employees by name, with their posts today (Plt marked)", () => {
    db.insert(assignments)
      .values({ employeeId: org.employees.staff, positionId: org.positions.regent, kind: "plt", startDate: "2026-11-01", decreeNumber: "800/1/2026" })
      .run();
    const result = list(org.employees.admin);
    expect(result.rows.map((r) => r.displayName)).toEqual(["Admin Uji", "Kepala Uji", "Staf Uji"]);
    expect(result.total).toBe(3);
    const staff = result.rows.find((r) => r.id === org.employees.staff)!;
    expect(staff.posts).toMatchObject([
      { kind: "definitif", positionName: "Pranata Komputer", unitName: "Dinas Kominfo" },
      { kind: "plt", positionName: "Bupati", unitName: "Pemerintah Kabupaten Uji" },
    ]);
    expect(list(org.employees.adminB).rows.map((r) => r.displayName)).toEqual(["Admin Lain"]);
  });

  test("search by part of the name, NIP prefix (with spaces) or e-mail", () => {
    expect(list(org.employees.admin, { q: "kepala" }).rows.map((r) => r.id)).toEqual([org.employees.head]);
    const nip = employeeRow(org.employees.staff).nip;
    expect(list(org.employees.admin, { q: `${nip.slice(0, 8)} ${nip.slice(8, 16)}` }).rows.map((r) => r.id)).toContain(org.employees.staff);
    expect(list(org.employees.admin, { q: nip }).rows.map((r) => r.id)).toEqual([org.employees.staff]);
    expect(list(org.employees.admin, { q: "STAF@uji" }).rows.map((r) => r.id)).toEqual([org.employees.staff]);
    expect(list(org.employees.admin, { q: "%" }).rows).toEqual([]);
  });

  test("filter by unit includes the units below; filter by status", () => {
    expect(list(org.employees.admin, { unitId: org.units.dinas }).total).toBe(3);
    expect(list(org.employees.admin, { unitId: org.units.root }).total).toBe(3);
    db.update(employees).set({ active: false }).where(eq(employees.id, org.employees.head)).run();
    expect(list(org.employees.admin).rows.map((r) => r.id)).not.toContain(org.employees.head);
    expect(list(org.employees.admin, { status: "inactive" }).rows.map((r) => r.id)).toEqual([org.employees.head]);
    expect(list(org.employees.admin, { status: "all" }).total).toBe(3);
    // A unit of another agency matches nobody.
    expect(list(org.employees.admin, { unitId: org.units.rootB }).total).toBe(0);
  });

  test("paginated by 50", () => {
    for (let i = 0; i < 55; i++) addEmployee(db, org.agencyA, { name: `Pegawai ${String(i).padStart(2, "0")}` });
    const first = list(org.employees.admin, { page: 1 });
    expect(first.rows).toHaveLength(EMPLOYEES_PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    const second = list(org.employees.admin, { page: 2 });
    expect(second.rows).toHaveLength(58 - EMPLOYEES_PAGE_SIZE);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(58);
    expect(list(org.employees.admin, { page: 99 }).page).toBe(2);
  });

  test("only for admins of the same agency", () => {
    expect(errorOf(() => list(org.employees.staff)).code).toBe("forbidden");
    const detail = getEmployeeDetail({ db, actor: actorFor(db, org.employees.admin), now: TEST_NOW }, org.employees.staff);
    expect(detail).toMatchObject({ displayName: "Staf Uji", roles: [], today: "2026-11-27", assignments: [{ kind: "definitif", status: "current" }] });
    expect(detail).not.toHaveProperty("passwordHash");
    expect(errorOf(() => getEmployeeDetail({ db, actor: actorFor(db, org.employees.adminB), now: TEST_NOW }, org.employees.staff)).code).toBe("forbidden");
    expect(errorOf(() => getEmployeeDetail({ db, actor: actorFor(db, org.employees.admin), now: TEST_NOW }, 9999)).code).toBe("not_found");
  });
});

test("audit rows carry the acting admin and request", () => {
  createEmployee(ctxFor(db, org.employees.admin), newEmployee());
  const rows = db.select().from(auditLog).where(and(eq(auditLog.action, "employee.created"), eq(auditLog.actorEmployeeId, org.employees.admin))).all();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ ip: "203.0.113.7", userAgent: "vitest", at: TEST_NOW });
});

describe("form schemas of the employee pages", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return formDataToObject(data);
  };
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
  const base = { nip: "19850615 201003 1 001", nik: "", name: " Budi ", titleFront: "", titleBack: "", grade: "", email: "", phone: "" };

  test("create: NIP spaces removed, empty optionals become null, ticked roles become roles", () => {
    const parsed = createEmployeeSchema.parse(form({ ...base, role_records_clerk: "on", positionId: "" }));
    expect(parsed).toMatchObject({ nip: "198506152010031001", nik: null, name: "Budi", email: null, positionId: null });
    expect(rolesFromForm(parsed)).toEqual(["records_clerk"]);
  });

  test("create: field errors are catalog keys", () => {
    const result = createEmployeeSchema.safeParse(form({ ...base, nip: "1985", nik: "123", name: "", grade: "V/z", email: "x@", phone: "12" }));
    expect(issuesOf(result)).toEqual({
      nip: "nip.wrongLength",
      nik: "nik.wrongFormat",
      name: "validation.required",
      grade: "employees.gradeUnknown",
      email: "validation.email",
      phone: "validation.phone",
    });
  });

  test("deactivation and reset need the confirmation box", () => {
    expect(issuesOf(confirmedEmployeeSchema.safeParse(form({ employeeId: "5" })))).toEqual({ confirm: "employees.confirmRequired" });
    expect(confirmedEmployeeSchema.parse(form({ employeeId: "5", confirm: "on" }))).toEqual({ employeeId: 5, confirm: true });
  });

  test("assignment: a position must be chosen; the end date is optional", () => {
    const result = addAssignmentSchema.safeParse(form({ employeeId: "5", positionId: "", kind: "plt", startDate: "2026-12-01", endDate: "", decreeNumber: "" }));
    expect(issuesOf(result)).toEqual({ positionId: "validation.required" });
    const ok = addAssignmentSchema.parse(form({ employeeId: "5", positionId: "3", kind: "plh", startDate: "2026-12-01", endDate: "", decreeNumber: " SP/1 " }));
    expect(ok).toEqual({ employeeId: 5, positionId: 3, kind: "plh", startDate: "2026-12-01", endDate: null, decreeNumber: "SP/1" });
  });
});

test("every message key used by the employee modules and pages exists in both catalogs", () => {
  const files = [
    "lib/org/employees.ts",
    "lib/org/employee-queries.ts",
    "lib/org/assignments.ts",
    "lib/org/employee-import.ts",
    "lib/org/import-file.ts",
    ...fs.readdirSync("app/(app)/admin/pegawai", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") || f.endsWith(".tsx")).map((f) => `app/(app)/admin/pegawai/${f}`),
    ...fs.readdirSync("components/admin/employees").map((f) => `components/admin/employees/${f}`),
  ];
  const keys = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/["`]((?:employees|assignments|employeeImport|nip|nik|validation|errors|common|adminHome)\.[A-Za-z_.]+)["`]/g)) keys.add(m[1]);
    // t(`employeeImport.${key}`) in the import page
    for (const m of source.matchAll(/\bk\("([A-Za-z_.]+)"\)/g)) keys.add(`employeeImport.${m[1]}`);
  }
  // Keys built at run time from enum values.
  for (const s of ["active", "inactive", "all"]) keys.add(`employees.status.${s}`);
  for (const s of ["current", "upcoming", "ended"]) keys.add(`assignments.status.${s}`);
  for (const k of ["definitif", "plt", "plh"]) keys.add(`assignments.kindOption.${k}`);
  for (const f of ["nip", "name", "position", "unit", "email", "phone"]) keys.add(`employeeImport.columns.${f}`);
  // Not message keys: the columns named in SQLite's "UNIQUE constraint failed: employees.nip".
  for (const column of ["employees.nip", "employees.nik", "employees.email"]) keys.delete(column);
  expect(keys.size).toBeGreaterThan(80);
  const en = translator("en");
  const missing = [...keys].filter((key) => !hasMessage(key) || en(key) === key);
  expect(missing).toEqual([]);
});
