import "server-only";
import { randomUUID } from "node:crypto";
import type { Agent } from "node:https";
import { and, asc, eq, inArray, isNull, lte, ne, or } from "drizzle-orm";
import webpush, { WebPushError } from "web-push";
import type { Db } from "@/db";
import { pushOutbox, pushSubscriptions } from "@/db/schema";
import { vapidSubject } from "./config";
import { vapidKeys } from "./vapid";

// The push sweep, the e-mail send sweep's twin (email/send-sweep.ts): claim due rows in a transaction with a token and
// a lease, send outside any transaction, mark each row by its token; two overlapping sweeps never claim the same row.
// A push service answering 404 or 410 says the browser unsubscribed or the subscription expired: the subscription is
// deleted, and its queued rows with it. Anything else is retried with growing pauses, then given up: a push is only a
// nudge (the notification stays in the app), and one that arrives hours late has lost its point.

export const MAX_ATTEMPTS = 6;
/** How long a push service keeps a push for a phone that is off: a day, after which the in-app list is the place. */
export const PUSH_TTL_SECONDS = 24 * 3600;
const BATCH = 50;
const LEASE_MS = 5 * 60_000;
const ERROR_MAX = 500;
const SEND_TIMEOUT_MS = 15_000;
/** Sent and given-up rows are kept this long (for support questions), then pruned by the periodic sweep. */
const KEEP_MS = 14 * 24 * 3600_000;

/** The pause before the next try after the given number of failed attempts: 1, 2, 4, 8, 16 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

export type PushSendOptions = {
  /**
   * The TLS agent for the push services. Only the tests set one, trusting their local endpoint's own certificate
   * (tests/support/push-endpoint.ts); certificates are always checked, with Node's default store otherwise.
   */
  agent?: Agent;
  /** The data directory holding the VAPID keys; the database's directory by default. */
  dataDirectory?: string;
};

type Claimed = {
  id: number;
  subscriptionId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  payload: string;
  urgency: "normal" | "high";
  attempts: number;
};

function claim(db: Db, now: Date, token: string): Claimed[] {
  const due = and(eq(pushOutbox.state, "queued"), lte(pushOutbox.nextAttemptAt, now), or(isNull(pushOutbox.claimedUntil), lte(pushOutbox.claimedUntil, now)));
  return db.transaction(
    (tx) => {
      const ids = tx.select({ id: pushOutbox.id }).from(pushOutbox).where(due).orderBy(asc(pushOutbox.id)).limit(BATCH).all().map((r) => r.id);
      if (ids.length === 0) return [];
      tx.update(pushOutbox)
        .set({ claimToken: token, claimedUntil: new Date(now.getTime() + LEASE_MS) })
        .where(and(inArray(pushOutbox.id, ids), due))
        .run();
      return tx
        .select({
          id: pushOutbox.id,
          subscriptionId: pushOutbox.subscriptionId,
          endpoint: pushSubscriptions.endpoint,
          p256dh: pushSubscriptions.p256dh,
          auth: pushSubscriptions.auth,
          payload: pushOutbox.payload,
          urgency: pushOutbox.urgency,
          attempts: pushOutbox.attempts,
        })
        .from(pushOutbox)
        .innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushOutbox.subscriptionId))
        .where(eq(pushOutbox.claimToken, token))
        .orderBy(asc(pushOutbox.id))
        .all();
    },
    { behavior: "immediate" },
  );
}

export type PushSweepResult = { sent: number; retrying: number; failed: number; expired: number };

