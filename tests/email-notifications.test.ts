import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { emailOutbox, employees, notifications } from "@/db/schema";
import { disposeLetter } from "@/lib/incoming/dispositions";
import { seedDispositionInstructions } from "@/lib/incoming/instructions";
import { registerIncomingLetter, type LetterFields } from "@/lib/incoming/register";
import { runEmailDigest } from "@/lib/notifications/email/digest";
import { emailPreferencesOf, saveEmailPreferences } from "@/lib/notifications/email/preferences";
import { MAX_ATTEMPTS, retryDelayMs, runEmailSendSweep } from "@/lib/notifications/email/send-sweep";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { ctxFor, freshDb } from "./support/db";
import { createDocumentOrg } from "./support/naskah";
import { freePort, smtpUrlFor, startSmtpServer, type TestSmtp } from "./support/smtp";

// E-mail notifications end to end: real changes (a letter registered and disposed) notify through the real lib
// functions, the channel queues in the same transaction, and the send sweep delivers to a real SMTP server
// started here, whose parsed messages are what the assertions read.

const NOW = new Date("2026-11-27T02:00:00Z"); // Friday 09.00 WIB
const BASE = "https://kawan.uji.go.id";
const FROM = "Kawan Uji <noreply@uji.go.id>";

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
let smtp: TestSmtp;

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

/** A letter to the regent, disposed by the regent to the given posts: the recipients get disposition_received. */
async function disposedLetter(toPositionIds: number[], over: Partial<LetterFields> = {}, now = NOW): Promise<number> {
  const { letterId } = await registerIncomingLetter(ctxFor(db, org.people.clerk, now), { fields: fields(over), addresseePositionIds: [org.positions.regent], pdf: null });
  disposeLetter(ctxFor(db, org.people.regent, now), {
    letterId,
    parentId: null,
    toPositionIds,
    instructions: ["Untuk ditindaklanjuti"],
    otherInstruction: "",
    note: "",
    urgency: "segera",
    deadline: "2026-12-04",
    copySuperior: false,
  });
  return letterId;
}

const outboxOf = (employeeId: number) => db.select().from(emailOutbox).where(eq(emailOutbox.employeeId, employeeId)).all();
const setEmail = (employeeId: number, email: string | null) => db.update(employees).set({ email }).where(eq(employees.id, employeeId)).run();
const defaults = { enabled: true, digest: false, digestHour: 16, kinds: {} };

beforeAll(async () => {
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("MAIL_FROM", FROM);
  vi.stubEnv("KAWAN_PUBLIC_URL", `${BASE}/`);
  db = freshDb();
  org = createDocumentOrg(db);
  seedDispositionInstructions(db, org.agencyA);
  setEmail(org.people.head, "kepala@uji.go.id");
  setEmail(org.people.kadinkes, "kadinkes@uji.go.id");
});

afterEach(() => {
  smtp.messages.length = 0;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
});

