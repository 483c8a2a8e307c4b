import "server-only";
import { createHash, ECDH } from "node:crypto";
import { isIP } from "node:net";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { pushSubscriptions } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, Tx } from "@/lib/context";
import { invalid, notFound } from "@/lib/errors";
import { idField } from "@/lib/validation";
import { allowLocalPushEndpoints } from "./config";

// Per-device opt-in: a browser that subscribed (PushManager.subscribe) hands its endpoint and keys to the server.
// Everything here acts on the actor's own subscriptions only; there is no employee in any input. An endpoint belongs
// to one browser, so when another person signs in on a shared phone and opts in, the row moves to them (and what was
// queued for the previous person goes with the old row, never to the new holder).
//
// The endpoint is a URL the server will POST to, so it is checked like any outbound address: https, a host name (no
// IP literal, no single-label intranet name), no credentials. The tests' local push service on 127.0.0.1 is allowed
// only outside production (config.ts).

export const ENDPOINT_MAX = 2048;
/** A person's devices; a further one pushes out the one that has been silent longest. */
export const MAX_DEVICES_PER_EMPLOYEE = 10;
const LABEL_MAX = 80;

/** The forms' shapes for the server actions: only the shape, the rules are checked below and reported per field. */
export const pushSubscriptionForm = z.object({
  endpoint: z.string("validation.invalid").max(ENDPOINT_MAX, "notifications.push.errors.endpoint"),
  p256dh: z.string("validation.invalid").max(200, "notifications.push.errors.keys"),
  auth: z.string("validation.invalid").max(100, "notifications.push.errors.keys"),
  userAgent: z.string().max(1000).optional().default(""),
});
export const pushEndpointForm = z.object({ endpoint: z.string("validation.invalid").max(ENDPOINT_MAX, "notifications.push.errors.endpoint") });
export const pushSubscriptionIdForm = z.object({ subscriptionId: idField });

export type SubscriptionInput = { endpoint: string; keys: { p256dh: string; auth: string }; userAgent?: string };

export type DeviceSubscription = {
  id: number;
  label: string;
  /** sha256 of the endpoint, hex: lets the page tell "this device" without putting endpoints into the HTML. */
  endpointHash: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const endpointHash = (endpoint: string) => createHash("sha256").update(endpoint).digest("hex");

/** The endpoint as stored, or null when it is no push service address this server may post to. */
export function normalizeEndpoint(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > ENDPOINT_MAX) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.hash) return null;
  const host = url.hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost")) return allowLocalPushEndpoints() && LOOPBACK_HOSTS.has(host) ? url.href : null;
  // Push services are public names; an address or an intranet name is someone aiming the server at its own network.
  if (isIP(host.replace(/^\[|\]$/g, "")) !== 0 || !host.includes(".") || host.endsWith(".")) return null;
  return url.href;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** A base64url value decoded, or null when it is not one (a stray character must not be skipped silently). */
function base64url(value: string): Buffer | null {
  const text = value.trim();
  return BASE64URL.test(text) ? Buffer.from(text.replace(/=+$/, ""), "base64url") : null;
}

/** The browser's P-256 public key: 65 bytes, uncompressed, a point on the curve. */
function validP256dh(value: string): string | null {
  const bytes = base64url(value);
  if (!bytes || bytes.length !== 65 || bytes[0] !== 0x04) return null;
  try {
    ECDH.convertKey(bytes, "prime256v1", undefined, undefined, "uncompressed");
  } catch {
    return null;
  }
  return bytes.toString("base64url");
}

function validAuth(value: string): string | null {
  const bytes = base64url(value);
  return bytes && bytes.length === 16 ? bytes.toString("base64url") : null;
}

/** "Chrome, Android": enough to tell one's devices apart; the raw user agent is not kept. */
export function deviceLabel(userAgent: string): string {
  const ua = userAgent.slice(0, 1000);
  const browser =
    /EdgA?\//.test(ua) ? "Edge"
    : /SamsungBrowser\//.test(ua) ? "Samsung Internet"
    : /OPR\/|Opera/.test(ua) ? "Opera"
    : /Firefox\/|FxiOS/.test(ua) ? "Firefox"
    : /Chrome\/|CriOS|Chromium/.test(ua) ? "Chrome"
    : /Safari\//.test(ua) ? "Safari"
    : "";
  const system =
    /Android/.test(ua) ? "Android"
    : /iPhone|iPad|iPod/.test(ua) ? "iOS"
    : /Windows/.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS"
    : /CrOS/.test(ua) ? "ChromeOS"
    : /Linux/.test(ua) ? "Linux"
    : "";
  return [browser, system].filter(Boolean).join(", ").slice(0, LABEL_MAX);
}

/** What the audit keeps of an endpoint: its push service, not the capability URL itself. */
const serviceOf = (endpoint: string) => new URL(endpoint).host;

function validated(input: SubscriptionInput): { endpoint: string; p256dh: string; auth: string } {
  const endpoint = normalizeEndpoint(String(input.endpoint ?? ""));
  const p256dh = validP256dh(String(input.keys?.p256dh ?? ""));
  const auth = validAuth(String(input.keys?.auth ?? ""));
  const errors: Record<string, string> = {};
  if (!endpoint) errors.endpoint = "notifications.push.errors.endpoint";
  if (!p256dh) errors.p256dh = "notifications.push.errors.keys";
  if (!auth) errors.auth = "notifications.push.errors.keys";
  if (!endpoint || !p256dh || !auth) throw invalid(errors, "notifications.push.errors.subscription");
  return { endpoint, p256dh, auth };
}

