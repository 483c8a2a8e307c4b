/**
 * The two actions that run before there is a usable session: sign-in (masuk), which has no actor at all and goes
 * through Auth.js, and the forced password change (ganti-kata-sandi), the one action allowed while a password change
 * is pending. Hostile and wrong input must be refused in Indonesian; the only writes a refused sign-in may make are
 * the failed-attempt counter and its audit row (the throttle depends on them).
 */
import path from "node:path";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../support/hostile-next")).nextCacheMock);

import type { Db } from "@/db";
import { employees, userSessions } from "@/db/schema";
import { THROTTLE } from "@/lib/auth/sign-in";
import { translator } from "@/lib/i18n/catalog";
import { changedTables, createHostileFixture, formOf, looksIndonesian, openHostileDb, runAction, signInAs, signOutAll, snapshot, type HostileFixture, type Outcome } from "../support/hostile";
import { setRequestHeader } from "../support/hostile-next";
import { HOSTILE_STRINGS } from "../support/hostile-inputs";
import { TEST_PASSWORD } from "../support/db";

type Action = (previous: never, form: FormData) => Promise<unknown>;
const t = translator("id");
const SIGN_IN_TABLES = ["sign_in_failures"]; // audit rows of failed sign-ins are left out of the snapshot (hostile.ts)

let db: Db;
let fx: HostileFixture;
let signInAction: Action;
let changePasswordAction: Action;
let signOutAction: () => Promise<void>;
let clientIp = 1;
/** A fresh client address, so one case's failures do not throttle the next case. */
const newClient = () => setRequestHeader("x-forwarded-for", `198.51.100.${(clientIp++ % 250) + 1}`);

const nipOf = (employeeId: number) => db.select().from(employees).where(eq(employees.id, employeeId)).get()!.nip;

function expectReadableRefusal(what: string, outcome: Outcome): string {
  if (outcome.kind === "crash") throw new Error(`${what} threw (a 500): ${(outcome.error as Error)?.stack}`);
  if (outcome.kind !== "error") throw new Error(`${what} was not refused: ${JSON.stringify(outcome).slice(0, 200)}`);
  for (const text of [outcome.state.message, ...Object.values(outcome.state.fieldErrors)]) {
    if (!looksIndonesian(text)) throw new Error(`${what}: not an Indonesian message: ${text}`);
  }
  return outcome.state.message;
}

beforeAll(async () => {
  db = openHostileDb();
  fx = await createHostileFixture(db);
  const masuk = await import(/* @vite-ignore */ path.join(process.cwd(), "app/(auth)/masuk/actions.ts"));
  const ganti = await import(/* @vite-ignore */ path.join(process.cwd(), "app/(auth)/ganti-kata-sandi/actions.ts"));
  const akun = await import(/* @vite-ignore */ path.join(process.cwd(), "app/(app)/akun/actions.ts"));
  signInAction = masuk.signInAction;
  changePasswordAction = ganti.changePasswordAction;
  signOutAction = akun.signOutAction;
}, 120_000);

