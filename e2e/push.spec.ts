import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { AUTH_SECRET, freePort, Server } from "../scripts/bench/http";
import { callAction } from "../scripts/bench/server-actions";
import { signInEmployee } from "../scripts/bench/sessions";
import { createEndpointCertificate, startPushEndpoint } from "../tests/support/push-endpoint";

// Web push end to end: on a phone, an employee turns push on at Akun; the subscription is stored; a superior's
// disposition makes the production server push to the subscription's endpoint, a local push service that checks
// the VAPID signature and decrypts the payload; the service worker shows it; signing out deletes the subscription.
//
// The one part replaced is the browser vendor's push service: Chromium's pushManager.subscribe registers with
// Google's servers, which this machine cannot reach, so the page's PushManager hands out a subscription whose
// endpoint is the local service (keys made by the test, which therefore can decrypt). The push the server sent is
// then handed to the real service worker through DevTools, as the vendor's service would.
// Runs on its own server (it needs the local service's certificate trusted), on a copy of the e2e database.

test("a device opts in, a new disposition is pushed encrypted to it and shown, and sign-out removes the device", async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-push-"));
  const endpoint = await startPushEndpoint({ certificate: await createEndpointCertificate() });
  let server: Server | null = null;
  try {
    const file = path.join(dir, "kawan.db");
    const source = new Database(path.join(process.cwd(), ".e2e", "data", "kawan.db"), { readonly: true });
    await source.backup(file);
    source.close();
    const caFile = path.join(dir, "push-ca.pem");
    fs.writeFileSync(caFile, endpoint.certificate.cert);

    // A letter to a leader whose post has a staffed post below it: the leader disposes it to that post's holder.
    const setup = new Database(file);
    const pair = setup
      .prepare(
        `select p.id as positionId, p.agency_id as agencyId, p.unit_id as unitId, s.employee_id as leaderId,
                b.id as belowId, t.employee_id as recipientId
           from positions p
           join assignments s on s.position_id = p.id and s.end_date is null and s.kind = 'definitif'
           join positions b on b.superior_id = p.id and b.active = 1
           join assignments t on t.position_id = b.id and t.end_date is null and t.kind = 'definitif'
          where p.active = 1 order by p.id limit 1`,
      )
      .get() as { positionId: number; agencyId: number; unitId: number; leaderId: number; belowId: number; recipientId: number };
    const letterId = (
      setup
        .prepare(
          `insert into incoming_letters (agency_id, register_unit_id, agenda_number, sender_agency, letter_number, letter_date, received_date, subject, created_at)
           values (?, ?, 'PUSH/1', 'Dinas Uji Notifikasi', '000/1/PUSH/2026', '2026-11-02', '2026-11-03', 'Rapat koordinasi notifikasi push', ?) returning id`,
        )
        .get(pair.agencyId, pair.unitId, Date.now()) as { id: number }
    ).id;
    setup.prepare("insert into incoming_letter_addressees (letter_id, position_id, created_at) values (?, ?, ?)").run(letterId, pair.positionId, Date.now());
    const instruction = (setup.prepare("select label from disposition_instructions where active = 1 order by sort_order limit 1").get() as { label: string }).label;
    const leaderCookie = await signInEmployee(setup, pair.leaderId);
    const recipientCookie = await signInEmployee(setup, pair.recipientId);
    setup.close();

    const port = await freePort();
    server = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true", KAWAN_PUSH_ALLOW_HTTP: "1", NODE_EXTRA_CA_CERTS: caFile });
    await server.ready();
    const base = server.base;

    const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    await context.grantPermissions(["notifications"], { origin: base });
    const [name, ...value] = recipientCookie.split("=");
    await context.addCookies([{ name, value: value.join("="), url: base }]);
    const device = endpoint.subscribe();
    await context.addInitScript((subscription) => {
      // The subscription outlives page loads, as a real one does.
      const KEY = "test-push-subscription";
      const make = (applicationServerKey: unknown) => ({
        endpoint: subscription.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey },
        getKey: () => null,
        toJSON: () => ({ endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys }),
        unsubscribe: async () => {
          localStorage.removeItem(KEY);
          return true;
        },
      });
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        localStorage.setItem(KEY, "1");
        return make(options?.applicationServerKey ?? null) as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return (localStorage.getItem(KEY) ? make(null) : null) as unknown as PushSubscription | null;
      };
    }, device.subscription);

    const page = await context.newPage();
    await page.goto("/akun");
    const card = page.getByTestId("push-opt-in");
    await expect(card.getByTestId("push-state")).toHaveAttribute("data-state", "off");
    // The worker registers once the page has loaded; on a busy machine it may still be installing, and turning
    // push on waits for it (up to 10 s) before subscribing.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await card.getByTestId("push-enable").click();
    await expect(card.getByTestId("push-state")).toHaveAttribute("data-state", "on", { timeout: 20_000 });
    const stored = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("select employee_id as employeeId from push_subscriptions where endpoint = ?").all(device.subscription.endpoint);
      } finally {
        db.close();
      }
    };
    expect(stored()).toEqual([{ employeeId: pair.recipientId }]);

    const reply = await callAction(base, leaderCookie, "disposeAction", `/surat-masuk/${letterId}`, {
      letterId: String(letterId),
      toPositionIds: JSON.stringify([{ positionId: pair.belowId }]),
      instructions: instruction,
      note: "Mohon dihadiri",
      urgency: "segera",
    });
    expect(reply.status, JSON.stringify(reply.state)).toBe(200);

    // Pushed at once after the commit, not at the next sweep.
    await expect.poll(() => endpoint.received.length, { timeout: 15_000 }).toBe(1);
    const push = endpoint.received[0];
    expect(push.error).toBeNull();
    expect(push.vapid?.aud).toBe(endpoint.origin);
    expect(push.headers.ttl).toBeDefined();
    const message = JSON.parse(push.text ?? "{}") as { title: string; body: string; url: string };
    expect(`${message.title} ${message.body}`).toContain("Rapat koordinasi notifikasi push");
    expect(message.url).toMatch(/^\/(notifikasi|surat-masuk)\//);

    // The service worker shows it, as when the vendor's service delivers it.
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const live = registrations.find((r) => !r.isDeleted && r.scopeURL === `${base}/`);
        if (live) resolve(live.registrationId);
      }),
    );
    await page.evaluate(() => navigator.serviceWorker.ready);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: base, registrationId: await registrationId, data: push.text ?? "" });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title} | ${n.body}`).join("\n")))
      .toContain("Rapat koordinasi notifikasi push");

    // A shared phone changes hands: signing out takes this device off the person's list.
    await page.getByTestId("sign-out-form").getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk/);
    expect(stored()).toEqual([]);
    await context.close();
  } finally {
    await server?.stop();
    await endpoint.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
