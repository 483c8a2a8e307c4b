/**
 * The Surat Masuk pages' database work alone, in-process on the database of dispositions-data.ts, signed in
 * as the Sekretaris Daerah: what app/(app)/surat-masuk/page.tsx runs per request (the session's actor, the
 * agency's time zone, letterCounts, listLetters "disposisi") and what app/(app)/surat-masuk/[id]/page.tsx
 * runs (markLetterRead, a no-op after the first view but still a write transaction; letterDetail; the Nota
 * Dinas type for the reply button), without Next.js. Beside the HTTP times it tells whether a slow page is
 * SQL or rendering. Also the two list variants the HTTP rows leave out: a search without a match (every row
 * of his list is read) and "open only" (the overdue notice's link).
 *
 * Each row samples up to `runs` times within 15 s (at least 50). A row slower than 20 ms (median) gets its slowest statement and that statement's EXPLAIN QUERY PLAN in the
 * note and in the JSON, so a regression names the query and the missing index.
 */
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { openDatabase, type Db } from "@/db";
import * as schema from "@/db/schema";
import { employees } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createSession, loadActor } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/context";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { getDocumentTypeByCode } from "@/lib/documents/document-types";
import { markLetterRead } from "@/lib/incoming/dispositions";
import { letterCounts, letterDetail, listLetters, type TreeNode } from "@/lib/incoming/letter-queries";
import { SEKDA_EMAIL } from "./dispositions-data";
import { check, stats, type BenchRow } from "./stats";

export type ListCase = { name: string; filter: { q?: string; page?: number; onlyOpen?: boolean } };

const SLOW_MS = 20;
/** A row stops sampling after this long (at least MIN_RUNS runs): at 2M rows a slow list costs ~170 ms a run. */
const ROW_BUDGET_MS = 15_000;
const MIN_RUNS = 50;

/** Like stats.ts's `time`, but within ROW_BUDGET_MS: the runs column shows how many were taken. */
function timeWithin(runs: number, fn: () => unknown, warmup = 10): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  const deadline = Date.now() + ROW_BUDGET_MS;
  for (let i = 0; i < runs && (i < MIN_RUNS || Date.now() < deadline); i++) {
    const started = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

type SlowStatement = { ms: number; sql: string; plan: string };

/**
 * Runs `page` once on a connection that records its statements, then times each read statement alone and
 * returns the slowest with its query plan. Writes are left out (timing them again would change the data).
 */
function slowestStatement(db: Db, page: (db: Db) => unknown): SlowStatement | null {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logging = drizzle(db.$client, { schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } }) as unknown as Db;
  page(logging);
  let slowest: SlowStatement | null = null;
  for (const { sql, params } of statements) {
    const statement = db.$client.prepare(sql);
    if (!statement.reader) continue;
    const bound = params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? Number(p) : p));
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      statement.all(...bound);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = stats(samples).median;
    if (!slowest || ms > slowest.ms) {
      const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...bound) as { detail: string }[]).map((r) => r.detail).join("; ");
      slowest = { ms, sql, plan };
    }
  }
  return slowest;
}

function slowNote(row: BenchRow, db: Db, page: (db: Db) => unknown): BenchRow {
  if (!row.stats || row.stats.median <= SLOW_MS) return row;
  const slow = slowestStatement(db, page);
  if (!slow) return row;
  console.warn(`  slow: ${row.name} (median ${row.stats.median.toFixed(1)} ms); slowest statement ${slow.ms.toFixed(1)} ms:\n    ${slow.sql}\n    plan: ${slow.plan}`);
  return { ...row, note: `${row.note}; **slowest statement ${slow.ms.toFixed(0)} ms, plan: ${slow.plan}**`, extra: { ...row.extra, slowest: slow } };
}

const countNodes = (nodes: TreeNode[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

/** A signed-in Sekretaris Daerah: a real session row, loaded the way every request loads it. */
function signedIn(db: Db) {
  const request = { ip: "127.0.0.1", userAgent: "bench" };
  const sekda = db.select({ id: employees.id }).from(employees).where(eq(employees.email, SEKDA_EMAIL)).get();
  check(sekda, `no employee ${SEKDA_EMAIL}`);
  const sessionId = db.transaction((tx) => createSession(tx, sekda.id, null, request, new Date()));
  return (on: Db = db): Ctx => {
    const now = new Date();
    const actor: Actor | null = loadActor(on, sessionId, now);
    check(actor?.acting, "the bench session does not load, or has no acting post");
    return { db: on, actor, now, request };
  };
}

export async function benchDispositionsSql(file: string, opts: { lists: ListCase[]; treeLetterId: number; treeName: string; runs: number; scale: string }): Promise<BenchRow[]> {
  const db = openDatabase(file);
  try {
    const context = signedIn(db);
    const rows: BenchRow[] = [];
    for (const { name, filter } of opts.lists) {
      const pageQueries = (on?: Db) => {
        const ctx = context(on);
        const timeZone = agencyTimeZone(ctx);
        letterCounts(ctx, timeZone);
        return listLetters(ctx, "disposisi", filter, timeZone).rows.length;
      };
      const samples = timeWithin(opts.runs, () => pageQueries());
      const row: BenchRow = {
        group: "dispositions-sql",
        name: `SQL only: ${name}`,
        stats: stats(samples),
        note: `${opts.scale}; loadActor + letterCounts + listLetters("disposisi"), in-process; ${pageQueries()} rows listed`,
      };
      rows.push(slowNote(row, db, pageQueries));
    }
    const treeQueries = (on?: Db) => {
      const ctx = context(on);
      const timeZone = agencyTimeZone(ctx);
      markLetterRead(ctx, opts.treeLetterId);
      const detail = letterDetail(ctx, opts.treeLetterId, timeZone);
      getDocumentTypeByCode(ctx.db, ctx.actor.agencyId, "ND");
      return { nodes: countNodes(detail.tree), events: detail.events.length };
    };
    const samples = timeWithin(opts.runs, () => treeQueries());
    const { nodes, events } = treeQueries();
    const row: BenchRow = {
      group: "dispositions-sql",
      name: `SQL only: ${opts.treeName}`,
      stats: stats(samples),
      note: `${opts.scale}; loadActor + markLetterRead (no-op after the first) + letterDetail + Nota Dinas type, in-process; ${nodes} nodes shown, ${events} timeline events`,
      extra: { nodes, events },
    };
    rows.push(slowNote(row, db, treeQueries));
    return rows;
  } finally {
    db.$client.close();
  }
}
