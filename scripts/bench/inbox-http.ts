/**
 * The Naskah inbox over HTTP, as a leader sees it: a production server (`next start`) on a database with
 * the demo regency and N sent documents (inbox-data.ts), the leader signed in through Auth.js like a
 * browser, then the inbox's first page, a deep page and a search, each requested one after another.
 * Times are from sending the request to the last byte of the HTML (gzip on the wire, as for a browser).
 * After the server stops, inbox-sql.ts times the same pages' queries in-process on the same file, so the
 * table shows how much of a request is SQL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { benchInboxSql } from "./inbox-sql";
import { databaseSize, DEMO_PASSWORD, insertSentDocuments, LEADER_EMAIL, seedDemoDatabase, type InboxData } from "./inbox-data";
import { check, elapsedMs, mib, stats, type BenchRow } from "./stats";

const AUTH_SECRET = "bench-secret-0123456789abcdef0123456789";
const LIST_MARKER = 'data-testid="document-list"';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Source files changed after the build, which the HTTP rows therefore do not measure. */
function newerThanBuild(buildId: string): string[] {
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css)$/.test(entry.name) && fs.statSync(full).mtimeMs > builtAt) newer.push(path.relative(process.cwd(), full));
    }
  };
  for (const dir of ["app", "components", "lib", "db"]) if (fs.existsSync(dir)) walk(dir);
  return newer;
}

/**
 * `next start` needs a production build; build only when there is none (a build takes minutes, and other
 * people may be serving the existing one). A stale build is used with a warning in the output and the JSON.
 */
function ensureBuild(): { staleFiles: string[] } {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) {
    console.log("  no .next/BUILD_ID: running `npx next build` first...");
    const built = spawnSync("npx", ["next", "build"], { stdio: "inherit", cwd: process.cwd() });
    check(built.status === 0, `npx next build failed (${built.status})`);
  }
  const staleFiles = newerThanBuild(buildId);
  if (staleFiles.length > 0) {
    console.warn(`  WARNING: .next is older than ${staleFiles.length} source file(s) (${staleFiles.slice(0, 3).join(", ")}...): the HTTP rows measure the last build; run \`npx next build\` to measure the working tree`);
  }
  return { staleFiles };
}

/** The production server in its own process group, so stopping it also stops whatever it spawned. */
class Server {
  private child: ChildProcess;
  private log = "";
  private exitHook = () => this.kill("SIGKILL");
  // Death by signal skips "exit" handlers: turn Ctrl-C into an exit so the hook above runs.
  private signalHook = () => process.exit(130);

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.child = spawn(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: process.cwd(),
      env: { ...process.env, ...env, NODE_ENV: "production" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20_000));
    this.child.stdout!.on("data", keep);
    this.child.stderr!.on("data", keep);
    // A crash or Ctrl-C of the bench must not leave a server holding the port and the temp database.
    process.once("exit", this.exitHook);
    process.once("SIGINT", this.signalHook);
    process.once("SIGTERM", this.signalHook);
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  get output() {
    return this.log.trim();
  }

  /** Signals the whole group: `next start` may leave workers behind when only its own pid is signalled. */
  private kill(signal: NodeJS.Signals) {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is gone already.
    }
  }

  async ready(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`next start exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const res = await fetch(`${this.base}/api/auth/csrf`);
        if (res.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`next start not ready after ${timeoutMs / 1000} s:\n${this.output}`);
  }

  async stop(): Promise<void> {
    process.removeListener("exit", this.exitHook);
    process.removeListener("SIGINT", this.signalHook);
    process.removeListener("SIGTERM", this.signalHook);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      this.kill("SIGTERM");
      const timer = setTimeout(() => this.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    // Whatever of the group outlived its leader.
    this.kill("SIGKILL");
  }
}

/** Just enough of a cookie jar for Auth.js: name=value pairs, later Set-Cookie headers replacing earlier ones. */
class Cookies {
  private jar = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  has(prefix: string) {
    return [...this.jar.keys()].some((k) => k.startsWith(prefix) && this.jar.get(k));
  }
  get header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Auth.js v5 credentials sign-in: the CSRF token and its cookie first, then the form post. */
async function signIn(base: string): Promise<Cookies> {
  const cookies = new Cookies();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  check(csrfRes.ok, `GET /api/auth/csrf answered ${csrfRes.status}`);
  cookies.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header },
    body: new URLSearchParams({ identifier: LEADER_EMAIL, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}/naskah` }),
  });
  cookies.take(res);
  const location = res.headers.get("location") ?? "";
  check(res.status === 302 && !location.includes("error") && cookies.has("authjs.session-token"), `sign-in as ${LEADER_EMAIL} failed: ${res.status} ${location}`);
  return cookies;
}

