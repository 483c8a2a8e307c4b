import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, employees, userSessions } from "@/db/schema";
import type { Db } from "@/db";
import { signIn, THROTTLE } from "@/lib/auth/sign-in";
import { loadActor } from "@/lib/auth/sessions";
import { changeOwnPassword, switchActingAssignment } from "@/lib/auth/account";
import { hashPassword, verifyPassword, passwordProblem } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { assignments } from "@/db/schema";
import { createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_PASSWORD, TEST_REQUEST } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;
const anon = (now = TEST_NOW, ip = TEST_REQUEST.ip) => ({ db, now, request: { ...TEST_REQUEST, ip } });
const nipOf = (id: number) => db.select().from(employees).where(eq(employees.id, id)).get()!.nip;
const auditActions = () => db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action);

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

describe("password hashing", () => {
  it("verifies the right password only, with a per-user salt", () => {
    const a = hashPassword("Sandi-Rahasia-1");
    const b = hashPassword("Sandi-Rahasia-1");
    expect(a).not.toBe(b);
    expect(verifyPassword("Sandi-Rahasia-1", a)).toBe(true);
    expect(verifyPassword("Sandi-Rahasia-2", a)).toBe(false);
    expect(a.startsWith("scrypt$")).toBe(true);
  });

  it("enforces the strength rule", () => {
    expect(passwordProblem("pendek1")).toBe("password.tooShort");
    expect(passwordProblem("hanyahurufsaja")).toBe("password.needsLetterAndDigit");
    expect(passwordProblem("Cukup-Panjang-2026")).toBeNull();
  });
});