/** Keeps at most MAX_DEVICES_PER_EMPLOYEE: the ones silent longest go. Returns the ids removed. */
function trimDevices(tx: Tx, employeeId: number): number[] {
  const surplus = tx
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.employeeId, employeeId))
    .orderBy(desc(sql`coalesce(${pushSubscriptions.lastSuccessAt}, ${pushSubscriptions.createdAt})`), desc(pushSubscriptions.id))
    .all()
    .slice(MAX_DEVICES_PER_EMPLOYEE)
    .map((r) => r.id);
  for (const id of surplus) tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)).run();
  return surplus;
}

/**
 * Stores this browser's subscription for the actor, audited. The same endpoint again (the browser renewed its keys)
 * updates the row; an endpoint stored for someone else moves to the actor, with what was queued for them dropped.
 */
export function subscribe(ctx: Ctx, input: SubscriptionInput): { subscriptionId: number; created: boolean } {
  const { endpoint, p256dh, auth } = validated(input);
  const label = deviceLabel(input.userAgent || ctx.request.userAgent);
  const me = ctx.actor.employeeId;
  return ctx.db.transaction((tx) => {
    const existing = tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)).get();
    if (existing && existing.employeeId === me) {
      if (existing.p256dh === p256dh && existing.auth === auth && existing.userAgent === label) return { subscriptionId: existing.id, created: false };
      tx.update(pushSubscriptions).set({ p256dh, auth, userAgent: label }).where(eq(pushSubscriptions.id, existing.id)).run();
      writeAudit(tx, ctx, {
        action: "push.subscription_renewed",
        entityType: "push_subscription",
        entityId: existing.id,
        after: { service: serviceOf(endpoint), label, keysChanged: existing.p256dh !== p256dh || existing.auth !== auth },
      });
      return { subscriptionId: existing.id, created: false };
    }
    // A new row rather than an update: the old one's queued pushes go with it (foreign key, on delete cascade).
    if (existing) tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, existing.id)).run();
    const id = tx
      .insert(pushSubscriptions)
      .values({ employeeId: me, endpoint, p256dh, auth, userAgent: label, createdAt: ctx.now })
      .returning({ id: pushSubscriptions.id })
      .get().id;
    const dropped = trimDevices(tx, me);
    writeAudit(tx, ctx, {
      action: existing ? "push.subscription_moved" : "push.subscription_added",
      entityType: "push_subscription",
      entityId: id,
      before: existing ? { subscriptionId: existing.id, employeeId: existing.employeeId } : undefined,
      after: { service: serviceOf(endpoint), label, ...(dropped.length ? { removedOldest: dropped } : {}) },
    });
    return { subscriptionId: id, created: true };
  });
}

function removeOwn(ctx: Ctx, where: ReturnType<typeof and>, reason: string): { subscriptionId: number } | null {
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(pushSubscriptions).where(and(where, eq(pushSubscriptions.employeeId, ctx.actor.employeeId))).get();
    if (!row) return null;
    tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, row.id)).run();
    writeAudit(tx, ctx, {
      action: "push.subscription_removed",
      entityType: "push_subscription",
      entityId: row.id,
      before: { service: serviceOf(row.endpoint), label: row.userAgent },
      after: { reason },
    });
    return { subscriptionId: row.id };
  });
}

/** Turns push off for this browser: the actor's own subscription with that endpoint; anyone else's is "not found". */
export function unsubscribe(ctx: Ctx, endpoint: string): { subscriptionId: number } {
  const normalized = normalizeEndpoint(endpoint);
  const removed = normalized ? removeOwn(ctx, eq(pushSubscriptions.endpoint, normalized), "turned_off") : null;
  if (!removed) throw notFound();
  return removed;
}

/** Removes one of the actor's devices from the list on Akun (a lost phone); anyone else's is "not found". */
export function removeDevice(ctx: Ctx, subscriptionId: number): { subscriptionId: number } {
  const removed = removeOwn(ctx, eq(pushSubscriptions.id, subscriptionId), "removed_from_list");
  if (!removed) throw notFound();
  return removed;
}

/**
 * At sign-out: this browser stops receiving the actor's pushes, so the next person on a shared phone never sees
 * them. Quietly nothing when the browser had no subscription (or one of someone else's).
 */
export function forgetDeviceAtSignOut(ctx: Ctx, endpoint: string): boolean {
  const normalized = normalizeEndpoint(endpoint);
  return normalized ? removeOwn(ctx, eq(pushSubscriptions.endpoint, normalized), "signed_out") !== null : false;
}

/** The actor's own devices, newest first. */
export function listForActor(ctx: Pick<Ctx, "db" | "actor">): DeviceSubscription[] {
  return ctx.db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.employeeId, ctx.actor.employeeId))
    .orderBy(desc(pushSubscriptions.createdAt), asc(pushSubscriptions.id))
    .all()
    .map((r) => ({ id: r.id, label: r.userAgent, endpointHash: endpointHash(r.endpoint), createdAt: r.createdAt, lastSuccessAt: r.lastSuccessAt }));
}
