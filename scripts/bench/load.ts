/**
 * Timed page requests for the HTTP rows: a latency pass (one request at a time, so each time is the server's
 * answer alone) and a throughput pass (several requests in flight, as many people using the server at once).
 * A request counts as an error unless it answers 200 with the page's marker; errors are counted, not thrown,
 * so the table reports them.
 */
import { elapsedMs, stats, type Stats } from "./stats";

export type PageCase = {
  name: string;
  url: string;
  /** The page is the right one when it contains any of these. */
  marker: string | string[];
  cookie: string;
  note?: string;
  /** A list page: held to the list target (p95 under 50 ms). */
  list?: boolean;
};

export type PageResult = {
  latency: Stats;
  /** Requests per second with `concurrency` in flight. */
  perSecond: number;
  concurrency: number;
  errors: number;
  firstErrors: string[];
  htmlBytes: number;
};

async function requestOnce(base: string, c: PageCase): Promise<{ ms: number; ok: boolean; bytes: number; error?: string }> {
  const started = process.hrtime.bigint();
  try {
    const res = await fetch(base + c.url, { headers: { cookie: c.cookie }, redirect: "manual" });
    const html = await res.text();
    const ms = elapsedMs(started);
    const ok = res.status === 200 && [c.marker].flat().some((m) => html.includes(m));
    return { ms, ok, bytes: Buffer.byteLength(html), error: ok ? undefined : `${res.status} ${res.headers.get("location") ?? ""}${res.status === 200 ? ` without ${[c.marker].flat().join(" or ")}` : ""}` };
  } catch (error) {
    return { ms: elapsedMs(started), ok: false, bytes: 0, error: String(error) };
  }
}

export async function measurePage(base: string, c: PageCase, opts: { runs: number; warmup: number; concurrency: number; throughputRuns: number }): Promise<PageResult> {
  let errors = 0;
  const firstErrors: string[] = [];
  const record = (r: { ok: boolean; error?: string }) => {
    if (r.ok) return;
    errors++;
    if (firstErrors.length < 3 && r.error) firstErrors.push(r.error);
  };
  for (let i = 0; i < opts.warmup; i++) await requestOnce(base, c);
  const samples: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < opts.runs; i++) {
    const r = await requestOnce(base, c);
    record(r);
    samples.push(r.ms);
    htmlBytes = r.bytes;
  }
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next++ < opts.throughputRuns) record(await requestOnce(base, c));
    }),
  );
  const perSecond = (opts.throughputRuns / elapsedMs(started)) * 1000;
  if (firstErrors.length) console.warn(`  ${c.name}: ${errors} errors, e.g. ${firstErrors.join(" | ")}`);
  return { latency: stats(samples), perSecond, concurrency: opts.concurrency, errors, firstErrors, htmlBytes };
}
