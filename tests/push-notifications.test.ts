import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { employees, notifications, pushOutbox, pushSubscriptions } from "@/db/schema";
import { ensureAttendanceDefaults } from "@/lib/attendance/policy";
import { decideAttendanceRequest } from "@/lib/attendance/requests/decide";
import { submitAttendanceRequest } from "@/lib/attendance/requests/submit";
import { disposeLetter } from "@/lib/incoming/dispositions";
import { runDeadlineSweep } from "@/lib/incoming/deadline-sweep";
import { seedDispositionInstructions } from "@/lib/incoming/instructions";
import { registerIncomingLetter, type LetterFields } from "@/lib/incoming/register";
import { PAYLOAD_MAX_BYTES } from "@/lib/notifications/push/compose";
import { MAX_ATTEMPTS, PUSH_TTL_SECONDS, retryDelayMs, runPushSendSweep, startPushSendSweep, stopPushSendSweep } from "@/lib/notifications/push/send-sweep";
import { subscribe } from "@/lib/notifications/push/subscriptions";
import { vapidKeys } from "@/lib/notifications/push/vapid";
import { notifyEmployees } from "@/lib/notifications/notify";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { ctxFor, freshDb } from "./support/db";
import { createDocumentOrg } from "./support/naskah";
import { startPushEndpoint, type BrowserSubscription, type TestPushEndpoint } from "./support/push-endpoint";
import { makeTestPdf } from "./support/signing";

// Web push end to end: real changes (a letter registered and disposed, a leave request decided, a deadline reached)
// notify through the real lib functions, the push channel queues in the same transaction, and the sweep sends with
// web-push over TLS to a local push service that decrypts each body with the subscribing "browser's" private key.

const NOW = new Date("2026-11-27T02:00:00Z"); // Friday 09.00 WIB

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
let push: TestPushEndpoint;
let dataDirectory: string;
let send: (now?: Date) => ReturnType<typeof runPushSendSweep>;

const fields = (over: Partial<LetterFields> = {}): LetterFields => ({
  senderAgency: "Kementerian Dalam Negeri",
  senderName: "Direktur Jenderal Bina Keuangan Daerah",
  letterNumber: `900.1/${Math.floor(Math.random() * 1e6)}/Keuda`,
  letterDate: "2026-11-20",
  receivedDate: "2026-11-26",
  subject: "Percepatan realisasi belanja daerah",
  securityClass: "B",
  urgency: "segera",
  classificationCode: "900",
  attachmentCount: 1,
  summary: "",
  ...over,
});

/** A letter to the regent, disposed by the regent to the given posts: their holders get disposition_received. */
async function disposedLetter(toPositionIds: number[], over: Partial<LetterFields> = {}, deadline = "2026-12-04", now = NOW): Promise<number> {
  const { letterId } = await registerIncomingLetter(ctxFor(db, org.people.clerk, now), { fields: fields(over), addresseePositionIds: [org.positions.regent], pdf: null });
  disposeLetter(ctxFor(db, org.people.regent, now), {
    letterId,
    parentId: null,
    toPositionIds,
    instructions: ["Untuk ditindaklanjuti"],
    otherInstruction: "",
    note: "",
    urgency: "segera",
    deadline,
    copySuperior: false,
  });
  return letterId;
}

/** A browser of this person that opted in, through the real subscribe(). */
function optIn(employeeId: number): BrowserSubscription {
  const browser = push.subscribe();
  subscribe(ctxFor(db, employeeId, NOW), { ...browser.subscription, userAgent: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36" });
  return browser;
}

const payloads = () => push.received.map((r) => JSON.parse(r.text ?? "null") as { title: string; body: string; url: string; tag: string } | null);
const latestNotification = (employeeId: number) => db.select().from(notifications).where(eq(notifications.employeeId, employeeId)).all().at(-1)!;
const subscriptionsOf = (employeeId: number) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.employeeId, employeeId)).all();

let headBrowser: BrowserSubscription;

