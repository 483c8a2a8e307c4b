import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";

// Finding an archive classification code (Permendagri 83/2022) as the writer types: by the start of the
// code ("800.1") or by words of its name ("cuti pegawai"). The 3,023 codes are small enough to scan, so
// there is no search index; the ancestors are joined so that a word may also match a parent's name
// ("Cuti Sakit" sits under "Administrasi Pegawai") and so the picker can show where a code sits.

export type ClassificationMatch = {
  code: string;
  name: string;
  /** Names of the ancestors, top level first ("KEPEGAWAIAN", "SUMBER DAYA MANUSIA", ...). */
  parents: string[];
};

const MAX_QUERY_LENGTH = 100;
const MAX_WORDS = 6;
const MAX_LIMIT = 50;
/** The deepest code in the list has five ancestors (e.g. 000.3.2.1.1.1). */
const ANCESTORS = 5;
const CODE_QUERY = /^\d[\d.]*$/;

type Row = { code: string; name: string } & Record<`p${number}`, string | null>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "800.1.2" before "800.1.10" before "800.2": numeric per segment, not as text. */
export function compareCodes(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

const ancestorNames = Array.from({ length: ANCESTORS }, (_, i) => sql.raw(`p${i + 1}.name AS p${i + 1}`));
const ancestorJoins = Array.from({ length: ANCESTORS }, (_, i) =>
  sql.raw(`LEFT JOIN classification_codes p${i + 1} ON p${i + 1}.code = ${i === 0 ? "c" : `p${i}`}.parent_code`),
);

function query(db: Db, where: SQL): ClassificationMatch[] {
  const rows = db.all<Row>(sql`SELECT c.code AS code, c.name AS name, ${sql.join(ancestorNames, sql`, `)}
    FROM classification_codes c ${sql.join(ancestorJoins, sql` `)}
    WHERE ${where}`);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    parents: Array.from({ length: ANCESTORS }, (_, i) => r[`p${ANCESTORS - i}`]).filter((n): n is string => n != null),
  }));
}

const byCode = (a: ClassificationMatch, b: ClassificationMatch) => compareCodes(a.code, b.code);

/**
 * Up to `limit` codes for what the writer typed: the exact code first, then codes starting with it (in code
 * order), then codes whose name holds every word (any order, any case), then codes where some words are
 * only in a parent's name.
 */
export function searchClassificationCodes(db: Db, q: string, limit = 20): ClassificationMatch[] {
  const text = q.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
  const max = Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT);
  if (!text) return [];
  const out: ClassificationMatch[] = [];
  const seen = new Set<string>();
  const add = (matches: ClassificationMatch[]) => {
    for (const m of matches) {
      if (out.length >= max) return;
      if (!seen.has(m.code)) {
        seen.add(m.code);
        out.push(m);
      }
    }
  };

  if (CODE_QUERY.test(text)) {
    add(query(db, sql`c.code = ${text}`));
    add(query(db, sql`c.code LIKE ${`${escapeLike(text)}%`} ESCAPE '\\'`).sort(byCode));
  }
  if (out.length >= max) return out;

  // A single letter matches most of the list and tells nothing; such words are left out.
  const words = [...new Set(text.toLowerCase().split(" "))].filter((w) => w.length >= 2).slice(0, MAX_WORDS);
  if (words.length === 0) return out;
  const like = (column: string, word: string) => sql`${sql.raw(column)} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;
  const inOwnName = sql.join(
    words.map((w) => like("c.name", w)),
    sql` AND `,
  );
  const inPath = sql.join(
    words.map((w) => sql`(${sql.join([like("c.name", w), ...Array.from({ length: ANCESTORS }, (_, i) => like(`p${i + 1}.name`, w))], sql` OR `)})`),
    sql` AND `,
  );
  // Own-name matches are the better ones; the path matches only fill what is left.
  add(query(db, inOwnName).sort(byCode));
  if (out.length < max) add(query(db, sql`(${inPath}) AND NOT (${inOwnName})`).sort(byCode));
  return out;
}

/** "800.1.2.1 — Name" for a stored code, to show a draft's choice again; null for an unknown code. */
export function classificationLabel(db: Db, code: string): string | null {
  const row = db.all<{ name: string }>(sql`SELECT name FROM classification_codes WHERE code = ${code}`)[0];
  return row ? `${code} — ${row.name}` : null;
}
