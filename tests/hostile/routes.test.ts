/**
 * Every route handler (app/**\/route.ts, found by walking the folder) called directly with a Request: without a
 * session, with hostile path and query values, and against another agency's objects. None may answer 5xx or throw,
 * refusals are 4xx (or a redirect to sign in), and nothing in the database may change.
 */
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../support/hostile-next")).nextCacheMock);

import type { Db } from "@/db";
import { ensureAgencyAuthorityById } from "@/lib/signing/authority";
import { createHostileFixture, looksIndonesian, nextControlFlow, openHostileDb, signInAs as startSession, signOutAll, watchChanges, type HostileFixture } from "../support/hostile";
import { requestHeaders } from "../support/hostile-next";
import { findAppFiles, HOSTILE_STRINGS } from "../support/hostile-inputs";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { id: string; pattern: string; params: string[]; method: "GET" | "POST"; handler: Handler };

/** What exists today: a glob that finds fewer is broken, not a pass. */
const MIN_ROUTE_FILES = 17;
const MIN_HANDLERS = 18;

/** Public by design (the logo printed on letters, the root certificate, a completed signed file, Auth.js itself). */
const PUBLIC = new Set(["/api/instansi/[id]/logo", "/api/tte/root-ca", "/api/verifikasi/[id]/berkas", "/api/auth/[...nextauth]", "/serwist/[path]"]);
/** Search-as-you-type routes answer any text with a (possibly empty) list: 200 is right for a hostile query. */
const SEARCH = new Set(["/naskah/cari-penerima", "/naskah/klasifikasi", "/tandatangan/cari-pegawai"]);

