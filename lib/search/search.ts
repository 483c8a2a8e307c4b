import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { visibleCondition } from "@/lib/documents/access";
import { visibleLetterCondition } from "@/lib/incoming/access";
import { MARK_END, MARK_START, NASKAH_BIT, SURAT_BIT } from "./entry-sql";
import { toMatchExpression } from "./match-expression";

// Search over naskah dinas and surat masuk for one actor. The access rules are the lists' own SQL conditions
// (lib/documents/access.ts visibleCondition, lib/incoming/access.ts visibleLetterCondition) joined to the FTS
// match, so a hit the actor may not open is never produced, and pages are never short because of filtering.
//
// Ranking: bm25 over the columns, a word in the subject weighing most. FTS5's bm25 first walks every entry that
// matches each word (for its inverse document frequency), so its cost grows with the number of matches, not with
// the page: a word found in 300,000 entries costs hundreds of milliseconds before the first row. So the query is
// probed first: with at most BM25_MAX_MATCHES entries matching (any query with a distinctive word, a number, a
// name), every match the actor may see is scored and sorted. Beyond that (one very common word) the hits come
// newest first instead, which FTS5 streams from its index and stops after the page; the result says so.

export const SEARCH_KINDS = ["naskah", "surat"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_PAGE_SIZE = 20;
/** Up to this many matching entries (of everyone's) the hits are sorted by bm25; beyond, newest first. */
export const BM25_MAX_MATCHES = 10_000;
/** Newest first: how many of the newest matches per kind are checked against the access rules. */
export const NEWEST_SCAN = 20_000;
const MAX_PAGE = 100;

/** Column weights for bm25: title, number, sender, body, file_text. */
const BM25 = "bm25(search_entries, 10.0, 8.0, 4.0, 1.5, 1.0)";

/** A piece of a snippet; `hit` pieces are the matched words, rendered as <mark> by the page. */
export type SnippetPart = { text: string; hit: boolean };

export type SearchHit = {
  kind: SearchKind;
  id: number;
  title: string;
  /** The document's number (none while a draft), or the letter's own number. */
  number: string | null;
  /** Letters: the agenda number in the register. */
  agendaNumber: string | null;
  /** Letters: who sent it; documents: the drafting post. */
  sender: string | null;
  /** YYYY-MM-DD: the document's date (or last change) / the date the letter arrived. */
  date: string;
  /** Documents: their type and status. */
  typeName: string | null;
  status: string | null;
  snippet: SnippetPart[];
  href: string;
};

export type SearchResult = {
  hits: SearchHit[];
  page: number;
  hasMore: boolean;
  /** The words are so common that the hits come newest first instead of by relevance. */
  newestFirst: boolean;
  /** The words as searched (after trimming the input), for the page to repeat. */
  query: string;
};

const EMPTY = (page: number, query: string): SearchResult => ({ hits: [], page, hasMore: false, newestFirst: false, query });

/** Splits FTS5 snippet() output at the markers; stray markers cannot occur (entries are cleaned of them). */
export function snippetParts(raw: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of raw.split(MARK_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    const end = chunk.indexOf(MARK_END);
    if (end < 0) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    if (end > 0) parts.push({ text: chunk.slice(0, end), hit: true });
    if (end + 1 < chunk.length) parts.push({ text: chunk.slice(end + 1), hit: false });
  }
  return parts;
}

type Order = { by: "rank" } | { by: "newest"; limit: number };

/**
 * The hits of one kind as (rid, score, at). By rank: every visible match with its bm25. Newest first: FTS5 walks
 * its doclist by descending rowid (ids grow with time) and stops after `limit` visible hits.
 */
function candidates(ctx: Ctx, kind: SearchKind, match: string, order: Order): SQL {
  const [table, visible, at] =
    kind === "naskah"
      ? [sql`official_documents`, visibleCondition(ctx.actor), sql`official_documents.created_at`]
      : [sql`incoming_letters`, visibleLetterCondition(ctx.db, ctx.actor), sql`incoming_letters.created_at`];
  const bit = kind === "naskah" ? NASKAH_BIT : SURAT_BIT;
  if (order.by === "rank") {
    return sql`select * from (select search_entries.rowid as rid, ${sql.raw(BM25)} as score, ${at} as at
      from search_entries
      join ${table} on ${table}.id = (search_entries.rowid >> 1)
      where search_entries match ${match} and (search_entries.rowid & 1) = ${bit} and ${visible})`;
  }
  // The walk is bounded: someone who may open only a few of a common word's entries would otherwise make the
  // query check every one of them. Older hits beyond the bound are found by adding a word.
  return sql`select * from (select m.rid as rid, 0 as score, ${at} as at
    from (select rowid as rid from search_entries where search_entries match ${match} and (rowid & 1) = ${bit} order by rowid desc limit ${NEWEST_SCAN}) m
    join ${table} on ${table}.id = (m.rid >> 1)
    where ${visible}
    order by m.rid desc limit ${order.limit})`;
}

type Ranked = { rid: number; score: number };

/** Whether more than BM25_MAX_MATCHES entries match at all; stops counting there. */
function matchesMany(ctx: Ctx, match: string): boolean {
  const probe = ctx.db.get<{ n: number }>(sql`select count(*) as n from (select rowid from search_entries where search_entries match ${match} limit ${BM25_MAX_MATCHES + 1})`);
  return (probe?.n ?? 0) > BM25_MAX_MATCHES;
}

/**
 * Naskah and surat masuk the actor may open that match `q`, best first. `q` is free text of any shape: only
 * its first 100 characters count, every word is matched literally (FTS syntax has no effect) and the last one
 * as a prefix; text without any letter or digit gives no results.
 */
export function searchAll(ctx: Ctx, input: { q: string; kind?: SearchKind; page?: number }): SearchResult {
  const page = Math.max(1, Math.min(Math.trunc(Number(input.page) || 1), MAX_PAGE));
  const match = toMatchExpression(input.q ?? "");
  if (!match) return EMPTY(page, "");
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const newest = matchesMany(ctx, match.expression);
  const order: Order = newest ? { by: "newest", limit: offset + SEARCH_PAGE_SIZE + 1 } : { by: "rank" };
  const kinds = SEARCH_KINDS.filter((k) => !input.kind || input.kind === k);
  const union = sql.join(
    kinds.map((k) => candidates(ctx, k, match.expression, order)),
    sql` union all `,
  );
  const ranked = ctx.db.all<Ranked>(sql`select rid, score from (${union})
    order by ${newest ? sql`at desc, rid desc` : sql`score, rid desc`} limit ${SEARCH_PAGE_SIZE + 1} offset ${offset}`);
  const pageRows = ranked.slice(0, SEARCH_PAGE_SIZE);
  return { hits: describeHits(ctx, match.expression, pageRows), page, hasMore: ranked.length > SEARCH_PAGE_SIZE, newestFirst: newest, query: match.text };
}

type DocumentRow = { id: number; subject: string; number: string | null; documentDate: string | null; updatedAt: number; status: string; typeName: string; sender: string | null };
type LetterRow = { id: number; subject: string; letterNumber: string; agendaNumber: string; senderAgency: string; receivedDate: string };

/** Display fields and the snippet of one page of hits, in rank order. */
function describeHits(ctx: Ctx, match: string, rows: Ranked[]): SearchHit[] {
  if (!rows.length) return [];
  const rowids = rows.map((r) => r.rid);
  const snippets = new Map(
    ctx.db
      .all<{ rid: number; snippet: string }>(
        sql`select rowid as rid, snippet(search_entries, -1, char(2), char(3), '…', 24) as snippet from search_entries
          where search_entries match ${match} and rowid in (${sql.join(rowids.map((r) => sql`${r}`), sql`, `)})`,
      )
      .map((r) => [r.rid, r.snippet]),
  );
  const ids = (bit: number) => rowids.filter((r) => (r & 1) === bit).map((r) => r >> 1);
  const docIds = ids(NASKAH_BIT);
  const letterIds = ids(SURAT_BIT);
  const list = (xs: number[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
  const docs = new Map(
    (docIds.length
      ? ctx.db.all<DocumentRow>(sql`select d.id, d.subject, d.number, d.document_date as documentDate, d.updated_at as updatedAt, d.status, t.name as typeName, p.name as sender
          from official_documents d join document_types t on t.id = d.document_type_id left join positions p on p.id = d.drafter_position_id
          where d.id in (${list(docIds)}) and d.agency_id = ${ctx.actor.agencyId}`)
      : []
    ).map((d) => [d.id, d]),
  );
  const letters = new Map(
    (letterIds.length
      ? ctx.db.all<LetterRow>(sql`select l.id, l.subject, l.letter_number as letterNumber, l.agenda_number as agendaNumber, l.sender_agency as senderAgency, l.received_date as receivedDate
          from incoming_letters l where l.id in (${list(letterIds)}) and l.agency_id = ${ctx.actor.agencyId}`)
      : []
    ).map((l) => [l.id, l]),
  );
  const hits: SearchHit[] = [];
  for (const { rid } of rows) {
    const snippet = snippetParts(snippets.get(rid) ?? "");
    const id = rid >> 1;
    if ((rid & 1) === NASKAH_BIT) {
      const d = docs.get(id);
      if (!d) continue;
      hits.push({
        kind: "naskah",
        id,
        title: d.subject,
        number: d.number,
        agendaNumber: null,
        sender: d.sender,
        date: d.documentDate ?? new Date(d.updatedAt).toISOString().slice(0, 10),
        typeName: d.typeName,
        status: d.status,
        snippet,
        href: `/naskah/${id}`,
      });
    } else {
      const l = letters.get(id);
      if (!l) continue;
      hits.push({
        kind: "surat",
        id,
        title: l.subject,
        number: l.letterNumber,
        agendaNumber: l.agendaNumber,
        sender: l.senderAgency,
        date: l.receivedDate,
        typeName: null,
        status: null,
        snippet,
        href: `/surat-masuk/${id}`,
      });
    }
  }
  return hits;
}
