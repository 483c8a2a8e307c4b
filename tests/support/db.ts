import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { migrateDatabase, openDatabase, type Db } from "@/db";
import { agencies, assignments, employeeRoles, employees, positions, units, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createSession, loadActor } from "@/lib/auth/sessions";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** A new, migrated database file of our real schema, one per call. */
export function freshDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-test-"));
  const db = openDatabase(path.join(dir, `${randomUUID()}.db`));
  migrateDatabase(db);
  return db;
}

export const TEST_PASSWORD = "Rahasia2026";
// One hash for all fixture employees: scrypt costs ~50 ms per call and the salt's uniqueness is not under test.
let fixtureHash: string | undefined;
const passwordHashForTests = () => (fixtureHash ??= hashPassword(TEST_PASSWORD));

export const TEST_NOW = new Date("2026-11-27T02:00:00Z"); // Friday 09.00 WIB
export const TEST_REQUEST = { ip: "203.0.113.7", userAgent: "vitest" };

let nipSerial = 1;
/** A well-formed NIP: born 1985-06-15, appointed 2010-03, male, unique serial. */
export function nextNip(): string {
  return `19850615201003${"1"}${String(nipSerial++).padStart(3, "0")}`;
}

export function addEmployee(
  db: Db,
  agencyId: number,
  fields: { name: string; roles?: Role[]; positionId?: number; email?: string; active?: boolean; mustChangePassword?: boolean },
): number {
  const id = db
    .insert(employees)
    .values({
      agencyId,
      nip: nextNip(),
      name: fields.name,
      email: fields.email ?? null,
      active: fields.active ?? true,
      passwordHash: passwordHashForTests(),
      mustChangePassword: fields.mustChangePassword ?? false,
    })
    .returning({ id: employees.id })
    .get().id;
  for (const role of fields.roles ?? []) db.insert(employeeRoles).values({ employeeId: id, role }).run();
  if (fields.positionId) {
    db.insert(assignments).values({ employeeId: id, positionId: fields.positionId, kind: "definitif", startDate: "2020-01-01" }).run();
  }
  return id;
}

/**
 * Two agencies. Agency A: root unit with the head's position, one dinas with its head and a staff post;
 * an admin, a head, a staff member. Agency B: an admin only, to prove cross-agency refusals.
 */
export function createFixtureOrg(db: Db) {
  const agencyA = db.insert(agencies).values({ name: "Pemerintah Kabupaten Uji", regionName: "Kabupaten Uji" }).returning().get();
  const agencyB = db.insert(agencies).values({ name: "Pemerintah Kabupaten Lain", regionName: "Kabupaten Lain" }).returning().get();
  const root = db.insert(units).values({ agencyId: agencyA.id, name: "Pemerintah Kabupaten Uji" }).returning().get();
  const dinas = db.insert(units).values({ agencyId: agencyA.id, parentId: root.id, name: "Dinas Kominfo", shortName: "DISKOMINFO" }).returning().get();
  const rootB = db.insert(units).values({ agencyId: agencyB.id, name: "Pemerintah Kabupaten Lain" }).returning().get();
  const regent = db.insert(positions).values({ agencyId: agencyA.id, unitId: root.id, name: "Bupati", isLeader: true, maySign: true, mayDisposition: true }).returning().get();
  const head = db
    .insert(positions)
    .values({ agencyId: agencyA.id, unitId: dinas.id, name: "Kepala Dinas Kominfo", superiorId: regent.id, isLeader: true, maySign: true, mayDisposition: true })
    .returning()
    .get();
  const staff = db.insert(positions).values({ agencyId: agencyA.id, unitId: dinas.id, name: "Pranata Komputer", superiorId: head.id }).returning().get();
  const positionB = db.insert(positions).values({ agencyId: agencyB.id, unitId: rootB.id, name: "Bupati Lain" }).returning().get();
  const adminId = addEmployee(db, agencyA.id, { name: "Admin Uji", roles: ["agency_admin"], positionId: staff.id, email: "admin@uji.go.id" });
  const headId = addEmployee(db, agencyA.id, { name: "Kepala Uji", positionId: head.id });
  const staffId = addEmployee(db, agencyA.id, { name: "Staf Uji", positionId: staff.id, email: "staf@uji.go.id" });
  const adminBId = addEmployee(db, agencyB.id, { name: "Admin Lain", roles: ["agency_admin"], positionId: positionB.id });
  return {
    agencyA: agencyA.id,
    agencyB: agencyB.id,
    units: { root: root.id, dinas: dinas.id, rootB: rootB.id },
    positions: { regent: regent.id, head: head.id, staff: staff.id, positionB: positionB.id },
    employees: { admin: adminId, head: headId, staff: staffId, adminB: adminBId },
  };
}

/** Signs the employee in (a real session row) and returns how lib sees them. */
export function actorFor(db: Db, employeeId: number, now = TEST_NOW): Actor {
  const sessionId = db.transaction((tx) => createSession(tx, employeeId, null, TEST_REQUEST, now));
  const actor = loadActor(db, sessionId, now);
  if (!actor) throw new Error("fixture employee cannot sign in");
  return actor;
}

export function ctxFor(db: Db, employeeId: number, now = TEST_NOW): Ctx {
  return { db, actor: actorFor(db, employeeId, now), now, request: TEST_REQUEST };
}