describe("one mail per notification", () => {
  it("a disposition queues a mail in its transaction; the sweep sends it once, with subject, text and the link", async () => {
    const letterId = await disposedLetter([org.positions.head]);
    const queued = outboxOf(org.people.head);
    expect(queued).toHaveLength(1);
    const notification = db.select().from(notifications).where(eq(notifications.employeeId, org.people.head)).all().at(-1)!;
    expect(queued[0]).toMatchObject({ notificationId: notification.id, toAddress: "kepala@uji.go.id", state: "queued", attempts: 0 });
    // The regent has no address and the clerk's act told the regent only: nothing else was queued.
    expect(db.select().from(emailOutbox).all()).toHaveLength(1);

    expect(await runEmailSendSweep(db, NOW)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("kepala@uji.go.id");
    expect(mail.from?.value[0]).toMatchObject({ name: "Kawan Uji", address: "noreply@uji.go.id" });
    expect(mail.subject).toBe("Kawan: Disposisi masuk");
    expect(mail.text).toContain("Yth. Kepala Uji,");
    expect(mail.text).toContain("Disposisi masuk: “Percepatan realisasi belanja daerah”.");
    expect(mail.text).toContain(`Buka: ${BASE}/surat-masuk/${letterId}`);
    expect(mail.html).toContain(`href="${BASE}/surat-masuk/${letterId}"`);
    expect(outboxOf(org.people.head)[0]).toMatchObject({ state: "sent", attempts: 0, lastError: null, claimToken: null });
    expect(outboxOf(org.people.head)[0].sentAt).toBeInstanceOf(Date);

    // Sent is sent: the next sweep finds nothing.
    expect(await runEmailSendSweep(db, new Date(NOW.getTime() + 3600_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  it("writes in the reader's language", async () => {
    db.update(employees).set({ locale: "en" }).where(eq(employees.id, org.people.head)).run();
    try {
      await disposedLetter([org.positions.head], { subject: "Anggaran 2027" });
      await runEmailSendSweep(db, NOW);
      expect(smtp.messages.map((m) => m.subject)).toEqual(["Kawan: Dispositions received"]);
      expect(smtp.messages[0].text).toContain("Dear Kepala Uji,");
      expect(smtp.messages[0].text).toContain("Disposition received: “Anggaran 2027”.");
    } finally {
      db.update(employees).set({ locale: "id" }).where(eq(employees.id, org.people.head)).run();
    }
  });

  it("never carries the subject of a Rahasia letter, only that one waits and the link", async () => {
    const secretSubject = "Hasil audit investigasi pengadaan";
    const letterId = await disposedLetter([org.positions.head], { subject: secretSubject, securityClass: "R" });
    await runEmailSendSweep(db, NOW);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.subject).toBe("Kawan: naskah rahasia menunggu Anda");
    expect(mail.text).toContain("Sebuah naskah rahasia menunggu Anda di Kawan.");
    expect(mail.text).toContain(`${BASE}/surat-masuk/${letterId}`);
    for (const part of [mail.subject, mail.text, mail.html || "", JSON.stringify(outboxOf(org.people.head))]) {
      expect(part).not.toContain("audit investigasi");
    }
  });

  it("queues nothing when e-mail is switched off, a kind is off, there is no address, or SMTP_URL is unset", async () => {
    const head = ctxFor(db, org.people.head);
    const count = () => outboxOf(org.people.head).length;
    const before = count();

    saveEmailPreferences(head, { ...defaults, enabled: false });
    await disposedLetter([org.positions.head]);
    expect(count()).toBe(before);

    saveEmailPreferences(head, { ...defaults, kinds: { disposition_received: false } });
    await disposedLetter([org.positions.head]);
    expect(count()).toBe(before);

    // In-app off: no notification row, so no mail either.
    saveEmailPreferences(head, { ...defaults, kinds: { disposition_received: true } });
    saveNotificationSettings(head, { disposition_received: false });
    await disposedLetter([org.positions.head]);
    expect(count()).toBe(before);
    saveNotificationSettings(head, { disposition_received: true });

    setEmail(org.people.head, null);
    await disposedLetter([org.positions.head]);
    expect(count()).toBe(before);
    setEmail(org.people.head, "kepala@uji.go.id");

    vi.stubEnv("SMTP_URL", "");
    try {
      expect(emailPreferencesOf(head).configured).toBe(false);
      await disposedLetter([org.positions.head]);
      expect(count()).toBe(before);
      expect(await runEmailSendSweep(db, NOW)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      vi.stubEnv("SMTP_URL", smtp.url);
    }

    // And back on, the next one is queued again.
    await disposedLetter([org.positions.head]);
    expect(count()).toBe(before + 1);
    await runEmailSendSweep(db, NOW);
    expect(smtp.messages).toHaveLength(1);
  });

  it("two overlapping sweeps send every mail exactly once", async () => {
    for (let i = 0; i < 3; i++) await disposedLetter([org.positions.head, org.docPositions.kadinkes], { subject: `Surat nomor ${i}` });
    const results = await Promise.all([runEmailSendSweep(db, NOW), runEmailSendSweep(db, NOW), runEmailSendSweep(db, NOW)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(smtp.messages).toHaveLength(6);
    const delivered = smtp.messages.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ""} ${m.text?.match(/Surat nomor \d/)?.[0]}`).sort();
    expect(new Set(delivered).size).toBe(6);
  });
});

describe("an SMTP server that is down", () => {
  it("keeps the mail queued with its attempts and error, and sends it on a later sweep once the server is up", async () => {
    const port = await freePort();
    vi.stubEnv("SMTP_URL", smtpUrlFor(port));
    let later: TestSmtp | null = null;
    try {
      await disposedLetter([org.positions.head], { subject: "Surat saat server mati" });
      expect(await runEmailSendSweep(db, NOW)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const [row] = outboxOf(org.people.head).filter((r) => r.state === "queued");
      expect(row).toMatchObject({ attempts: 1, claimToken: null });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt.getTime()).toBe(NOW.getTime() + retryDelayMs(1));

      // Before its next attempt time the row is left alone, even with the server up.
      later = await startSmtpServer(port);
      expect(await runEmailSendSweep(db, new Date(NOW.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(await runEmailSendSweep(db, new Date(NOW.getTime() + retryDelayMs(1)))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(later.messages.map((m) => m.text?.includes("Surat saat server mati"))).toEqual([true]);
      expect(db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id)).get()).toMatchObject({ state: "sent", attempts: 1 });
    } finally {
      await later?.close();
      vi.stubEnv("SMTP_URL", smtp.url);
    }
  });

  it("gives up after the last attempt and marks the mail failed", async () => {
    const port = await freePort();
    vi.stubEnv("SMTP_URL", smtpUrlFor(port));
    try {
      await disposedLetter([org.positions.head], { subject: "Surat yang tak terkirim" });
      let at = NOW;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const result = await runEmailSendSweep(db, at);
        expect(result).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
        at = new Date(at.getTime() + retryDelayMs(attempt));
      }
      const failed = outboxOf(org.people.head).filter((r) => r.state === "failed");
      expect(failed).toHaveLength(1);
      expect(failed[0].attempts).toBe(MAX_ATTEMPTS);
      vi.stubEnv("SMTP_URL", smtp.url);
      expect(await runEmailSendSweep(db, new Date(at.getTime() + 24 * 3600_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      vi.stubEnv("SMTP_URL", smtp.url);
    }
  });
});

describe("the daily digest", () => {
  it("sends one mail with every unread notification at the chosen hour, and nothing more that day", async () => {
    const kadinkes = ctxFor(db, org.people.kadinkes);
    // Start from a clean slate: earlier tests left notifications for this post, read them all.
    db.update(notifications).set({ readAt: NOW }).where(eq(notifications.employeeId, org.people.kadinkes)).run();
    saveEmailPreferences(kadinkes, { ...defaults, digest: true, digestHour: 16 });
    const queuedBefore = outboxOf(org.people.kadinkes).length;
    const first = await disposedLetter([org.docPositions.kadinkes], { subject: "Evaluasi program imunisasi" });
    const secret = await disposedLetter([org.docPositions.kadinkes], { subject: "Laporan rahasia wabah", securityClass: "SR" });
    const third = await disposedLetter([org.docPositions.kadinkes], { subject: "Pengadaan ambulans desa" });
    // A digest reader gets no mail each.
    expect(outboxOf(org.people.kadinkes)).toHaveLength(queuedBefore);

    // 15.30 WIB: before the hour.
    expect(runEmailDigest(db, new Date("2026-11-27T08:30:00Z"))).toEqual({ queued: 0 });
    // 16.05 WIB: one digest.
    const at = new Date("2026-11-27T09:05:00Z");
    expect(runEmailDigest(db, at)).toEqual({ queued: 1 });
    expect(runEmailDigest(db, new Date("2026-11-27T11:00:00Z"))).toEqual({ queued: 0 });
    await runEmailSendSweep(db, at);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("kadinkes@uji.go.id");
    expect(mail.subject).toBe("Kawan: ringkasan harian, 3 notifikasi belum dibaca");
    expect(mail.text).toContain("Disposisi masuk: “Evaluasi program imunisasi”.");
    expect(mail.text).toContain("Disposisi masuk: “Pengadaan ambulans desa”.");
    expect(mail.text).toContain(`${BASE}/surat-masuk/${first}`);
    expect(mail.text).toContain(`${BASE}/surat-masuk/${third}`);
    expect(mail.text).toContain(`${BASE}/surat-masuk/${secret}`);
    expect(mail.text).toContain("Sebuah naskah rahasia menunggu Anda di Kawan.");
    expect(`${mail.text}${mail.html}`).not.toContain("wabah");

    // Later the same day, and a second sweep: nothing more. The next day, at the hour, the next digest (one new
    // unread notification; yesterday's are older than a day by then only in part, so read them first).
    expect(runEmailDigest(db, new Date("2026-11-27T16:59:00Z"))).toEqual({ queued: 0 });
    db.update(notifications).set({ readAt: at }).where(eq(notifications.employeeId, org.people.kadinkes)).run();
    const nextDay = new Date("2026-11-28T09:00:00Z");
    await disposedLetter([org.docPositions.kadinkes], { subject: "Rapat esok hari" }, new Date("2026-11-28T01:00:00Z"));
    expect(runEmailDigest(db, nextDay)).toEqual({ queued: 1 });
    expect(runEmailDigest(db, nextDay)).toEqual({ queued: 0 });
    smtp.messages.length = 0;
    await runEmailSendSweep(db, nextDay);
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Kawan: ringkasan harian, 1 notifikasi belum dibaca"]);
  });

  it("sends no digest when nothing is unread", async () => {
    db.update(notifications).set({ readAt: NOW }).where(eq(notifications.employeeId, org.people.kadinkes)).run();
    expect(runEmailDigest(db, new Date("2026-11-29T09:30:00Z"))).toEqual({ queued: 0 });
  });
});
