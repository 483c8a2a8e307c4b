/**
 * HTTP helpers of the page benchmarks: `next start` on a free port in its own process group, an Auth.js
 * credentials sign-in with a minimal cookie jar, and a timed page request that fails unless the page is the
 * one expected (status 200 and a data-testid marker).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { DEMO_PASSWORD } from "./seeded-db";
import { check, elapsedMs } from "./stats";

export const AUTH_SECRET = "bench-secret-0123456789abcdef0123456789";

export function freePort(): Promise<number> {
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

function readProc(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Every descendant of `pid` (next start may fork workers), from /proc/<pid>/task/<tid>/children. */
function childPids(pid: number): number[] {
  const tasks = (() => {
    try {
      return fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return [];
    }
  })();
  const direct = tasks.flatMap((tid) => readProc(`/proc/${pid}/task/${tid}/children`).split(" ").filter(Boolean).map(Number));
  return direct.flatMap((child) => [child, ...childPids(child)]);
}

/** The production server in its own process group, so stopping it also stops whatever it spawned. */
export class Server {
  private child: ChildProcess;
  private log = "";
  private exitHook = () => this.kill("SIGKILL");
  // Death by signal skips "exit" handlers: turn Ctrl-C into an exit so the hook above runs.
  private signalHook = () => process.exit(130);

  constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (node refuses it in NODE_OPTIONS).
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeArgs, path.join(process.cwd(), "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
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

  /**
   * Resident memory of the server process and its children, in bytes, read from /proc (Linux). Read, not spawned:
   * a `ps` every quarter second blocked the measuring client for milliseconds and showed up in the p95s.
   */
  rssBytes(): { current: number; peak: number } {
    const pids = this.child.pid === undefined ? [] : [this.child.pid, ...childPids(this.child.pid)];
    let current = 0;
    let peak = 0;
    for (const pid of pids) {
      const status = readProc(`/proc/${pid}/status`);
      current += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      // The kernel's own high-water mark: a spike between two samples is not missed.
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    }
    return { current, peak };
  }

  /** The most the server held since it started (summed high-water marks), refreshed every `everyMs` until stopped. */
  rssSampler(everyMs = 1_000) {
    let peak = this.rssBytes().peak;
    const timer = setInterval(() => (peak = Math.max(peak, this.rssBytes().peak)), everyMs);
    timer.unref();
    return {
      get peak() {
        return peak;
      },
      stop: () => clearInterval(timer),
    };
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

  /** A power cut as far as the database can tell: SIGKILL to the whole group, nothing gets to clean up. */
  async crash(): Promise<void> {
    process.removeListener("exit", this.exitHook);
    process.removeListener("SIGINT", this.signalHook);
    process.removeListener("SIGTERM", this.signalHook);
    const exited = this.child.exitCode !== null || this.child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.kill("SIGKILL");
    await exited;
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
export class Cookies {
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
export async function signIn(base: string, email: string, callbackPath: string): Promise<Cookies> {
  const cookies = new Cookies();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  check(csrfRes.ok, `GET /api/auth/csrf answered ${csrfRes.status}`);
  cookies.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header },
    body: new URLSearchParams({ identifier: email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${base}${callbackPath}` }),
  });
  cookies.take(res);
  const location = res.headers.get("location") ?? "";
  check(res.status === 302 && !location.includes("error") && cookies.has("authjs.session-token"), `sign-in as ${email} failed: ${res.status} ${location}`);
  return cookies;
}

/** One request, timed to the last byte of the (decompressed) HTML; fails unless it is the page with `marker`. */
export async function getPage(base: string, cookies: Cookies, url: string, marker: string): Promise<{ ms: number; bytes: number; html: string }> {
  const started = process.hrtime.bigint();
  const res = await fetch(base + url, { headers: { cookie: cookies.header }, redirect: "manual" });
  const html = await res.text();
  const took = elapsedMs(started);
  check(res.status === 200, `GET ${url} answered ${res.status} ${res.headers.get("location") ?? ""}`);
  check(html.includes(marker), `GET ${url} has no ${marker} (empty list or error page)`);
  return { ms: took, bytes: Buffer.byteLength(html), html };
}
