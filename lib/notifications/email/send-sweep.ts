import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { emailEnabled, mailBaseUrl, mailFrom, smtpUrl } from "./config";

// The send sweep: after commit, every minute, sends what the channel and the digest queued. A sweep first claims
// its rows in a transaction (a token and a lease), then sends outside any transaction (sending is slow and async,
// a SQLite transaction here is neither), then marks each row by its token. Two overlapping sweeps, in one process
// or two, never claim the same row, so nothing is sent twice; a sweep that died mid-send leaves a lease that runs
// out, and the row is tried again (at most once more: mail is at-least-once at that point, never silently lost).
// A failure is retried with growing pauses (1, 2, 4 ... 60 minutes) and given up after MAX_ATTEMPTS.

export const MAX_ATTEMPTS = 8;
const BATCH = 50;
const LEASE_MS = 10 * 60_000;
const ERROR_MAX = 500;

/** The pause before the next try after the given number of failed attempts. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

type Claimed = { id: number; toAddress: string; subject: string; text: string; html: string; attempts: number };

function claim(db: Db, now: Date, token: string): Claimed[] {
  const due = and(
    eq(emailOutbox.state, "queued"),
    lte(emailOutbox.nextAttemptAt, now),
    or(isNull(emailOutbox.claimedUntil), lte(emailOutbox.claimedUntil, now)),
  );
  return db.transaction(
    (tx) => {
      const ids = tx.select({ id: emailOutbox.id }).from(emailOutbox).where(due).orderBy(asc(emailOutbox.id)).limit(BATCH).all().map((r) => r.id);
      if (ids.length === 0) return [];
      tx.update(emailOutbox)
        .set({ claimToken: token, claimedUntil: new Date(now.getTime() + LEASE_MS) })
        .where(and(inArray(emailOutbox.id, ids), due))
        .run();
      return tx
        .select({ id: emailOutbox.id, toAddress: emailOutbox.toAddress, subject: emailOutbox.subject, text: emailOutbox.text, html: emailOutbox.html, attempts: emailOutbox.attempts })
        .from(emailOutbox)
        .where(eq(emailOutbox.claimToken, token))
        .all();
    },
    { behavior: "immediate" },
  );
}

export type SendSweepResult = { sent: number; retrying: number; failed: number };

/** Sends the queued mails that are due; `now` decides what is due (injected so retries are testable). */
export async function runEmailSendSweep(db: Db, now: Date = new Date()): Promise<SendSweepResult> {
  const result: SendSweepResult = { sent: 0, retrying: 0, failed: 0 };
  const url = smtpUrl();
  if (!url) return result;
  const token = randomUUID();
  const rows = claim(db, now, token);
  if (rows.length === 0) return result;
  // Short timeouts: a sweep runs every minute, and an unreachable server must fail the attempt, not hang the sweep.
  const transport = nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  try {
    for (const row of rows) {
      const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimToken, token));
      try {
        await transport.sendMail({ from: mailFrom(), to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
        db.update(emailOutbox).set({ state: "sent", sentAt: new Date(), claimToken: null, claimedUntil: null, lastError: null }).where(mine).run();
        result.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const gaveUp = attempts >= MAX_ATTEMPTS;
        db.update(emailOutbox)
          .set({
            state: gaveUp ? "failed" : "queued",
            attempts,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
            lastError: (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX),
            claimToken: null,
            claimedUntil: null,
          })
          .where(mine)
          .run();
        if (gaveUp) result.failed++;
        else result.retrying++;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

/** Starts the sweep in this server process when SMTP_URL is set: now, then every minute; never two at once here. */
export function startEmailSendSweep(db: Db): void {
  if (!emailEnabled()) return;
  if (!mailBaseUrl()) console.warn("SMTP_URL is set but KAWAN_PUBLIC_URL is not: links in e-mails will be paths without a host");
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runEmailSendSweep(db, new Date());
    } catch (error) {
      console.error("e-mail send sweep failed", error);
    } finally {
      running = false;
    }
  };
  void run();
  setInterval(() => void run(), 60_000).unref();
}
