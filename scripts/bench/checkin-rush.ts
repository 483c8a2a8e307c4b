/**
 * The 07.30 rush: N distinct signed-in employees each press "Presensi Masuk" once, through POST /api/presensi,
 * with C requests in flight at a time, as fast as the server answers: check-ins per second over the whole rush,
 * p50/p95/p99 latency, errors. The same function drives the bare baseline servers (withBaselineServer).
 */
import { fork } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { OFFICE, type RushPerson } from "./checkin-data";
import { freePort } from "./http";
import { elapsedMs, stats, type Stats } from "./stats";

export type RushResult = { perSecond: number; stats: Stats; errors: number; wallMs: number };

/** Fires one check-in per person with `concurrency` in flight over keep-alive connections. */
export async function rush(port: number, people: RushPerson[], concurrency: number, cookieOf: (p: RushPerson) => string, requestKeyPrefix = "rush"): Promise<RushResult> {
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
        requestKey: `${requestKeyPrefix}-${p.employeeId}`,
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
  return { perSecond: (people.length / wallMs) * 1000, stats: stats(latencies), errors, wallMs };
}

/** A bare baseline server (checkin-baseline-server.mjs, inbox-baseline-server.mjs) on `file`, until `run` ends. */
export async function withBaselineServer<T>(script: string, file: string, run: (port: number) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = fork(path.join(process.cwd(), "scripts/bench", script), [file, String(port)], { stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  try {
    return await run(port);
  } finally {
    child.kill("SIGKILL");
  }
}