/** Hostile values for a path segment or a query parameter. */
const HOSTILE_PARAMS = ["abc", "-1", "0", "1e999", "1.5", "9".repeat(400), "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "1 OR 1=1", " 1", "0x1f", "<script>alert(1)</script>", "🙂"];

let db: Db;
const signInAs = async (database: Db, employeeId: number) => {
  await startSession(database, employeeId);
  watch = undefined;
};
let fx: HostileFixture;
let routes: Route[] = [];
let fileCount = 0;
/** Started by the first probe after a sign-in (signing in writes a session row, which is not the probe's doing). */
let watch: ReturnType<typeof watchChanges> | undefined;

function patternOf(file: string): string {
  const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${rel.join("/")}`;
}

/** The object each route's [id] means, in agency A ("same") or agency B ("other"). */
function idsFor(pattern: string, side: "same" | "other"): Record<string, string> {
  const o = fx.objects;
  const a = side === "same";
  if (pattern.startsWith("/api/naskah/")) return { id: String(a ? o.draftA : o.draftB), lampiranId: String(a ? o.attachmentA : o.attachmentB) };
  if (pattern.startsWith("/api/surat-masuk/")) return { id: String(a ? o.letterA : o.letterB) };
  if (pattern.startsWith("/api/tandatangan/")) return { id: String(a ? o.signingA : o.signingB) };
  if (pattern.startsWith("/api/presensi/pengajuan/")) return { id: String(a ? o.requestA : o.requestB) };
  if (pattern.startsWith("/api/presensi/foto/")) return { recordId: String(a ? o.recordA : o.recordB) };
  if (pattern.startsWith("/notifikasi/")) return { id: String(a ? o.notificationA : o.notificationB) };
  if (pattern.startsWith("/api/instansi/")) return { id: String(a ? fx.agencyA : fx.agencyB) };
  if (pattern.startsWith("/api/verifikasi/")) return { id: "00112233445566778899aabbccddeeff" };
  if (pattern.startsWith("/api/auth/")) return { nextauth: "session" };
  if (pattern.startsWith("/serwist/")) return { path: "sw.js" };
  return {};
}

/** Plausible query strings per route (objects of agency A or B). */
function queryFor(pattern: string, side: "same" | "other"): Record<string, string> {
  const a = side === "same";
  if (pattern === "/api/presensi/rekap") return { unit: String(a ? fx.units.dinas : fx.units.rootB), bulan: "2026-11", format: "pdf" };
  if (pattern === "/api/surat-masuk/[id]/berkas") return { "tindak-lanjut": String(a ? fx.objects.dispositionA : fx.objects.dispositionB) };
  if (pattern === "/api/tandatangan/[id]/berkas") return { versi: "1" };
  if (pattern === "/tte/sertifikat") return { id: "1" };
  if (pattern === "/api/tte/root-ca") return { instansi: String(a ? fx.agencyA : fx.agencyB) };
  if (SEARCH.has(pattern)) return { q: "kepala", kinds: "position,unit,employee" };
  return {};
}

async function call(route: Route, params: Record<string, string>, query: Record<string, string>, init: { body?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  let url = route.pattern.replace(/\[\.\.\.(\w+)\]/g, (_, n: string) => (params[n] ?? "x").split("/").map(encodeURIComponent).join("/")).replace(/\[(\w+)\]/g, (_, n: string) => encodeURIComponent(params[n] ?? "1"));
  const search = new URLSearchParams(query).toString();
  url = `http://kawan.test${url}${search ? `?${search}` : ""}`;
  const request = new NextRequest(url, { method: route.method, headers: { ...requestHeaders(), ...init.headers }, body: init.body });
  const contextParams: Record<string, string | string[]> = { ...params };
  if (route.pattern.includes("[...nextauth]")) contextParams.nextauth = String(params.nextauth ?? "session").split("/");
  try {
    const response = await route.handler(request, { params: Promise.resolve(contextParams) });
    const text = response.status >= 300 && response.status < 400 ? "" : (await response.text()).slice(0, 200);
    // A refusal in plain text is read by a person (a download link opened in a tab): it must be Indonesian.
    const plain = response.headers.get("content-type")?.startsWith("text/plain") || !response.headers.get("content-type");
    if (response.status >= 400 && plain && !route.pattern.startsWith("/api/auth/") && !looksIndonesian(text)) {
      return { status: 599, text: `a refusal that is not Indonesian: ${JSON.stringify(text)}` };
    }
    return { status: response.status, text };
  } catch (error) {
    const control = nextControlFlow(error);
    if (control?.startsWith("redirect:")) return { status: 303, text: control };
    if (control?.startsWith("http:")) return { status: Number(control.slice(5)), text: control };
    throw new Error(`${route.id} ${url} threw (a 500): ${(error as Error)?.stack ?? String(error)}`);
  }
}

/** Calls, then checks the status with `accept` and that the database did not change; collects problems. */
async function probe(problems: string[], route: Route, params: Record<string, string>, query: Record<string, string>, accept: (status: number) => boolean, init?: Parameters<typeof call>[3]) {
  watch ??= watchChanges(db);
  try {
    const { status, text } = await call(route, params, query, init);
    if (!accept(status)) problems.push(`${route.id} ${JSON.stringify(params)} ${JSON.stringify(query)}: status ${status} ${text}`);
  } catch (error) {
    problems.push((error as Error).message.slice(0, 800));
  }
  const changed = watch.changed();
  if (changed.length) problems.push(`${route.id} ${JSON.stringify(params)} ${JSON.stringify(query)} changed ${changed.join(", ")}`);
}

const refusal = (status: number) => [401, 403, 404].includes(status) || (status >= 300 && status < 400);
const clientError = (status: number) => status >= 400 && status < 500;
const notServerError = (status: number) => status < 500;

beforeAll(async () => {
  db = openHostileDb();
  fx = await createHostileFixture(db);
  // The root certificate is created on its first request, by design; made here so the probes compare like with like.
  for (const agencyId of [fx.agencyA, fx.agencyB]) await ensureAgencyAuthorityById(db, agencyId, new Date(), { ip: "127.0.0.1", userAgent: "fixture" });
  const files = findAppFiles(path.join(process.cwd(), "app"), "route.ts");
  fileCount = files.length;
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const pattern = patternOf(file);
    for (const method of ["GET", "POST"] as const) {
      if (typeof mod[method] === "function") {
        routes.push({ id: `${method} ${pattern}`, pattern, method, handler: mod[method] as Handler, params: [...pattern.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]) });
      }
    }
  }
  routes = routes.sort((x, y) => x.id.localeCompare(y.id));
}, 120_000);

describe("route handler discovery", () => {
  it("finds every route.ts and its handlers", () => {
    expect(fileCount).toBeGreaterThanOrEqual(MIN_ROUTE_FILES);
    expect(routes.length).toBeGreaterThanOrEqual(MIN_HANDLERS);
  });
});