beforeAll(async () => {
  push = await startPushEndpoint();
  dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-push-data-"));
  send = (now = NOW) => runPushSendSweep(db, now, { agent: push.agent, dataDirectory });
  db = freshDb();
  org = createDocumentOrg(db);
  seedDispositionInstructions(db, org.agencyA);
  ensureAttendanceDefaults(db, org.agencyA);
  headBrowser = optIn(org.people.head);
});

afterEach(() => {
  push.received.length = 0;
});

afterAll(async () => {
  stopPushSendSweep();
  await push.close();
});

describe("a push per notification, decrypted by the browser's key", () => {
  it("a disposition reaches the recipient's device with the kind as title, the message, and the notification's link", async () => {
    const letterId = await disposedLetter([org.positions.head]);
    const notification = latestNotification(org.people.head);
    const queued = db.select().from(pushOutbox).all();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ notificationId: notification.id, state: "queued", attempts: 0, urgency: "normal" });

    expect(await send()).toEqual({ sent: 1, retrying: 0, failed: 0, expired: 0 });
    expect(push.received).toHaveLength(1);
    const [request] = push.received;
    expect(request.error).toBeNull();
    expect(request.id).toBe(headBrowser.subscription.endpoint.split("/").pop());
    expect(JSON.parse(request.text!)).toEqual({
      title: "Disposisi masuk",
      body: "Disposisi masuk: “Percepatan realisasi belanja daerah”.",
      url: `/notifikasi/${notification.id}`,
      tag: `kawan:/surat-masuk/${letterId}`,
    });
    // What a push service checks: aes128gcm, a day to live, and a VAPID signature by this server's key for its origin.
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    expect(request.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    expect(request.headers.urgency).toBe("normal");
    expect(request.vapid).toMatchObject({ aud: push.origin, sub: "mailto:noreply@localhost", publicKey: vapidKeys(dataDirectory).publicKey });

    expect(db.select().from(pushOutbox).where(eq(pushOutbox.id, queued[0].id)).get()).toMatchObject({ state: "sent", claimToken: null, lastError: null });
    expect(subscriptionsOf(org.people.head)[0].lastSuccessAt).toBeInstanceOf(Date);
    // Sent is sent.
    expect(await send(new Date(NOW.getTime() + 3600_000))).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
  });

  it("writes in the reader's language", async () => {
    db.update(employees).set({ locale: "en" }).where(eq(employees.id, org.people.head)).run();
    try {
      await disposedLetter([org.positions.head], { subject: "Anggaran 2027" });
      await send();
      expect(payloads().map((p) => [p?.title, p?.body])).toEqual([["Dispositions received", "Disposition received: “Anggaran 2027”."]]);
    } finally {
      db.update(employees).set({ locale: "id" }).where(eq(employees.id, org.people.head)).run();
    }
  });

  it("never carries the subject, sender or number of a Rahasia letter", async () => {
    const secret = { subject: "Hasil audit investigasi pengadaan", senderName: "Inspektur Pembantu Khusus", letterNumber: "700/RHS-99/Itjen", securityClass: "R" as const };
    await disposedLetter([org.positions.head], secret);
    await send();
    expect(push.received).toHaveLength(1);
    const payload = payloads()[0]!;
    expect(payload.body).toBe("Sebuah naskah rahasia menunggu Anda di Kawan. Isinya hanya dapat dibaca setelah Anda masuk.");
    for (const text of [push.received[0].text!, JSON.stringify(db.select().from(pushOutbox).all())]) {
      for (const word of ["audit investigasi", "Inspektur", "RHS-99", "Kementerian"]) expect(text).not.toContain(word);
    }
  });

  it("keeps a long subject's payload under 3 KB", async () => {
    await disposedLetter([org.positions.head], { subject: "Ꭺ".repeat(2000) });
    await send();
    expect(Buffer.byteLength(push.received[0].text!)).toBeLessThanOrEqual(PAYLOAD_MAX_BYTES);
    expect(payloads()[0]!.body.endsWith("…")).toBe(true);
  });

  it("reaches every device of the person, and nobody without a subscription", async () => {
    const second = optIn(org.people.head);
    await disposedLetter([org.positions.head, org.docPositions.kadinkes]);
    expect(await send()).toMatchObject({ sent: 2 });
    expect(push.received.map((r) => r.id).sort()).toEqual([headBrowser, second].map((b) => b.subscription.endpoint.split("/").pop()).sort());
    expect(push.received.every((r) => r.error === null)).toBe(true);
    db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, second.subscription.endpoint)).run();
  });

  it("pushes a leave request to the approver and the decision to the requester; deadlines today go out with high urgency", async () => {
    const staff = optIn(org.people.staff);
    const attachment = await makeTestPdf(1);
    const { requestId } = submitAttendanceRequest(ctxFor(db, org.people.staff, NOW), { kind: "izin", startDate: "2026-12-10", endDate: "2026-12-10", reason: "Mengurus dokumen kependudukan", attachment });
    decideAttendanceRequest(ctxFor(db, org.people.head, NOW), { requestId, decision: "approve" });
    await send();
    const byDevice = new Map(push.received.map((r) => [r.id, JSON.parse(r.text!) as { title: string; body: string }]));
    expect(byDevice.get(headBrowser.subscription.endpoint.split("/").pop()!)?.title).toBe("Pengajuan presensi menunggu persetujuan");
    expect(byDevice.get(staff.subscription.endpoint.split("/").pop()!)?.body).toMatch(/disetujui\.$/);
    push.received.length = 0;

    await disposedLetter([org.positions.head], { subject: "Tenggat hari ini" }, "2026-11-27");
    db.delete(pushOutbox).run(); // the disposition's own push is not under test here
    expect(runDeadlineSweep(db, NOW).reminders).toBeGreaterThan(0);
    await send();
    const deadline = push.received.filter((r) => r.text?.includes("Tenggat hari ini"));
    expect(deadline).toHaveLength(1);
    expect(deadline[0].headers.urgency).toBe("high");
    expect(JSON.parse(deadline[0].text!).title).toBe("Tenggat disposisi hari ini");
  });

  it("pushes nothing for a kind turned off, and nothing for kinds that are not pushed", async () => {
    saveNotificationSettings(ctxFor(db, org.people.head, NOW), { disposition_received: false });
    try {
      await disposedLetter([org.positions.head]);
      expect(db.select().from(pushOutbox).where(eq(pushOutbox.state, "queued")).all()).toEqual([]);
      expect(await send()).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
    } finally {
      saveNotificationSettings(ctxFor(db, org.people.head, NOW), { disposition_received: true });
    }
    // A follow-up report is told in the app (and by e-mail) only: not worth a buzz.
    const told = db.transaction((tx) =>
      notifyEmployees(tx, ctxFor(db, org.people.regent, NOW), [org.people.head], { kind: "follow_up_reported", messageKey: "notifications.messages.followUpReported", params: { subject: "x" }, href: "/surat-masuk/1" }),
    );
    expect(told).toBe(1);
    expect(db.select().from(pushOutbox).where(eq(pushOutbox.state, "queued")).all()).toEqual([]);
  });

  it("queues nothing when the notifying change rolls back", async () => {
    const before = db.select().from(pushOutbox).all().length;
    expect(() =>
      db.transaction((tx) => {
        notifyEmployees(tx, ctxFor(db, org.people.regent, NOW), [org.people.head], { kind: "disposition_received", messageKey: "notifications.messages.dispositionReceived", params: { subject: "Batal" }, href: "/surat-masuk/1" });
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(db.select().from(pushOutbox).all()).toHaveLength(before);
    expect(await send()).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
  });
});

describe("a push service that says no", () => {
  it("410 Gone: the subscription and its queued pushes are removed", async () => {
    const gone = optIn(org.people.kabid);
    push.respondWith(gone.subscription.endpoint, 410);
    await disposedLetter([org.docPositions.kabid], { subject: "Satu" });
    await disposedLetter([org.docPositions.kabid], { subject: "Dua" });
    expect(await send()).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 1 });
    expect(push.received).toHaveLength(1);
    expect(subscriptionsOf(org.people.kabid)).toEqual([]);
    expect(db.select().from(pushOutbox).all().filter((r) => r.notificationId === latestNotification(org.people.kabid).id)).toEqual([]);
  });

  it("500: retried after a pause, then delivered", async () => {
    const flaky = optIn(org.people.kasi);
    push.respondWith(flaky.subscription.endpoint, 500);
    await disposedLetter([org.docPositions.kasi], { subject: "Surat saat layanan gangguan" });
    expect(await send()).toEqual({ sent: 0, retrying: 1, failed: 0, expired: 0 });
    const [row] = db.select().from(pushOutbox).where(eq(pushOutbox.state, "queued")).all();
    expect(row).toMatchObject({ attempts: 1, claimToken: null });
    expect(row.lastError).toMatch(/^500/);
    expect(row.nextAttemptAt.getTime()).toBe(NOW.getTime() + retryDelayMs(1));
    // Not before its time.
    expect(await send(new Date(NOW.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
    expect(await send(new Date(NOW.getTime() + retryDelayMs(1)))).toEqual({ sent: 1, retrying: 0, failed: 0, expired: 0 });
    expect(push.received.map((r) => r.status)).toEqual([500, 201]);
    expect(JSON.parse(push.received[1].text!).body).toContain("Surat saat layanan gangguan");
    expect(subscriptionsOf(org.people.kasi)).toHaveLength(1);
  });

  it("gives up after the last attempt and marks the push failed", async () => {
    const broken = push.subscribe();
    subscribe(ctxFor(db, org.people.drafter, NOW), broken.subscription);
    push.respondWith(broken.subscription.endpoint, ...Array.from({ length: MAX_ATTEMPTS }, () => 503));
    // The drafter holds the programmer post.
    await disposedLetter([org.docPositions.programmer], { subject: "Tak pernah sampai" });
    let at = NOW;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await send(at);
      expect(result).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0, expired: 0 } : { sent: 0, retrying: 0, failed: 1, expired: 0 });
      at = new Date(at.getTime() + retryDelayMs(attempt));
    }
    expect(db.select().from(pushOutbox).where(eq(pushOutbox.state, "failed")).all()).toHaveLength(1);
    expect(await send(new Date(at.getTime() + 24 * 3600_000))).toEqual({ sent: 0, retrying: 0, failed: 0, expired: 0 });
  });
});

