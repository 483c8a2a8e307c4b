/**
 * The Akun page's e-mail form, called as a form post would (the real server action, session cookie and all): it
 * changes the signed-in employee's own settings only, whatever ids the form carries, refuses visitors, bad hours
 * and an employee who must still change their password, and writes its audit row with the change.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("./support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./support/hostile-next")).nextCacheMock);

import { and, eq } from "drizzle-orm";
import { saveEmailPreferencesAction } from "@/app/(app)/akun/actions";
import type { Db } from "@/db";
import { auditLog, emailPreferences, employees, NOTIFICATION_KINDS, notificationSettings } from "@/db/schema";
import { translator } from "@/lib/i18n/catalog";
import { emailPreferencesOf } from "@/lib/notifications/email/preferences";
import { addEmployee, createFixtureOrg } from "./support/db";
import { formOf, openHostileDb, runAction, signInAs, signOutAll, watchChanges } from "./support/hostile";

const t = translator("id");
let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

/** The form as the page sends it: every kind ticked but the ones given, digest at the hour given. */
const form = (over: Record<string, unknown> = {}, off: string[] = []) => {
  const fields: Record<string, unknown> = {
    enabled: "on",
    digestHour: "16",
    ...Object.fromEntries(NOTIFICATION_KINDS.filter((k) => !off.includes(k)).map((k) => [`email_${k}`, "on"])),
    ...over,
  };
  return formOf(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
};

const audits = () => db.select().from(auditLog).where(eq(auditLog.action, "employee.email_preferences_changed")).all();
const prefsOf = (employeeId: number) => emailPreferencesOf({ db, actor: { employeeId } as never });

beforeAll(() => {
  db = openHostileDb();
  org = createFixtureOrg(db);
});

describe("saveEmailPreferencesAction", () => {
  it("refuses a visitor without a session and changes nothing", async () => {
    signOutAll();
    const watch = watchChanges(db);
    const outcome = await runAction(saveEmailPreferencesAction, form({ digest: "on" }));
    expect(outcome.kind).toBe("error");
    if (outcome.kind === "error") expect(outcome.state.message).toBe(t("errors.unauthenticated"));
    expect(watch.changed()).toEqual([]);
  });

  it("refuses an employee who must still change their password", async () => {
    const pending = addEmployee(db, org.agencyA, { name: "Belum Ganti Sandi", mustChangePassword: true, email: "pending@uji.go.id" });
    await signInAs(db, pending);
    const watch = watchChanges(db);
    const outcome = await runAction(saveEmailPreferencesAction, form({ digest: "on" }));
    expect(outcome.kind === "error" && outcome.state.message).toBe(t("errors.mustChangePassword"));
    expect(watch.changed()).toEqual([]);
  });

  it("refuses an hour that is no hour of the day, with an Indonesian message, and changes nothing", async () => {
    await signInAs(db, org.employees.staff);
    const watch = watchChanges(db);
    for (const digestHour of ["24", "-1", "7.5", "jam empat", ""]) {
      const outcome = await runAction(saveEmailPreferencesAction, form({ digestHour: digestHour === "" ? undefined : digestHour }));
      expect(outcome.kind, digestHour).toBe("error");
      if (outcome.kind === "error") expect(outcome.state.message).toBe(t("errors.invalidInput"));
    }
    expect(watch.changed()).toEqual([]);
  });

  it("changes only the signed-in employee's own settings, whatever employee the form names, and audits it", async () => {
    await signInAs(db, org.employees.staff);
    const other = org.employees.admin;
    const outcome = await runAction(
      saveEmailPreferencesAction,
      form({ digest: "on", digestHour: "7", employeeId: String(other), employee: String(other) }, ["attendance_anomaly"]),
    );
    expect(outcome).toMatchObject({ kind: "ok", state: { status: "ok", message: t("notifications.email.settings.saved") } });

    expect(prefsOf(org.employees.staff)).toMatchObject({ enabled: true, digest: true, digestHour: 7, address: "staf@uji.go.id" });
    expect(prefsOf(org.employees.staff).kinds.find((k) => k.kind === "attendance_anomaly")).toMatchObject({ email: false, inApp: true });
    // Nothing of anyone else.
    expect(db.select().from(emailPreferences).where(eq(emailPreferences.employeeId, other)).all()).toEqual([]);
    expect(db.select().from(notificationSettings).where(eq(notificationSettings.employeeId, other)).all()).toEqual([]);

    const rows = audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorEmployeeId: org.employees.staff, entityType: "employee", entityId: String(org.employees.staff) });
    expect(JSON.parse(rows[0].before!)).toEqual({ digest: false, digestHour: 16, "kind.attendance_anomaly": true });
    expect(JSON.parse(rows[0].after!)).toEqual({ digest: true, digestHour: 7, "kind.attendance_anomaly": false });

    // The same form again changes nothing and records nothing.
    const watch = watchChanges(db);
    await runAction(saveEmailPreferencesAction, form({ digest: "on", digestHour: "7" }, ["attendance_anomaly"]));
    expect(watch.changed()).toEqual([]);
    expect(audits()).toHaveLength(1);
  });

  it("an agency admin of another agency changes only their own settings too", async () => {
    await signInAs(db, org.employees.adminB);
    const outcome = await runAction(saveEmailPreferencesAction, form({ employeeId: String(org.employees.staff) }, ["deadline_today"]));
    expect(outcome.kind).toBe("ok");
    expect(prefsOf(org.employees.staff)).toMatchObject({ digest: true, digestHour: 7 });
    expect(prefsOf(org.employees.staff).kinds.find((k) => k.kind === "deadline_today")?.email).toBe(true);
    expect(
      db.select().from(notificationSettings).where(and(eq(notificationSettings.employeeId, org.employees.adminB), eq(notificationSettings.kind, "deadline_today"))).get()?.email,
    ).toBe(false);
    expect(db.select({ email: employees.email }).from(employees).where(eq(employees.id, org.employees.adminB)).get()?.email).toBeNull();
  });
});