/** One request, timed to the last byte of the (decompressed) HTML; fails on anything but the list page. */
async function getPage(base: string, cookies: Cookies, url: string): Promise<{ ms: number; bytes: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(base + url, { headers: { cookie: cookies.header }, redirect: "manual" });
  const html = await res.text();
  const took = elapsedMs(started);
  check(res.status === 200, `GET ${url} answered ${res.status} ${res.headers.get("location") ?? ""}`);
  check(html.includes(LIST_MARKER), `GET ${url} has no ${LIST_MARKER} (empty list or error page)`);
  return { ms: took, bytes: Buffer.byteLength(html) };
}

export type InboxRun = { rows: BenchRow[]; data: InboxData & { databaseBytes: number; seedMs: number }; staleBuildFiles: string[] };

export async function benchInboxHttp(quick: boolean): Promise<InboxRun> {
  const documents = quick ? 10_000 : 100_000;
  const runs = quick ? 30 : 200;
  const warmup = quick ? 5 : 10;
  const { staleFiles } = ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-inbox-"));
  const file = path.join(dir, "kawan.db");
  let server: Server | undefined;
  try {
    const seedStarted = Date.now();
    seedDemoDatabase(file);
    const seedMs = Date.now() - seedStarted;
    const inserted = insertSentDocuments(file, documents);
    const data = { ...inserted, databaseBytes: databaseSize(file), seedMs };
    console.log(
      `  inbox data: ${documents} documents, ${data.leaderInbox} to the leader (${data.leaderUnread} unread), ${mib(data.databaseBytes)} (seed ${(seedMs / 1000).toFixed(0)} s, insert ${(data.insertMs / 1000).toFixed(1)} s)`,
    );

    server = new Server(await freePort(), { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
    await server.ready();
    const cookies = await signIn(server.base);

    // The deepest page the leader's inbox has in --quick (500 documents), 50 otherwise.
    const deepPage = Math.min(50, Math.floor(data.leaderInbox / 20));
    const cases = [
      { name: "Inbox (masuk), page 1", url: "/naskah?daftar=masuk", filter: { page: 1 } },
      { name: `Inbox (masuk), page ${deepPage}`, url: `/naskah?daftar=masuk&halaman=${deepPage}`, filter: { page: deepPage } },
      { name: "Inbox (masuk), search q=anggaran", url: "/naskah?daftar=masuk&q=anggaran", filter: { q: "anggaran", page: 1 } },
    ];
    const scale = `leader with ${data.leaderInbox.toLocaleString("en")} inbox documents of ${documents.toLocaleString("en")}`;
    // The server's first requests compile and JIT its code: warm it on every URL in turn, so the case measured
    // first is not penalised, then warm each URL again right before measuring it.
    for (let i = 0; i < warmup; i++) for (const c of cases) await getPage(server.base, cookies, c.url);
    const rows: BenchRow[] = [];
    for (const { name, url } of cases) {
      for (let i = 0; i < warmup; i++) await getPage(server.base, cookies, url);
      const samples: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < runs; i++) samples.push(await getPage(server.base, cookies, url));
      const bytes = samples[samples.length - 1].bytes;
      rows.push({ group: "inbox-http", name: `GET ${name}`, stats: stats(samples.map((s) => s.ms)), note: `${scale}; ${(bytes / 1024).toFixed(0)} KiB HTML; \`${url}\``, extra: { url, htmlBytes: bytes } });
    }
    await server.stop();
    rows.push(
      ...(await benchInboxSql(
        file,
        [
          ...cases.map((c) => ({ name: c.name, filter: c.filter })),
          { name: "Inbox (masuk), search without a match (reads every inbox row)", filter: { q: "tidak-ada-yang-cocok", page: 1 } },
        ],
        runs,
        "loadActor + documentListCounts + listDocuments + listDocumentTypes + getAgency, in-process",
      )),
    );
    return { rows, data, staleBuildFiles: staleFiles };
  } catch (error) {
    if (server) console.error(`next start output:\n${server.output}`);
    throw error;
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