describe("sign-in", () => {
  it("accepts NIP (with spaces) or e-mail and creates a server-side session and audit row", () => {
    const nip = nipOf(org.employees.staff);
    const spaced = `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
    const byNip = signIn(anon(), { identifier: spaced, password: TEST_PASSWORD });
    expect(byNip.ok).toBe(true);
    const byEmail = signIn(anon(), { identifier: "STAF@uji.go.id", password: TEST_PASSWORD });
    expect(byEmail.ok).toBe(true);
    if (!byNip.ok) throw new Error("unreachable");
    const actor = loadActor(db, byNip.sessionId, TEST_NOW);
    expect(actor?.employeeId).toBe(org.employees.staff);
    expect(actor?.acting?.positionName).toBe("Pranata Komputer");
    expect(auditActions().filter((a) => a === "auth.sign_in")).toHaveLength(2);
  });

  it("gives the same answer for unknown account, wrong password and deactivated account", () => {
    db.update(employees).set({ active: false }).where(eq(employees.id, org.employees.head)).run();
    const unknown = signIn(anon(), { identifier: "199001012015031999", password: TEST_PASSWORD });
    const wrong = signIn(anon(), { identifier: nipOf(org.employees.staff), password: "salah-sandi-1" });
    const inactive = signIn(anon(), { identifier: nipOf(org.employees.head), password: TEST_PASSWORD });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(inactive).toEqual(unknown);
    expect(db.select().from(userSessions).all()).toHaveLength(0);
    expect(auditActions().filter((a) => a === "auth.sign_in_failed")).toHaveLength(3);
  });

  it("throttles an account after repeated failures, even with the right password, until the window passes", () => {
    const nip = nipOf(org.employees.staff);
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect(signIn(anon(), { identifier: nip, password: `salah-${i}` }).ok).toBe(false);
    }
    const blocked = signIn(anon(), { identifier: nip, password: TEST_PASSWORD });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (blocked.ok || blocked.reason !== "throttled") throw new Error("unreachable");
    expect(blocked.retryAfterMinutes).toBeGreaterThan(0);
    expect(blocked.retryAfterMinutes).toBeLessThanOrEqual(THROTTLE.windowMinutes);
    expect(auditActions()).toContain("auth.sign_in_throttled");
    // Another account from another address is not affected.
    expect(signIn(anon(TEST_NOW, "198.51.100.1"), { identifier: "admin@uji.go.id", password: TEST_PASSWORD }).ok).toBe(true);
    const later = new Date(TEST_NOW.getTime() + (THROTTLE.windowMinutes + 1) * 60_000);
    expect(signIn(anon(later), { identifier: nip, password: TEST_PASSWORD }).ok).toBe(true);
  });

  it("throttles an IP address that guesses across many accounts", () => {
    for (let i = 0; i < THROTTLE.perIp; i++) {
      signIn(anon(), { identifier: `19800101200501100${i % 10}${i}`, password: "tebak-tebak-1" });
    }
    const blocked = signIn(anon(), { identifier: nipOf(org.employees.staff), password: TEST_PASSWORD });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect(signIn(anon(TEST_NOW, "198.51.100.2"), { identifier: nipOf(org.employees.staff), password: TEST_PASSWORD }).ok).toBe(true);
  });

  it("ends the session when the employee is deactivated or the session expires", () => {
    const result = signIn(anon(), { identifier: "staf@uji.go.id", password: TEST_PASSWORD });
    if (!result.ok) throw new Error("sign-in failed");
    expect(loadActor(db, result.sessionId, new Date(TEST_NOW.getTime() + 13 * 3600_000))).toBeNull();
    db.update(employees).set({ active: false }).where(eq(employees.id, org.employees.staff)).run();
    expect(loadActor(db, result.sessionId, TEST_NOW)).toBeNull();
  });
});

describe("changing one's password", () => {
  it("requires the old password, applies the rule, clears the forced change and revokes other sessions", () => {
    db.update(employees).set({ mustChangePassword: true }).where(eq(employees.id, org.employees.staff)).run();
    const other = signIn(anon(), { identifier: "staf@uji.go.id", password: TEST_PASSWORD });
    const ctx = ctxFor(db, org.employees.staff);
    expect(ctx.actor.mustChangePassword).toBe(true);

    expect(() => changeOwnPassword(ctx, { oldPassword: "keliru-123", newPassword: "Baru-Sekali-2026", confirmPassword: "Baru-Sekali-2026" })).toThrow(DomainError);
    expect(() => changeOwnPassword(ctx, { oldPassword: TEST_PASSWORD, newPassword: "pendek1", confirmPassword: "pendek1" })).toThrow(DomainError);
    expect(() => changeOwnPassword(ctx, { oldPassword: TEST_PASSWORD, newPassword: "Baru-Sekali-2026", confirmPassword: "Lain-Sekali-2026" })).toThrow(DomainError);
    expect(verifyPassword(TEST_PASSWORD, db.select().from(employees).where(eq(employees.id, org.employees.staff)).get()!.passwordHash)).toBe(true);

    changeOwnPassword(ctx, { oldPassword: TEST_PASSWORD, newPassword: "Baru-Sekali-2026", confirmPassword: "Baru-Sekali-2026" });
    const row = db.select().from(employees).where(eq(employees.id, org.employees.staff)).get()!;
    expect(row.mustChangePassword).toBe(false);
    expect(verifyPassword("Baru-Sekali-2026", row.passwordHash)).toBe(true);
    if (!other.ok) throw new Error("sign-in failed");
    expect(loadActor(db, other.sessionId, TEST_NOW)).toBeNull();
    expect(loadActor(db, ctx.actor.sessionId, TEST_NOW)).not.toBeNull();
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "employee.password_changed")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toBeNull();
    expect(audit[0].after).toBeNull();
  });
});

describe("acting assignment", () => {
  it("lets an employee act in a Plh post they hold, and never in one they do not", () => {
    const plh = db
      .insert(assignments)
      .values({ employeeId: org.employees.staff, positionId: org.positions.head, kind: "plh", startDate: "2026-11-20", endDate: "2026-12-31", decreeNumber: "800/1/2026" })
      .returning()
      .get();
    const ctx = ctxFor(db, org.employees.staff);
    expect(ctx.actor.assignments.map((a) => a.kind)).toEqual(["definitif", "plh"]);
    expect(ctx.actor.acting?.kind).toBe("definitif");
    switchActingAssignment(ctx, plh.id);
    const after = loadActor(db, ctx.actor.sessionId, TEST_NOW);
    expect(after?.acting?.assignmentId).toBe(plh.id);
    expect(after?.acting?.positionName).toBe("Kepala Dinas Kominfo");

    const someoneElses = db.select().from(assignments).where(eq(assignments.employeeId, org.employees.head)).get()!;
    expect(() => switchActingAssignment(ctx, someoneElses.id)).toThrow(expect.objectContaining({ code: "forbidden" }));
    // The Plh post lapses after its end date.
    expect(loadActor(db, ctx.actor.sessionId, new Date("2027-01-01T02:00:00Z"))).toBeNull(); // session expired too
    const later = ctxFor(db, org.employees.staff, new Date("2027-01-02T02:00:00Z"));
    expect(later.actor.assignments.map((a) => a.kind)).toEqual(["definitif"]);
  });
});
