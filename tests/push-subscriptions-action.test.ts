/**
 * Per-device opt-in through the Akun page's real server actions (session cookie and all): a browser's subscription is
 * stored for the signed-in employee only, bad endpoints and keys are refused in Indonesian with nothing changed, nobody
 * removes anyone else's device, a shared phone moves to whoever opts in on it, sign-out forgets this browser, and
 * every change has its audit row. Also the VAPID key file: made once, mode 0600, the same pair for every process.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("./support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./support/hostile-next")).nextCacheMock);

import { eq, like } from "drizzle-orm";
import { removePushDeviceAction, removePushSubscriptionAction, savePushSubscriptionAction, signOutAction } from "@/app/(app)/akun/actions";
import type { Db } from "@/db";
import { auditLog, notifications, pushOutbox, pushSubscriptions, userSessions } from "@/db/schema";
import { translator } from "@/lib/i18n/catalog";
import { MAX_DEVICES_PER_EMPLOYEE, normalizeEndpoint } from "@/lib/notifications/push/subscriptions";
import { publicKey, VAPID_FILE, vapidKeys } from "@/lib/notifications/push/vapid";
import { createFixtureOrg } from "./support/db";
import { formOf, openHostileDb, runAction, signInAs, signOutAll, watchChanges } from "./support/hostile";
import { browserKeys, decryptAes128gcm, startPushEndpoint, type TestPushEndpoint } from "./support/push-endpoint";
import { modulePath, runWorkers, WORKER_SYNC } from "./support/workers";

const t = translator("id");
let db: Db;
let org: ReturnType<typeof createFixtureOrg>;
let push: TestPushEndpoint;

const formFor = (s: { endpoint: string; keys: { p256dh: string; auth: string } }, extra: Record<string, string> = {}) =>
  formOf({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Version/18.0 Mobile/15E148 Safari/604.1", ...extra });
const subsOf = (employeeId: number) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.employeeId, employeeId)).all();
const audits = () => db.select().from(auditLog).where(like(auditLog.action, "push.%")).all();

beforeAll(async () => {
  db = openHostileDb();
  org = createFixtureOrg(db);
  push = await startPushEndpoint();
});

afterAll(async () => {
  await push.close();
});

describe("savePushSubscriptionAction", () => {
  it("refuses a visitor without a session and changes nothing", async () => {
    signOutAll();
    const watch = watchChanges(db);
    const outcome = await runAction(savePushSubscriptionAction, formFor(push.subscribe().subscription));
    expect(outcome.kind === "error" && outcome.state.message).toBe(t("errors.unauthenticated"));
    expect(watch.changed()).toEqual([]);
  });

  it("stores this browser for the signed-in employee only, whatever employee the form names, with a device label and an audit row", async () => {
    await signInAs(db, org.employees.staff);
    const browser = push.subscribe();
    const outcome = await runAction(savePushSubscriptionAction, formFor(browser.subscription, { employeeId: String(org.employees.admin) }));
    expect(outcome).toMatchObject({ kind: "ok", state: { status: "ok", message: t("notifications.push.saved") } });
    const [row] = subsOf(org.employees.staff);
    expect(row).toMatchObject({ endpoint: browser.subscription.endpoint, p256dh: browser.subscription.keys.p256dh, auth: browser.subscription.keys.auth, userAgent: "Safari, iOS" });
    expect(subsOf(org.employees.admin)).toEqual([]);
    const [audit] = audits().filter((a) => a.entityId === String(row.id));
    expect(audit).toMatchObject({ action: "push.subscription_added", actorEmployeeId: org.employees.staff, entityType: "push_subscription" });
    // The audit keeps the push service, not the capability URL.
    expect(audit.after).not.toContain(browser.subscription.endpoint);

    // The same browser again changes nothing and writes no second row.
    const watch = watchChanges(db);
    expect((await runAction(savePushSubscriptionAction, formFor(browser.subscription))).kind).toBe("ok");
    expect(watch.changed()).toEqual([]);
  });

  it("refuses endpoints that are no public https push service, and keys that are no P-256 key and 16-byte secret, in Indonesian, changing nothing", async () => {
    await signInAs(db, org.employees.staff);
    const good = push.subscribe().subscription;
    const notOnCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString("base64url");
    const cases: [string, Partial<{ endpoint: string; p256dh: string; auth: string }>][] = [
      ["http", { endpoint: "http://fcm.googleapis.com/fcm/send/abc" }],
      ["javascript", { endpoint: "javascript:alert(1)" }],
      ["file", { endpoint: "file:///etc/passwd" }],
      ["private address", { endpoint: "https://10.0.0.5/push/abc" }],
      ["metadata address", { endpoint: "https://169.254.169.254/latest/meta-data" }],
      ["ipv6 address", { endpoint: "https://[fd00::1]/push" }],
      ["intranet name", { endpoint: "https://intranet/push/abc" }],
      ["credentials", { endpoint: "https://user:pass@fcm.googleapis.com/fcm/send/abc" }],
      ["too long", { endpoint: `https://fcm.googleapis.com/${"a".repeat(3000)}` }],
      ["empty", { endpoint: "" }],
      ["short key", { p256dh: Buffer.alloc(33, 2).toString("base64url") }],
      ["key off the curve", { p256dh: notOnCurve }],
      ["key not base64url", { p256dh: `${good.keys.p256dh.slice(0, -2)}!!` }],
      ["short auth", { auth: Buffer.alloc(15, 1).toString("base64url") }],
      ["long auth", { auth: Buffer.alloc(32, 1).toString("base64url") }],
      ["auth with a space", { auth: `${good.keys.auth.slice(0, 10)} ${good.keys.auth.slice(10)}` }],
    ];
    const watch = watchChanges(db);
    for (const [name, over] of cases) {
      const outcome = await runAction(savePushSubscriptionAction, formFor({ endpoint: over.endpoint ?? good.endpoint, keys: { p256dh: over.p256dh ?? good.keys.p256dh, auth: over.auth ?? good.keys.auth } }));
      expect(outcome.kind, name).toBe("error");
      if (outcome.kind === "error") {
        expect([t("notifications.push.errors.subscription"), t("errors.invalidInput")], name).toContain(outcome.state.message);
        const field = over.endpoint !== undefined ? "endpoint" : over.p256dh !== undefined ? "p256dh" : "auth";
        expect(outcome.state.fieldErrors[field], name).toMatch(/tidak valid/);
      }
    }
    expect(watch.changed()).toEqual([]);
  });

  it("accepts this machine's test push service only outside production", () => {
    expect(normalizeEndpoint("https://127.0.0.1:8443/push/a")).toBe("https://127.0.0.1:8443/push/a");
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(normalizeEndpoint("https://127.0.0.1:8443/push/a")).toBeNull();
      expect(normalizeEndpoint("https://localhost/push/a")).toBeNull();
      expect(normalizeEndpoint("https://fcm.googleapis.com/fcm/send/abc")).toBe("https://fcm.googleapis.com/fcm/send/abc");
      vi.stubEnv("KAWAN_PUSH_ALLOW_HTTP", "1");
      expect(normalizeEndpoint("https://127.0.0.1:8443/push/a")).toBe("https://127.0.0.1:8443/push/a");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("moves a shared phone's subscription to whoever opts in on it, dropping what was queued for the previous person", async () => {
    const phone = push.subscribe().subscription;
    await signInAs(db, org.employees.staff);
    expect((await runAction(savePushSubscriptionAction, formFor(phone))).kind).toBe("ok");
    const before = subsOf(org.employees.staff).find((s) => s.endpoint === phone.endpoint)!;
    // A push still waiting for the staff member on that phone.
    const notification = db.insert(notifications).values({ employeeId: org.employees.staff, kind: "disposition_received", messageKey: "x", params: "{}", href: "/", createdAt: new Date() }).returning().get();
    db.insert(pushOutbox).values({ notificationId: notification.id, subscriptionId: before.id, payload: "{}", nextAttemptAt: new Date(), createdAt: new Date() }).run();

    await signInAs(db, org.employees.head);
    expect((await runAction(savePushSubscriptionAction, formFor(phone))).kind).toBe("ok");
    expect(subsOf(org.employees.staff).map((s) => s.endpoint)).not.toContain(phone.endpoint);
    const after = subsOf(org.employees.head).find((s) => s.endpoint === phone.endpoint)!;
    expect(after.id).not.toBe(before.id);
    expect(db.select().from(pushOutbox).where(eq(pushOutbox.subscriptionId, before.id)).all()).toEqual([]);
    expect(audits().find((a) => a.action === "push.subscription_moved" && a.entityId === String(after.id))).toMatchObject({ actorEmployeeId: org.employees.head });
  });

  it(`keeps at most ${MAX_DEVICES_PER_EMPLOYEE} devices a person, dropping the one silent longest`, async () => {
    await signInAs(db, org.employees.admin);
    for (let i = 0; i < MAX_DEVICES_PER_EMPLOYEE + 2; i++) expect((await runAction(savePushSubscriptionAction, formFor(push.subscribe().subscription))).kind).toBe("ok");
    expect(subsOf(org.employees.admin)).toHaveLength(MAX_DEVICES_PER_EMPLOYEE);
  });
});

describe("removing a subscription", () => {
  it("nobody removes another employee's subscription, by endpoint or by id, and nothing changes", async () => {
    const [staffs] = subsOf(org.employees.staff);
    await signInAs(db, org.employees.head);
    const watch = watchChanges(db);
    const byEndpoint = await runAction(removePushSubscriptionAction, formOf({ endpoint: staffs.endpoint }));
    expect(byEndpoint.kind === "error" && byEndpoint.state.message).toBe(t("errors.notFound"));
    const byId = await runAction(removePushDeviceAction, formOf({ subscriptionId: String(staffs.id) }));
    expect(byId.kind === "error" && byId.state.message).toBe(t("errors.notFound"));
    expect(watch.changed()).toEqual([]);
    // Another agency's admin neither.
    await signInAs(db, org.employees.adminB);
    const watchB = watchChanges(db);
    expect((await runAction(removePushDeviceAction, formOf({ subscriptionId: String(staffs.id) }))).kind).toBe("error");
    expect((await runAction(removePushSubscriptionAction, formOf({ endpoint: staffs.endpoint }))).kind).toBe("error");
    expect(watchB.changed()).toEqual([]);
    expect(subsOf(org.employees.staff).map((s) => s.id)).toContain(staffs.id);
  });

  it("turns this browser off for its own employee, audited; a second time is 'not found'", async () => {
    const browser = push.subscribe().subscription;
    await signInAs(db, org.employees.staff);
    await runAction(savePushSubscriptionAction, formFor(browser));
    const id = subsOf(org.employees.staff).find((s) => s.endpoint === browser.endpoint)!.id;
    const outcome = await runAction(removePushSubscriptionAction, formOf({ endpoint: browser.endpoint }));
    expect(outcome).toMatchObject({ kind: "ok", state: { message: t("notifications.push.removed") } });
    expect(subsOf(org.employees.staff).map((s) => s.id)).not.toContain(id);
    expect(audits().find((a) => a.action === "push.subscription_removed" && a.entityId === String(id))).toMatchObject({ actorEmployeeId: org.employees.staff });
    const again = await runAction(removePushSubscriptionAction, formOf({ endpoint: browser.endpoint }));
    expect(again.kind === "error" && again.state.message).toBe(t("errors.notFound"));
  });

  it("removes one of one's own devices from the list by id", async () => {
    await signInAs(db, org.employees.admin);
    const [oldest] = subsOf(org.employees.admin);
    const outcome = await runAction(removePushDeviceAction, formOf({ subscriptionId: String(oldest.id) }));
    expect(outcome).toMatchObject({ kind: "ok", state: { message: t("notifications.push.deviceRemoved") } });
    expect(subsOf(org.employees.admin).map((s) => s.id)).not.toContain(oldest.id);
  });
});

describe("sign-out", () => {
  it("with pushEndpoint removes that browser's subscription of the one signing out, and only theirs", async () => {
    const mine = push.subscribe().subscription;
    const othersPhone = subsOf(org.employees.head)[0];
    await signInAs(db, org.employees.staff);
    await runAction(savePushSubscriptionAction, formFor(mine));
    expect(subsOf(org.employees.staff).map((s) => s.endpoint)).toContain(mine.endpoint);

    const outcome = await runAction(signOutAction as never, formOf({ pushEndpoint: mine.endpoint }));
    if (outcome.kind === "crash") throw outcome.error;
    expect(outcome.kind === "control" && /\/masuk$/.test(outcome.what)).toBe(true);
    expect(subsOf(org.employees.staff).map((s) => s.endpoint)).not.toContain(mine.endpoint);
    expect(audits().some((a) => a.action === "push.subscription_removed" && a.after?.includes("signed_out"))).toBe(true);

    // Naming someone else's endpoint signs out, and leaves their subscription alone.
    await signInAs(db, org.employees.staff);
    const sessions = db.select().from(userSessions).where(eq(userSessions.employeeId, org.employees.staff)).all().length;
    await runAction(signOutAction as never, formOf({ pushEndpoint: othersPhone.endpoint }));
    expect(db.select().from(userSessions).where(eq(userSessions.employeeId, org.employees.staff)).all()).toHaveLength(sessions - 1);
    expect(subsOf(org.employees.head).map((s) => s.id)).toContain(othersPhone.id);

    // Without the field (no push on this browser), as before.
    await signInAs(db, org.employees.staff);
    expect((await runAction(signOutAction as never, new FormData())).kind).toBe("control");
  });
});

describe("the local push service", () => {
  it("decrypts only with the subscribing browser's key", async () => {
    const webpush = (await import("web-push")).default;
    const browser = browserKeys();
    const { cipherText } = webpush.encrypt(browser.p256dh, browser.auth, "halo", "aes128gcm");
    expect(decryptAes128gcm(cipherText, browser).toString()).toBe("halo");
    expect(() => decryptAes128gcm(cipherText, { ...browserKeys(), auth: browser.auth })).toThrow();
    expect(() => decryptAes128gcm(cipherText, { privateKey: browser.privateKey, auth: browserKeys().auth })).toThrow();
  });
});

describe("VAPID keys", () => {
  it("are made once into the data directory with mode 0600, and read back after", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-vapid-"));
    const file = path.join(dir, VAPID_FILE);
    expect(fs.existsSync(file)).toBe(false);
    const keys = vapidKeys(dir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(keys.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(keys.privateKey, "base64url")).toHaveLength(32);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(keys);
    expect(publicKey(dir)).toBe(keys.publicKey);
    // No temporary file is left behind.
    expect(fs.readdirSync(dir)).toEqual([VAPID_FILE]);
  });

  it("the data directory is the database's: the hostile database's directory got its own file", () => {
    const dir = path.dirname(process.env.DATABASE_PATH!);
    expect(publicKey()).toBe(JSON.parse(fs.readFileSync(path.join(dir, VAPID_FILE), "utf8")).publicKey);
  });

  it("a damaged file is reported, never silently replaced (that would orphan every device)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-vapid-"));
    fs.writeFileSync(path.join(dir, VAPID_FILE), "{ rusak", { mode: 0o600 });
    expect(() => vapidKeys(dir)).toThrow(/not a VAPID key pair/);
    expect(fs.readFileSync(path.join(dir, VAPID_FILE), "utf8")).toBe("{ rusak");
  });

  it("four processes starting together end with one key pair", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-vapid-race-"));
    const source = `
import { vapidKeys } from ${modulePath("lib/notifications/push/vapid.ts")};
const [dir] = process.argv.slice(2);
${WORKER_SYNC}
process.stdout.write(JSON.stringify(vapidKeys(dir).publicKey));
`;
    const keys = await runWorkers<string>(source, [[dir], [dir], [dir], [dir]]);
    expect(new Set(keys).size).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, VAPID_FILE), "utf8")).publicKey).toBe(keys[0]);
    expect(fs.readdirSync(dir)).toEqual([VAPID_FILE]);
  }, 60_000);
});