describe("sign-in (masuk)", () => {
  it("refuses missing, oversized and hostile credentials in Indonesian, writing only the failure counter", async () => {
    signOutAll();
    const nip = nipOf(fx.people.outsider);
    const cases: [string, Record<string, unknown>][] = [
      ["no fields", {}],
      ["empty fields", { identifier: "", password: "" }],
      ["spaces only", { identifier: "   ", password: "x" }],
      ["a 201-character identifier", { identifier: "1".repeat(201), password: "x" }],
      ["a 1 MB password", { identifier: nip, password: "A".repeat(1024 * 1024) }],
      ["the wrong password", { identifier: nip, password: "Bukan-Sandinya-1" }],
      ["SQL in the identifier", { identifier: "' OR 1=1 --", password: TEST_PASSWORD }],
      ["SQL in the password", { identifier: nip, password: "' OR '1'='1" }],
      ["a NUL byte", { identifier: `${nip}\u0000`, password: TEST_PASSWORD }],
      ["a file instead of text", { identifier: new File(["x"], "a.txt"), password: new File(["y"], "b.txt") }],
      // The form reads the first value of a repeated key: the wrong pair comes first.
      ["repeated keys", { identifier: ["admin@uji.go.id", nip], password: ["x", TEST_PASSWORD] }],
      ["an e-mail with script", { identifier: "<script>@uji.go.id", password: "x" }],
    ];
    const problems: string[] = [];
    for (const [what, fields] of cases) {
      newClient();
      const before = snapshot(db);
      try {
        expectReadableRefusal(what, await runAction(signInAction as never, formOf(fields)));
        const changed = changedTables(before, snapshot(db), SIGN_IN_TABLES);
        if (changed.length) problems.push(`${what} changed ${changed.join(", ")}`);
      } catch (error) {
        problems.push((error as Error).message.slice(0, 500));
      }
    }
    expect(problems).toEqual([]);
  });

  it("throttles guessing with an Indonesian message, and an inactive employee cannot sign in", async () => {
    newClient();
    const nip = nipOf(fx.people.kasi);
    let message = "";
    for (let i = 0; i <= THROTTLE.perAccount; i++) message = expectReadableRefusal(`guess ${i}`, await runAction(signInAction as never, formOf({ identifier: nip, password: `Tebakan-${i}-2026` })));
    expect(message).toBe(t("signIn.throttled", { minutes: THROTTLE.windowMinutes }));
    // Even the right password waits out the throttle.
    expectReadableRefusal("right password while throttled", await runAction(signInAction as never, formOf({ identifier: nip, password: TEST_PASSWORD })));
    expect(db.select().from(userSessions).where(eq(userSessions.employeeId, fx.people.kasi)).all()).toEqual([]);

    newClient();
    db.update(employees).set({ active: false }).where(eq(employees.id, fx.people.kadinkes)).run();
    expectReadableRefusal("an inactive employee", await runAction(signInAction as never, formOf({ identifier: nipOf(fx.people.kadinkes), password: TEST_PASSWORD })));
    expect(db.select().from(userSessions).where(eq(userSessions.employeeId, fx.people.kadinkes)).all()).toEqual([]);
  });

  it("answers random hostile credentials with a refusal, never a 500 (property-based)", async () => {
    const value = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40, unit: "binary" }), fc.constant(nipOf(fx.people.outsider)));
    await fc.assert(
      fc.asyncProperty(value, value, async (identifier, password) => {
        newClient();
        const before = snapshot(db);
        expectReadableRefusal(`${JSON.stringify(identifier.slice(0, 40))} / ${JSON.stringify(password.slice(0, 40))}`, await runAction(signInAction as never, formOf({ identifier, password })));
        expect(changedTables(before, snapshot(db), SIGN_IN_TABLES)).toEqual([]);
      }),
      { numRuns: 15, includeErrorInReport: true },
    );
  }, 60_000);

  it("signs in with the right password (so the refusals above are about the input)", async () => {
    newClient();
    // Someone the cases above never named, so no failure of theirs counts against this attempt.
    const outcome = await runAction(signInAction as never, formOf({ identifier: nipOf(fx.people.kabid), password: TEST_PASSWORD }));
    expect(outcome).toMatchObject({ kind: "control" });
    expect(db.select().from(userSessions).where(eq(userSessions.employeeId, fx.people.kabid)).all().length).toBeGreaterThan(0);
  });
});

