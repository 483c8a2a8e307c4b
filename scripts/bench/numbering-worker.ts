/**
 * One of the concurrent numbering processes (spawned by numbering.ts): opens the database file like a
 * server process would, says "ready", waits for "go" on stdin so all workers start together, then
 * finalises its documents' numbers as fast as it can and prints one JSON line with what it measured
 * (latency per number, counted from the first attempt, and how many attempts failed with SQLITE_BUSY).
 *
 *   tsx --conditions=react-server scripts/bench/numbering-worker.ts <db file> <session id> <now ISO> <id,id,...>
 */
import { performance } from "node:perf_hooks";
import { openDatabase } from "@/db";
import { loadActor } from "@/lib/auth/sessions";
import { finaliseDocumentNumber } from "@/lib/documents/document-number";

const [file, sessionId, nowIso, idList] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(nowIso);
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("numbering worker: the session does not load an actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: "bench-worker" } };
const ids = idList.split(",").map(Number);
// Wall-clock epoch with sub-millisecond precision, comparable across the worker processes.
const epochMs = () => performance.timeOrigin + performance.now();

const isBusy = (error: unknown) => (error as { code?: string } | null)?.code === "SQLITE_BUSY";

process.stdin.once("data", () => {
  const latencies: number[] = [];
  const numbers: string[] = [];
  // A worker can starve on the write lock past busy_timeout ("database is locked"): count it and try again,
  // as a signer whose signature failed would. The transaction rolled back, so the retry cannot leave a gap.
  let busy = 0;
  const startedAt = epochMs();
  for (const id of ids) {
    const t0 = performance.now();
    for (;;) {
      try {
        numbers.push(finaliseDocumentNumber(ctx, id).number);
        break;
      } catch (error) {
        if (!isBusy(error)) throw error;
        busy++;
      }
    }
    latencies.push(performance.now() - t0);
  }
  const endedAt = epochMs();
  db.$client.close();
  process.stdout.write(`${JSON.stringify({ startedAt, endedAt, latencies, numbers, busy })}\n`, () => process.exit(0));
});
process.stdout.write("ready\n");
