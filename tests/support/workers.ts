import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Several server processes on one database file, for the concurrency tests: each worker is a tsx script that
// gets its own arguments plus two paths; it announces itself on the first, waits for the second, does its work
// and prints JSON. All start together once every process has opened the database.

/** Inside a worker script: announce readiness, then wait (without spinning the CPU) for the common start. */
export const WORKER_SYNC = `
import fs from "node:fs";
const [ready, go] = process.argv.slice(-2);
fs.writeFileSync(ready, "");
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(go)) Atomics.wait(pause, 0, 0, 2);
/** A short random pause, so the processes' transactions interleave instead of running in turns. */
const breathe = () => Atomics.wait(pause, 0, 0, 1 + Math.floor(Math.random() * 3));
`;

/** Runs `source` (an ES module: it may await at top level) once per argument list, concurrently; returns each one's JSON. */
export async function runWorkers<T>(source: string, argLists: string[][]): Promise<T[]> {
  const root = process.cwd();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-workers-"));
  const script = path.join(dir, "worker.mts");
  fs.writeFileSync(script, source);
  const go = path.join(dir, "go");
  const workers = argLists.map((args, w) => {
    const ready = path.join(dir, `ready-${w}`);
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script, ...args, ready, go], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const done = new Promise<T>((resolve, reject) => child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`worker ${w} exited ${code}: ${err}`)))));
    return { ready, done };
  });
  const deadline = Date.now() + 60_000;
  while (!workers.every((w) => fs.existsSync(w.ready)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  fs.writeFileSync(go, "");
  return Promise.all(workers.map((w) => w.done));
}

/** An absolute import path for a worker script. */
export const modulePath = (relative: string) => JSON.stringify(path.join(process.cwd(), relative));