/** Sends the queued pushes that are due; `now` decides what is due (injected so retries are testable). */
export async function runPushSendSweep(db: Db, now: Date = new Date(), options: PushSendOptions = {}): Promise<PushSweepResult> {
  const result: PushSweepResult = { sent: 0, retrying: 0, failed: 0, expired: 0 };
  const token = randomUUID();
  const rows = claim(db, now, token);
  if (rows.length === 0) return result;
  const keys = vapidKeys(options.dataDirectory);
  const vapidDetails = { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey };
  const gone = new Set<number>();
  for (const row of rows) {
    if (gone.has(row.subscriptionId)) continue;
    const mine = and(eq(pushOutbox.id, row.id), eq(pushOutbox.claimToken, token));
    // The subscription may have been turned off or moved to another person since the claim: then this row went with
    // it, and the endpoint must not receive the previous person's push.
    if (!db.select({ id: pushOutbox.id }).from(pushOutbox).where(mine).get()) continue;
    try {
      await webpush.sendNotification({ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } }, row.payload, {
        vapidDetails,
        TTL: PUSH_TTL_SECONDS,
        urgency: row.urgency,
        timeout: SEND_TIMEOUT_MS,
        ...(options.agent ? { agent: options.agent } : {}),
      });
      const sentAt = new Date();
      db.transaction((tx) => {
        tx.update(pushOutbox).set({ state: "sent", sentAt, claimToken: null, claimedUntil: null, lastError: null }).where(mine).run();
        tx.update(pushSubscriptions).set({ lastSuccessAt: sentAt }).where(eq(pushSubscriptions.id, row.subscriptionId)).run();
      });
      result.sent++;
    } catch (error) {
      const status = error instanceof WebPushError ? error.statusCode : null;
      if (status === 404 || status === 410) {
        // Expired or unsubscribed in the browser: the subscription and whatever is still queued for it go.
        db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row.subscriptionId)).run();
        gone.add(row.subscriptionId);
        result.expired++;
        continue;
      }
      const attempts = row.attempts + 1;
      const gaveUp = attempts >= MAX_ATTEMPTS;
      const message = error instanceof WebPushError ? `${error.statusCode} ${error.body || error.message}` : error instanceof Error ? error.message : String(error);
      db.update(pushOutbox)
        .set({
          state: gaveUp ? "failed" : "queued",
          attempts,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
          lastError: message.slice(0, ERROR_MAX),
          claimToken: null,
          claimedUntil: null,
        })
        .where(mine)
        .run();
      if (gaveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/** Drops sent and given-up rows older than KEEP_MS, so the outbox does not grow with every notification ever pushed. */
export function prunePushOutbox(db: Db, now: Date): number {
  return db
    .delete(pushOutbox)
    .where(and(ne(pushOutbox.state, "queued"), lte(pushOutbox.createdAt, new Date(now.getTime() - KEEP_MS))))
    .run().changes;
}

// One sweep at a time in this process; a request while one runs makes it go round once more when done, so a push
// queued mid-sweep is not left for the periodic timer.
type Runner = { db: Db; options: PushSendOptions; running: boolean; again: boolean; timer: NodeJS.Timeout | null };
const globalForPush = globalThis as unknown as { kawanPushRunner?: Runner | null };

async function runLoop(runner: Runner): Promise<void> {
  if (runner.running) {
    runner.again = true;
    return;
  }
  runner.running = true;
  try {
    do {
      runner.again = false;
      try {
        await runPushSendSweep(runner.db, new Date(), runner.options);
      } catch (error) {
        console.error("push send sweep failed", error);
      }
    } while (runner.again);
  } finally {
    runner.running = false;
  }
}

let scheduled = false;

/**
 * Called by the channel inside the notifying transaction: sweeps on the next turn of the event loop, after the
 * synchronous transaction has committed (or rolled back, and then the sweep finds nothing). Nothing happens in a
 * process where the sweep was not started (a script, a test that sweeps by hand).
 */
export function schedulePushSweep(): void {
  const runner = globalForPush.kawanPushRunner;
  if (!runner || scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    void runLoop(runner);
  });
}

/** Starts pushing in this server process: now, then every minute for retries; and at once after each notification. */
export function startPushSendSweep(db: Db, options: PushSendOptions = {}, intervalMs = 60_000): void {
  stopPushSendSweep();
  const runner: Runner = { db, options, running: false, again: false, timer: null };
  globalForPush.kawanPushRunner = runner;
  let lastPrune = 0;
  const tick = () => {
    const now = Date.now();
    if (now - lastPrune > 3600_000) {
      lastPrune = now;
      try {
        prunePushOutbox(db, new Date(now));
      } catch (error) {
        console.error("push outbox prune failed", error);
      }
    }
    void runLoop(runner);
  };
  tick();
  runner.timer = setInterval(tick, intervalMs);
  runner.timer.unref();
}

/** Stops the sweep started here (tests; a server never stops it). */
export function stopPushSendSweep(): void {
  const runner = globalForPush.kawanPushRunner;
  if (runner?.timer) clearInterval(runner.timer);
  globalForPush.kawanPushRunner = null;
}
