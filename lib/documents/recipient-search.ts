import "server-only";
import { and, asc, desc, eq, exists, sql, type Column, type SQL } from "drizzle-orm";
import { assignments, employees, positions, units } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { normalizeNip } from "@/lib/org/nip";
import { agencyToday, currentHolders, currentPostLabels, type Holder } from "@/lib/org/org-queries";
import { inForceOn } from "@/lib/org/assignment-in-force";
import type { PickedRecipient } from "./recipients";

// The search behind the recipient picker (tujuan, tembusan, review chain, signers): positions, units and
// employees of the actor's own agency, active ones only. Every query filters by the agency in SQL, so no
// id or name of another agency can come back whatever is typed.

type SearchCtx = Pick<Ctx, "db" | "actor"> & Partial<Pick<Ctx, "now">>;

export const SEARCHABLE_RECIPIENT_KINDS = ["position", "unit", "employee"] as const;
export type SearchableRecipientKind = (typeof SEARCHABLE_RECIPIENT_KINDS)[number];

export const RECIPIENT_SEARCH_LIMIT = 15;
const MAX_QUERY_LENGTH = 100;
const MAX_WORDS = 6;

/** Words the results carry into the chips; the route passes them in the reader's language. */
export type RecipientSearchText = { vacant: string; unit: string };
const INDONESIAN: RecipientSearchText = { vacant: "Kosong", unit: "Unit kerja" };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (column: Column, word: string) => sql`${column} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;
const allOf = (conditions: SQL[]) => and(...conditions) as SQL;
const anyOf = (conditions: SQL[]) => sql`(${sql.join(conditions, sql` OR `)})`;

/** "Budi Santoso", "Budi Santoso (Plt.)": acting holders are marked as letters mark them. */
const holderLabel = (h: Holder) => (h.kind === "definitif" ? h.name : `${h.name} (${h.kind === "plt" ? "Plt." : "Plh."})`);

function searchPositions(ctx: SearchCtx, words: string[], today: string, text: RecipientSearchText, limit: number): PickedRecipient[] {
  // A word may be in the position's name, its unit's name or short name, or a current holder's name.
  const holderNamed = (word: string) =>
    exists(
      ctx.db
        .select({ one: sql`1` })
        .from(assignments)
        .innerJoin(employees, eq(employees.id, assignments.employeeId))
        .where(and(eq(assignments.positionId, positions.id), inForceOn(today), eq(employees.active, true), contains(employees.name, word))),
    );
  const rows = ctx.db
    .select({ id: positions.id, name: positions.name, unitName: units.name })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(
      and(
        eq(positions.agencyId, ctx.actor.agencyId),
        eq(positions.active, true),
        eq(units.active, true),
        allOf(words.map((w) => anyOf([contains(positions.name, w), contains(units.name, w), contains(units.shortName, w), holderNamed(w) as SQL]))),
      ),
    )
    // Posts named like the query before those found through their unit or holder; heads before staff.
    .orderBy(desc(allOf(words.map((w) => contains(positions.name, w)))), desc(positions.isLeader), asc(positions.name), asc(positions.id))
    .limit(limit)
    .all();
  const holders = currentHolders(
    ctx.db,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => {
    const names = (holders.get(r.id) ?? []).map(holderLabel);
    // The unit tells apart the many "Sekretaris" and "Kepala Subbagian Umum" posts of a regency.
    return { kind: "position", positionId: r.id, label: r.name, sublabel: `${names.length > 0 ? names.join(", ") : text.vacant} · ${r.unitName}` };
  });
}

function searchUnits(ctx: SearchCtx, words: string[], text: RecipientSearchText, limit: number): PickedRecipient[] {
  return ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.agencyId, ctx.actor.agencyId), eq(units.active, true), allOf(words.map((w) => anyOf([contains(units.name, w), contains(units.shortName, w)])))))
    .orderBy(asc(units.name), asc(units.id))
    .limit(limit)
    .all()
    .map((u) => ({ kind: "unit", unitId: u.id, label: u.name, sublabel: text.unit }));
}

function searchEmployees(ctx: SearchCtx, words: string[], nipDigits: string | null, today: string, limit: number): PickedRecipient[] {
  const match = nipDigits ? sql`${employees.nip} LIKE ${`${escapeLike(nipDigits)}%`} ESCAPE '\\'` : allOf(words.map((w) => contains(employees.name, w)));
  const rows = ctx.db
    .select({ id: employees.id, name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack })
    .from(employees)
    .where(and(eq(employees.agencyId, ctx.actor.agencyId), eq(employees.active, true), match))
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(limit)
    .all();
  if (rows.length === 0) return [];
  const posts = currentPostLabels(ctx.db, rows.map((r) => r.id), today);
  return rows.map((r) => {
    const post = posts.get(r.id);
    return { kind: "employee", employeeId: r.id, label: displayName(r), ...(post ? { sublabel: post } : {}) };
  });
}

/** Takes from each kind in turn, so many matching positions cannot push every employee off the list. */
function shareFairly(groups: PickedRecipient[][], max: number): PickedRecipient[] {
  const taken = groups.map(() => 0);
  let total = 0;
  for (let progress = true; progress && total < max; ) {
    progress = false;
    for (let i = 0; i < groups.length && total < max; i++) {
      if (taken[i] < groups[i].length) {
        taken[i]++;
        total++;
        progress = true;
      }
    }
  }
  return groups.flatMap((group, i) => group.slice(0, taken[i]));
}

/**
 * Up to 15 recipients of the actor's agency for what was typed: positions (by their name, their unit's name
 * or a current holder's name; labelled with the holders, or "Kosong"), units (by name or short name) and
 * employees (by name, or by the start of the NIP when 4+ digits are typed). Every word must match.
 */
export function searchRecipients(
  ctx: SearchCtx,
  q: string,
  kinds: readonly SearchableRecipientKind[] = SEARCHABLE_RECIPIENT_KINDS,
  text: RecipientSearchText = INDONESIAN,
): PickedRecipient[] {
  const query = q.trim().replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH);
  const digits = normalizeNip(query);
  const nipDigits = /^\d{4,}$/.test(digits) ? digits : null;
  if (!nipDigits && query.replace(/\s+/g, "").length < 2) return [];
  const words = [...new Set(query.toLowerCase().split(" "))].slice(0, MAX_WORDS);
  const wanted = new Set(kinds);
  const today = agencyToday(ctx.db, ctx.actor.agencyId, ctx.now ?? new Date());
  const limit = RECIPIENT_SEARCH_LIMIT;
  const groups: PickedRecipient[][] = [];
  // A NIP names a person, not a post or a unit.
  if (wanted.has("position") && !nipDigits) groups.push(searchPositions(ctx, words, today, text, limit));
  if (wanted.has("unit") && !nipDigits) groups.push(searchUnits(ctx, words, text, limit));
  if (wanted.has("employee")) groups.push(searchEmployees(ctx, words, nipDigits, today, limit));
  return shareFairly(groups, limit);
}

/** The kinds named in a query string such as "position,unit"; unknown names are ignored, none means all. */
export function parseSearchKinds(value: string | null): SearchableRecipientKind[] {
  const named = (value ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k): k is SearchableRecipientKind => (SEARCHABLE_RECIPIENT_KINDS as readonly string[]).includes(k));
  return named.length > 0 ? [...new Set(named)] : [...SEARCHABLE_RECIPIENT_KINDS];
}