describe("the forced password change (ganti-kata-sandi)", () => {
  it("refuses a visitor without a session", async () => {
    signOutAll();
    const before = snapshot(db);
    const message = expectReadableRefusal("no session", await runAction(changePasswordAction as never, formOf({ oldPassword: TEST_PASSWORD, newPassword: "Sandi-Baru-2026", confirmPassword: "Sandi-Baru-2026" })));
    expect(message).toBe(t("errors.unauthenticated"));
    expect(changedTables(before, snapshot(db))).toEqual([]);
  });

  it("refuses a wrong old password, weak, mismatched, reused and hostile new ones, and changes nothing", async () => {
    await signInAs(db, fx.people.pending);
    const ok = { oldPassword: TEST_PASSWORD, newPassword: "Sandi-Baru-2026", confirmPassword: "Sandi-Baru-2026" };
    const cases: [string, Record<string, unknown>][] = [
      ["nothing", {}],
      ["the wrong old password", { ...ok, oldPassword: "Bukan-Sandinya-1" }],
      ["a weak new password", { ...ok, newPassword: "pendek", confirmPassword: "pendek" }],
      ["letters only", { ...ok, newPassword: "hanyahurufsaja", confirmPassword: "hanyahurufsaja" }],
      ["a mismatched confirmation", { ...ok, confirmPassword: "Sandi-Lain-2026" }],
      ["the old password again", { ...ok, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }],
      ["a 1 MB new password", { ...ok, newPassword: "A1".repeat(512 * 1024), confirmPassword: "A1".repeat(512 * 1024) }],
      ["files instead of text", { oldPassword: new File(["x"], "a"), newPassword: new File(["y"], "b"), confirmPassword: new File(["y"], "b") }],
      ["repeated keys", { oldPassword: [TEST_PASSWORD, "x"], newPassword: ["Sandi-Baru-2026", "y"], confirmPassword: "Sandi-Baru-2026" }],
    ];
    const problems: string[] = [];
    for (const [what, fields] of cases) {
      const before = snapshot(db);
      try {
        expectReadableRefusal(what, await runAction(changePasswordAction as never, formOf(fields)));
        const changed = changedTables(before, snapshot(db));
        if (changed.length) problems.push(`${what} changed ${changed.join(", ")}`);
      } catch (error) {
        problems.push((error as Error).message.slice(0, 500));
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers random hostile forms with a refusal, never a 500 or a change (property-based)", async () => {
    await signInAs(db, fx.people.pending);
    const value = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(value, value, value, async (oldPassword, newPassword, confirmPassword) => {
        const before = snapshot(db);
        expectReadableRefusal("random form", await runAction(changePasswordAction as never, formOf({ oldPassword, newPassword, confirmPassword })));
        expect(changedTables(before, snapshot(db))).toEqual([]);
      }),
      { numRuns: 10, includeErrorInReport: true },
    );
  }, 60_000);

  it("changes the password with the right input (so the refusals above are about the input)", async () => {
    await signInAs(db, fx.people.pending);
    const outcome = await runAction(changePasswordAction as never, formOf({ oldPassword: TEST_PASSWORD, newPassword: "Sandi-Baru-2026", confirmPassword: "Sandi-Baru-2026" }));
    expect(outcome).toEqual({ kind: "control", what: "redirect:/?kata-sandi=diganti" });
    expect(db.select().from(employees).where(eq(employees.id, fx.people.pending)).get()!.mustChangePassword).toBe(false);
  });
});

describe("sign-out", () => {
  it("ends the caller's own session only, and sends them to the sign-in page", async () => {
    await signInAs(db, fx.people.drafter);
    const sessions = () => db.select().from(userSessions).where(eq(userSessions.employeeId, fx.people.drafter)).all();
    const others = db.select().from(userSessions).all().filter((s) => s.employeeId !== fx.people.drafter).length;
    const mine = sessions().length;
    const outcome = await runAction(signOutAction as never, new FormData());
    expect(outcome.kind === "control" && /\/masuk$/.test(outcome.what)).toBe(true);
    expect(sessions().length).toBe(mine - 1);
    expect(db.select().from(userSessions).all().filter((s) => s.employeeId !== fx.people.drafter).length).toBe(others);
  });
});
