/**
 * The phone experience as Lighthouse measures it (issue 8): mobile profile (Moto G Power emulation, simulated
 * slow 4G and 4x CPU slowdown, Lighthouse's defaults), pinned lighthouse 12.2.3 (the last that runs on Node 20),
 * Debian's Chromium. On the demo regency, freshly seeded, served by `next start`:
 * the sign-in page, home, the naskah inbox and presensi as the demo staff member, and a document as its drafter.
 *
 * Per page: the median of RUNS runs of the performance and accessibility scores and of the main metrics, and the
 * page's first-load JavaScript: the scripts its HTML loads, gzip-compressed as `next start` sends them. Next 16's
 * build no longer prints first-load sizes per route, so this reads them from the pages themselves.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import * as chromeLauncher from "chrome-launcher";
import { AUTH_SECRET, freePort, Server } from "./http";
import { signInEmployee } from "./sessions";

export type LighthousePage = {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** First-load JavaScript: the scripts the page's HTML loads, gzip-compressed as the server sends them. */
  firstLoadJsBytes: number;
  firstLoadJsFiles: number;
  /** Every script loaded during Lighthouse's run, as transferred (includes what loads on first use, e.g. pdf.js). */
  scriptBytes: number;
  /** Failed audits of the accessibility category in the median run, for the report. */
  accessibilityFailures: string[];
};

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 95, firstLoadJsBytes: 150 * 1024 };

const STAFF_EMAIL = "putri.wulandari@banyuwangikab.go.id";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function seed(dir: string): string {
  const file = path.join(dir, "kawan.db");
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { env: { ...process.env, DATABASE_PATH: file }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`seeding failed:\n${result.stdout}\n${result.stderr}`);
  return file;
}

/** The scripts in the page's HTML, each gzip-compressed (level 6, as Next's compression sends it). */
async function firstLoadJs(base: string, pagePath: string, cookie: string | null): Promise<{ firstLoadJsBytes: number; firstLoadJsFiles: number }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = (await fetchBody(`${base}${pagePath}`, headers)).toString("utf8");
  // nomodule scripts (the legacy polyfills) are never loaded by the browsers that run modules.
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnomodule\b/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[1].replace(/&amp;/g, "&")))];
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(await fetchBody(new URL(src, base).toString(), headers), { level: 6 }).length;
  return { firstLoadJsBytes: bytes, firstLoadJsFiles: sources.length };
}

/** A GET's body; one retry, because the server may close an idle keep-alive socket just as it is reused. */
async function fetchBody(url: string, headers: Record<string, string>): Promise<Buffer> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    } catch (error) {
      if (attempt >= 1) throw error;
    }
  }
}

type Lhr = {
  runtimeError?: { code: string; message: string };
  finalDisplayedUrl: string;
  categories: Record<"performance" | "accessibility", { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
};

/**
 * Lighthouse's CLI in a plain node process: under tsx, esbuild names every function with a `__name` helper, and
 * Lighthouse sends some functions' source into the page, where that helper does not exist.
 */
function runLighthouse(url: string, port: number, cookie: string | null): Lhr {
  const args = [
    path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js"),
    url,
    `--port=${port}`,
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility",
    "--quiet",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`lighthouse ${url} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout) as Lhr;
}

type Audit = { score: number | null; numericValue?: number; title: string; details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] } };

export async function benchLighthouse(runs = 3): Promise<LighthousePage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-lighthouse-"));
  let server: Server | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    const file = seed(dir);
    const db = new Database(file);
    const idOf = (email: string) => (db.prepare("select id from employees where email = ?").get(email) as { id: number }).id;
    // The demo seed's documents are drafts in review; the detail page is opened by the drafter of the newest one.
    const document = db.prepare("select id, drafter_employee_id as drafterId from official_documents order by id desc limit 1").get() as { id: number; drafterId: number } | undefined;
    const staffCookie = await signInEmployee(db, idOf(STAFF_EMAIL));
    const drafterCookie = document ? await signInEmployee(db, document.drafterId) : null;
    db.close();

    server = new Server(await freePort(), { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
    await server.ready();
    const pages = [
      { name: "Sign-in", path: "/masuk", cookie: null },
      { name: "Home", path: "/", cookie: staffCookie },
      { name: "Naskah inbox", path: "/naskah", cookie: staffCookie },
      ...(document ? [{ name: "A document", path: `/naskah/${document.id}`, cookie: drafterCookie }] : []),
      { name: "Presensi", path: "/presensi", cookie: staffCookie },
    ];

    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const out: LighthousePage[] = [];
    for (const page of pages) {
      const measured: LighthousePage[] = [];
      // One unmeasured run: the server's first render of a route compiles nothing in production, but warms its caches.
      for (let i = 0; i <= runs; i++) {
        const lhr = runLighthouse(`${server.base}${page.path}`, chrome.port, page.cookie);
        if (lhr.runtimeError) throw new Error(`lighthouse ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        if (new URL(lhr.finalDisplayedUrl).pathname !== page.path) throw new Error(`lighthouse ${page.path} ended on ${lhr.finalDisplayedUrl}`);
        if (i === 0) continue;
        const audits = lhr.audits;
        const scripts = (audits["network-requests"].details?.items ?? []).filter((r) => r.resourceType === "Script");
        const accessibility = lhr.categories.accessibility;
        measured.push({
          name: page.name,
          path: page.path,
          performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
          accessibility: Math.round((accessibility.score ?? 0) * 100),
          fcpMs: audits["first-contentful-paint"].numericValue ?? 0,
          lcpMs: audits["largest-contentful-paint"].numericValue ?? 0,
          tbtMs: audits["total-blocking-time"].numericValue ?? 0,
          cls: audits["cumulative-layout-shift"].numericValue ?? 0,
          ...(await firstLoadJs(server.base, page.path, page.cookie)),
          scriptBytes: scripts.reduce((sum, r) => sum + Math.max(0, r.transferSize ?? 0), 0),
          accessibilityFailures: accessibility.auditRefs
            .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => `${ref.id}: ${audits[ref.id].title}`),
        });
      }
      const byPerformance = [...measured].sort((a, b) => a.performance - b.performance);
      const typical = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
      out.push({
        ...typical,
        performance: median(measured.map((m) => m.performance)),
        accessibility: median(measured.map((m) => m.accessibility)),
        fcpMs: median(measured.map((m) => m.fcpMs)),
        lcpMs: median(measured.map((m) => m.lcpMs)),
        tbtMs: median(measured.map((m) => m.tbtMs)),
        cls: median(measured.map((m) => m.cls)),
      });
      console.log(`  ${page.name}: performance ${out.at(-1)!.performance}, accessibility ${out.at(-1)!.accessibility}, first-load JS ${(typical.firstLoadJsBytes / 1024).toFixed(1)} KiB in ${typical.firstLoadJsFiles} files`);
    }
    return out;
  } finally {
    chrome?.kill();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