describe("route handlers", () => {
  it("without a session: 401/403/404 or a redirect to sign in (public ones: no 5xx), and no change", async () => {
    signOutAll();
    const problems: string[] = [];
    for (const route of routes) {
      const accept = PUBLIC.has(route.pattern) ? notServerError : refusal;
      const body = route.method === "POST" ? JSON.stringify({ kind: "in" }) : undefined;
      await probe(problems, route, idsFor(route.pattern, "same"), queryFor(route.pattern, "same"), accept, { body });
    }
    expect(problems).toEqual([]);
  });

  it("an employee who must still change their password gets no file and no data, and nothing changes", async () => {
    await signInAs(db, fx.people.pending);
    const problems: string[] = [];
    for (const route of routes) {
      if (PUBLIC.has(route.pattern)) continue;
      const body = route.method === "POST" ? JSON.stringify({ kind: "in" }) : undefined;
      await probe(problems, route, idsFor(route.pattern, "same"), queryFor(route.pattern, "same"), refusal, { body });
    }
    expect(problems).toEqual([]);
  });

  it("hostile ids and query values: 4xx, never 5xx, and no change", async () => {
    await signInAs(db, fx.people.outsider);
    const problems: string[] = [];
    for (const route of routes) {
      if (route.method === "POST") continue; // POST /api/presensi has its own case below
      const params = idsFor(route.pattern, "same");
      const query = queryFor(route.pattern, "same");
      for (const value of HOSTILE_PARAMS) {
        for (const name of route.params) {
          if (name === "nextauth") continue; // Auth.js's own paths: the case below
          await probe(problems, route, { ...params, [name]: value }, query, clientError);
        }
        for (const name of Object.keys(query)) {
          await probe(problems, route, params, { ...query, [name]: value }, SEARCH.has(route.pattern) || PUBLIC.has(route.pattern) ? notServerError : clientError);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("another agency's objects are 404 for a plain employee and for an agency admin, and nothing changes", async () => {
    const problems: string[] = [];
    for (const employeeId of [fx.people.outsider, fx.employees.admin]) {
      await signInAs(db, employeeId);
      for (const route of routes) {
        if (route.method === "POST" || PUBLIC.has(route.pattern) || SEARCH.has(route.pattern) || route.pattern === "/tte/sertifikat") continue;
        await probe(problems, route, idsFor(route.pattern, "other"), queryFor(route.pattern, "other"), (s) => s === 404);
      }
    }
    expect(problems).toEqual([]);
  });

  it("someone else's objects of the same agency are 404 for a plain employee", async () => {
    await signInAs(db, fx.people.outsider);
    const problems: string[] = [];
    for (const route of routes) {
      if (route.method === "POST" || PUBLIC.has(route.pattern) || SEARCH.has(route.pattern) || route.pattern === "/tte/sertifikat") continue;
      await probe(problems, route, idsFor(route.pattern, "same"), queryFor(route.pattern, "same"), (s) => s === 404);
    }
    expect(problems).toEqual([]);
  });

  it("POST /api/presensi answers hostile bodies and origins with a 4xx and records nothing", async () => {
    const route = routes.find((r) => r.id === "POST /api/presensi")!;
    await signInAs(db, fx.people.outsider);
    const problems: string[] = [];
    const bodies = [
      "", "null", "[]", "{}", "not json", "{\"kind\":", "1e309", JSON.stringify({ kind: "in", latitude: "abc", longitude: 1e309 }),
      JSON.stringify({ kind: "in", latitude: 91, longitude: 0, accuracy: 10, clientTime: Date.now(), requestKey: "hostile-key-1" }),
      JSON.stringify({ kind: "<script>", latitude: -8.2, longitude: 114.3, accuracy: -1, clientTime: -1, requestKey: "../../etc/passwd" }),
      JSON.stringify({ kind: "in", latitude: -8.2192, longitude: 114.3691, accuracy: 10, clientTime: Date.now(), requestKey: "x".repeat(100) }),
      JSON.stringify({ __proto__: { admin: true }, kind: "out" }),
      JSON.stringify({ kind: "in", reason: "A".repeat(2 * 1024 * 1024) }),
      ...HOSTILE_STRINGS.slice(0, 20).map((s) => JSON.stringify({ kind: s, latitude: s, longitude: s, accuracy: s, clientTime: s, requestKey: s })),
    ];
    for (const body of bodies) await probe(problems, route, {}, {}, clientError, { body, headers: { "content-type": "application/json" } });
    // Another site's page posting a valid-looking check-in: refused before the body is read.
    const valid = JSON.stringify({ kind: "in", latitude: -8.2192, longitude: 114.3691, accuracy: 10, clientTime: Date.now(), requestKey: "cross-site-1" });
    await probe(problems, route, {}, {}, (s) => s === 403, { body: valid, headers: { origin: "https://jahat.example" } });
    await probe(problems, route, {}, {}, (s) => s === 403, { body: valid, headers: { origin: "null" } });
    expect(problems).toEqual([]);
  });

  it("Auth.js's own endpoints answer unknown and hostile paths without a 5xx or a change", async () => {
    signOutAll();
    const problems: string[] = [];
    for (const method of ["GET", "POST"] as const) {
      const route = routes.find((r) => r.id === `${method} /api/auth/[...nextauth]`);
      if (!route) continue;
      for (const action of ["session", "csrf", "providers", "signin", "signout", "callback/credentials", "error", "nope", "../../etc/passwd", "callback/%00", "signin/credentials"]) {
        const body = method === "POST" ? new URLSearchParams({ identifier: "' OR 1=1 --", password: "x", csrfToken: "forged" }).toString() : undefined;
        await probe(problems, route, { nextauth: action }, {}, notServerError, { body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      }
    }
    expect(problems).toEqual([]);
  });
});
