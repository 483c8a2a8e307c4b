/**
 * Numbering throughput: finaliseDocumentNumber for N documents in "signing" status, first in this process
 * alone, then in 4 processes at once on one database file (the multi-process server case the immediate
 * transaction exists for). Every issuance is a write transaction with an fsync (synchronous=FULL), so the
 * disk, not the CPU, is expected to set the pace. The concurrent run must leave the register gapless 1..N.
 * The workers finalise back to back, harsher than real signing traffic: SQLite's busy handler polls with
 * sleeps of up to 100 ms instead of queueing waiters, so one process can starve for seconds while the others
 * commit; the row reports the slowest call and how many attempts ran past busy_timeout (SQLITE_BUSY).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { issuedNumbers, officialDocuments } from "@/db/schema";
import { finaliseDocumentNumber } from "@/lib/documents/document-number";
import { numberingFixture } from "./numbering-fixture";
import { check, elapsedMs, stats, type BenchRow } from "./stats";

const WORKERS = 4;

type WorkerResult = { startedAt: number; endedAt: number; latencies: number[]; numbers: string[]; busy: number };

/** The register must read 1..N with one number per document and no duplicate. */
function verifyGapless(fixture: ReturnType<typeof numberingFixture>, n: number, label: string): void {
  const issued = fixture.db.select().from(issuedNumbers).where(eq(issuedNumbers.agencyId, fixture.agencyId)).all();
  const sequences = issued.map((r) => r.sequence ?? -1).sort((a, b) => a - b);
  check(issued.length === n, `${label}: ${issued.length} numbers issued for ${n} documents`);
  check(sequences.every((s, i) => s === i + 1), `${label}: the register is not gapless 1..${n} (first ${sequences.slice(0, 5).join(",")}, last ${sequences.at(-1)})`);
  const numbered = fixture.db
    .select({ number: officialDocuments.number })
    .from(officialDocuments)
    .where(eq(officialDocuments.agencyId, fixture.agencyId))
    .all();
  check(numbered.every((d) => d.number), `${label}: a document was left without a number`);
  check(new Set(numbered.map((d) => d.number)).size === n, `${label}: two documents share a number`);
}

function singleProcess(n: number): { row: BenchRow; perSecond: number } {
  const fixture = numberingFixture(n);
  try {
    const ctx = { db: fixture.db, actor: fixture.actor, now: fixture.now, request: { ip: "127.0.0.1", userAgent: "bench" } };
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    for (const id of fixture.ids) {
      const t0 = process.hrtime.bigint();
      finaliseDocumentNumber(ctx, id);
      latencies.push(elapsedMs(t0));
    }
    const totalMs = elapsedMs(started);
    verifyGapless(fixture, n, "single process");
    const perSecond = n / (totalMs / 1000);
    return {
      perSecond,
      row: {
        group: "numbering",
        name: "Issue a document number (finaliseDocumentNumber), 1 process",
        stats: stats(latencies),
        note: `${n} documents: **${perSecond.toFixed(0)} numbers/s**`,
        extra: { documents: n, totalMs, perSecond },
      },
    };
  } finally {
    fixture.dispose();
  }
}

async function concurrent(n: number): Promise<{ row: BenchRow; perSecond: number }> {
  const fixture = numberingFixture(n);
  const root = process.cwd();
  const children: ReturnType<typeof spawn>[] = [];
  try {
    const workers = Array.from({ length: WORKERS }, (_, w) => {
      // Interleaved ids: the workers contend for the same register all the time, as simultaneous signatures would.
      const mine = fixture.ids.filter((_, i) => i % WORKERS === w).join(",");
      const child = spawn(
        path.join(root, "node_modules/.bin/tsx"),
        ["--conditions=react-server", path.join(root, "scripts/bench/numbering-worker.ts"), fixture.file, fixture.actor.sessionId, fixture.now.toISOString(), mine],
        { cwd: root, stdio: ["pipe", "pipe", "pipe"] },
      );
      children.push(child);
      let out = "";
      let err = "";
      let onReady: () => void = () => {};
      const ready = new Promise<void>((resolve) => (onReady = resolve));
      child.stdout!.on("data", (d) => {
        out += d;
        if (out.startsWith("ready\n")) onReady();
      });
      child.stderr!.on("data", (d) => (err += d));
      const done = new Promise<WorkerResult>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (code) => {
          if (code !== 0) return reject(new Error(`numbering worker ${w} exited with ${code}: ${err.trim()}`));
          try {
            resolve(JSON.parse(out.slice("ready\n".length)) as WorkerResult);
          } catch {
            reject(new Error(`numbering worker ${w} printed no result: ${out} ${err}`));
          }
        });
      });
      return { child, ready, done };
    });
    // Process start-up (tsx compiling the imports) takes seconds; it is not part of the measurement.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("numbering workers not ready after 120 s")), 120_000).unref());
    await Promise.race([Promise.all(workers.map((w) => w.ready)), timeout]);
    for (const w of workers) w.child.stdin!.end("go\n");
    const results = await Promise.all(workers.map((w) => w.done));

    verifyGapless(fixture, n, `${WORKERS} processes`);
    const wallMs = Math.max(...results.map((r) => r.endedAt)) - Math.min(...results.map((r) => r.startedAt));
    const perSecond = n / (wallMs / 1000);
    const all = results.flatMap((r) => r.latencies);
    const latency = stats(all);
    const over100 = all.filter((t) => t > 100).length;
    const busy = results.reduce((sum, r) => sum + r.busy, 0);
    if (busy > 0) console.warn(`  WARNING: ${busy} finaliseDocumentNumber call(s) failed with SQLITE_BUSY (starved past busy_timeout) and were retried`);
    return {
      perSecond,
      row: {
        group: "numbering",
        name: `Issue a document number, ${WORKERS} processes on one file`,
        stats: latency,
        // The max shows how long one process can starve on the write lock (SQLite's busy handler sleeps, it does not queue).
        note: `${n} documents: **${perSecond.toFixed(0)} numbers/s aggregate**, register gapless 1..${n}; slowest ${latency.max.toFixed(0)} ms, ${over100} over 100 ms, **${busy} SQLITE_BUSY** (retried)`,
        extra: { documents: n, workers: WORKERS, wallMs, perSecond, over100, busy, perWorker: results.map((r) => r.numbers.length) },
      },
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    fixture.dispose();
  }
}

export async function benchNumbering(quick: boolean): Promise<BenchRow[]> {
  const n = quick ? 400 : 2000;
  const single = singleProcess(n);
  const multi = await concurrent(n);
  return [single.row, multi.row];
}
