/**
 * The 07.30 rush: N distinct signed-in employees each press "Presensi Masuk" once, through POST /api/presensi
 * of the production server (`next start`), with C requests in flight at a time, as fast as the server answers.
 * Reported: check-ins per second over the whole rush, p50/p95/p99 latency, errors. Then the same load against
 * a bare node:http + better-sqlite3 server doing only the insert (checkin-baseline-server.mjs) on a copy of the
 * same database, in the same run: the ratio is Kawan's overhead (session, rules, geofence, audit, day recompute).
 * Afterwards the database must hold exactly N check-ins, one per employee.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { insertRushEmployees, OFFICE, type RushPerson } from "./checkin-data";
import { AUTH_SECRET, freePort, Server } from "./http";
import { ensureBuild } from "./inbox-http";
import { seedDemoDatabase } from "./seeded-db";
import { check, elapsedMs, type BenchRow, type Stats } from "./stats";

export type RushResult = { perSecond: number; stats: Stats & { p99: number }; errors: number; wallMs: number };

/** Fires one check-in per person with `concurrency` in flight over keep-alive connections. */
async function rush(port: number, people: RushPerson[], concurrency: number, cookieOf: (p: RushPerson) => string): Promise<RushResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const firstError: string[] = [];
  const one = (p: RushPerson, i: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({
        kind: "in",
        latitude: OFFICE.latitude + ((i % 100) - 50) * 0.000004,
        longitude: OFFICE.longitude + ((i % 37) - 18) * 0.000004,
        accuracy: 8 + (i % 20),
        clientTime: Date.now(),
        requestKey: `rush-${p.employeeId}-0001`,
      });
      const started = process.hrtime.bigint();
      const req = http.request(
        { host: "127.0.0.1", port, path: "/api/presensi", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, cookie: cookieOf(p) } },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => {
            latencies.push(elapsedMs(started));
            if (res.statusCode !== 200) {
              errors++;
              if (firstError.length < 3) firstError.push(`${res.statusCode} ${text.slice(0, 200)}`);
            }
            resolve();
          });
        },
      );
      req.on("error", (e) => {
        errors++;
        if (firstError.length < 3) firstError.push(String(e));
        resolve();
      });
      req.end(body);
    });
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) {
        const i = next++;
        await one(people[i], i);
      }
    }),
  );
  const wallMs = elapsedMs(started);
  agent.destroy();
  if (firstError.length) console.warn(`  first errors: ${firstError.join(" | ")}`);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    perSecond: (people.length / wallMs) * 1000,
    stats: { runs: sorted.length, median: at(0.5), p95: at(0.95), p99: at(0.99), min: sorted[0], max: sorted[sorted.length - 1] },
    errors,
    wallMs,
  };
}

async function baseline(file: string, people: RushPerson[], concurrency: number): Promise<RushResult> {
  const port = await freePort();
  const child = fork(path.join(process.cwd(), "scripts/bench/checkin-baseline-server.mjs"), [file, String(port)], { stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  try {
    return await rush(port, people, concurrency, (p) => `sid=${p.sessionId}`);
  } finally {
    child.kill("SIGKILL");
  }
}

export async function benchCheckinRush(quick: boolean): Promise<{ rows: BenchRow[]; data: { employees: number; concurrency: number; kawan: RushResult; bare: RushResult } }> {
  const employees = quick ? 1_000 : 5_000;
  const concurrency = 32;
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-rush-"));
  try {
    const file = path.join(dir, "kawan.db");
    seedDemoDatabase(file);
    const people = await insertRushEmployees(file, employees, Date.now());
    const bareFile = path.join(dir, "bare.db");
    fs.copyFileSync(file, bareFile);

    const port = await freePort();
    const server = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
    let kawan: RushResult;
    try {
      await server.ready();
      // Warm the route (compilation of the handler chunk, the rules cache) with a few employees not in the rush.
      const warm = await rush(port, people.slice(0, 20), 4, (p) => p.cookie);
      check(warm.errors === 0, "warm-up check-ins failed");
      kawan = await rush(port, people.slice(20), concurrency, (p) => p.cookie);
    } finally {
      await server.stop();
    }
    const db = new Database(file, { readonly: true });
    const stored = db.prepare("select count(*) as n, count(distinct employee_id) as people from attendance_records where request_key like 'rush-%'").get() as { n: number; people: number };
    const days = db.prepare("select count(*) as n from attendance_days where status = 'present' and employee_id in (select employee_id from attendance_records where request_key like 'rush-%')").get() as { n: number };
    db.close();
    check(kawan.errors === 0, `${kawan.errors} check-ins failed`);
    check(stored.n === employees && stored.people === employees, `expected ${employees} check-ins by as many employees, found ${stored.n} by ${stored.people}`);
    check(days.n === employees, `expected ${employees} present days, found ${days.n}`);

    const bare = await baseline(bareFile, people.slice(20), concurrency);
    check(bare.errors === 0, `${bare.errors} baseline check-ins failed`);
    const note = (r: RushResult) => `${r.perSecond.toFixed(0)} check-ins/s, p99 ${r.stats.p99.toFixed(1)} ms, ${r.errors} errors`;
    return {
      rows: [
        {
          group: "presensi",
          name: `Check-in rush over HTTP: ${(employees - 20).toLocaleString("en")} employees, ${concurrency} in flight`,
          stats: kawan.stats,
          note: `${note(kawan)}; ${(kawan.perSecond / bare.perSecond).toFixed(2)}x the bare server's rate; every check-in stored once with its computed day`,
          extra: { ...kawan },
        },
        { group: "presensi", name: "Bare node:http + better-sqlite3 insert, same load (baseline)", stats: bare.stats, note: note(bare), extra: { ...bare } },
      ],
      data: { employees, concurrency, kawan, bare },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