describe("concurrency and timing", () => {
  it("two overlapping sweeps send every push exactly once", async () => {
    for (let i = 0; i < 3; i++) await disposedLetter([org.positions.head, org.docPositions.kasi], { subject: `Surat nomor ${i}` });
    const queued = db.select().from(pushOutbox).where(eq(pushOutbox.state, "queued")).all().length;
    expect(queued).toBeGreaterThanOrEqual(6);
    let release!: () => void;
    push.holdUntil(new Promise<void>((resolve) => (release = resolve)));
    const sweeps = [send(), send(), send()];
    setTimeout(() => release(), 200);
    const results = await Promise.all(sweeps);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(queued);
    expect(push.received).toHaveLength(queued);
    const delivered = push.received.map((r) => `${r.id} ${JSON.parse(r.text!).body}`);
    expect(new Set(delivered).size).toBe(queued);
  });

  it("goes out at once after the notifying transaction commits, without waiting for the periodic sweep", async () => {
    startPushSendSweep(db, { agent: push.agent, dataDirectory }, 3600_000);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the start's own first sweep, on an empty outbox
      push.received.length = 0;
      const now = new Date();
      await disposedLetter([org.positions.head], { subject: "Segera sampai" }, "2026-12-31", now);
      const deadline = Date.now() + 5000;
      while (push.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(push.received.map((r) => JSON.parse(r.text!).body)).toEqual(["Disposisi masuk: “Segera sampai”."]);
    } finally {
      stopPushSendSweep();
    }
  });
});
