// Timing and summary helpers shared by every measurement of `npm run bench`.

export type Stats = { runs: number; median: number; p95: number; p99: number; min: number; max: number };

/** Nearest-rank percentiles: with few runs an interpolated p95 would invent a value nobody measured. */
export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error("stats of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { runs: samples.length, median: at(0.5), p95: at(0.95), p99: at(0.99), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Milliseconds since `started` (a process.hrtime.bigint() reading). */
export const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/** Runs fn `warmup` times unmeasured (JIT, font parsing, caches), then `runs` times measured, one after another. */
export async function time(runs: number, fn: () => Promise<unknown> | unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    out.push(elapsedMs(started));
  }
  return out;
}

/**
 * One line of the combined table. `stats` are milliseconds, null for a measurement that could not run (the
 * note then says why); `note` carries what differs per measurement (file size, baseline, throughput) so every
 * measurement fits one table.
 */
export type BenchRow = {
  group: string;
  name: string;
  stats: Stats | null;
  note: string;
  /** Requests or operations per second, where the row measures throughput (under concurrency). */
  perSecond?: number;
  /** Failed requests (a status other than the expected one, or the page without its marker). */
  errors?: number;
  extra?: Record<string, unknown>;
};

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Samples the process's resident memory every few ms: the peak is what a server would need to provision. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  timer.unref();
  return {
    get peak() {
      return Math.max(peak, process.memoryUsage().rss);
    },
    stop: () => clearInterval(timer),
  };
}

/** A failed expectation of the bench itself: the numbers would be meaningless, so stop loudly. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}
