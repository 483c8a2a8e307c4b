import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { dispositions, incomingLetterAddressees, incomingLetters } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx, DbOrTx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { actorPositionIds } from "@/lib/documents/access";
import { issuingUnitOf } from "@/lib/documents/render-model";

// Who may see an incoming letter and which part of its disposition tree. One rule for pages, actions and lists:
// - the register's records clerks (the clerk's OPD keeps the register), except for Rahasia and Sangat Rahasia
//   letters, which only the clerk who registered them keeps seeing;
// - the addressed posts, each with the tree it started;
// - every post a disposition reached: its own node, the path above it and everything below it, but never a
//   sibling branch (the Kepala Dinas Kesehatan does not see what the Kepala Dinas Pendidikan was told).
// Anyone else gets "not found".

export type IncomingLetter = typeof incomingLetters.$inferSelect;
export type Disposition = typeof dispositions.$inferSelect;

/** The registers the actor keeps as a records clerk: the OPD of each post they hold. */
export function clerkRegisterUnitIds(db: DbOrTx, actor: Actor): number[] {
  if (!actor.roles.has("records_clerk")) return [];
  return [...new Set(actor.assignments.map((a) => issuingUnitOf(db, a.positionId)?.id).filter((id): id is number => id !== undefined))];
}

/** SQL condition "the actor may see incoming_letters row", for list queries. */
export function visibleLetterCondition(db: DbOrTx, actor: Actor): SQL {
  const mine = actorPositionIds(actor);
  const registers = clerkRegisterUnitIds(db, actor);
  const none = sql`0`;
  const addressed = mine.length
    ? sql`exists (select 1 from ${incomingLetterAddressees} where ${incomingLetterAddressees.letterId} = ${incomingLetters.id} and ${inArray(incomingLetterAddressees.positionId, mine)})`
    : none;
  const reached = mine.length
    ? sql`exists (select 1 from ${dispositions} where ${dispositions.letterId} = ${incomingLetters.id} and (${inArray(dispositions.toPositionId, mine)} or ${inArray(dispositions.fromPositionId, mine)}))`
    : none;
  const clerk = registers.length
    ? (and(
        inArray(incomingLetters.registerUnitId, registers),
        or(inArray(incomingLetters.securityClass, ["B", "T"]), eq(incomingLetters.registeredByEmployeeId, actor.employeeId)),
      ) as SQL)
    : none;
  // The clerk's test first: it reads only the letter's own row, and SQLite stops at the first true operand, so the
  // register list (every letter of the book) skips the two subqueries per row.
  return and(eq(incomingLetters.agencyId, actor.agencyId), or(clerk, addressed, reached)) as SQL;
}

export function visibleLetter(ctx: Pick<Ctx, "db" | "actor">, letterId: number, tx: DbOrTx = ctx.db): IncomingLetter {
  if (!Number.isSafeInteger(letterId) || letterId < 1) throw notFound();
  const letter = tx.select().from(incomingLetters).where(and(eq(incomingLetters.id, letterId), visibleLetterCondition(tx, ctx.actor))).get();
  if (!letter) throw notFound();
  return letter;
}

/** Whether the actor sees every branch: the register's clerk (for a letter they may see at all). */
export function seesWholeTree(db: DbOrTx, actor: Actor, letter: IncomingLetter): boolean {
  const registers = clerkRegisterUnitIds(db, actor);
  return registers.includes(letter.registerUnitId) && (letter.securityClass === "B" || letter.securityClass === "T" || letter.registeredByEmployeeId === actor.employeeId);
}

/**
 * The nodes of a letter's tree the actor may see: for every node that reached one of their posts (and every
 * tree their post started as an addressee), that node, its ancestors and its descendants.
 */
export function visibleNodes(all: Disposition[], actor: Actor, opts: { wholeTree: boolean; addressedPositionIds: number[] }): Disposition[] {
  if (opts.wholeTree) return all;
  const mine = new Set(actorPositionIds(actor));
  const byId = new Map(all.map((d) => [d.id, d]));
  const children = new Map<number | null, Disposition[]>();
  for (const d of all) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d]);
  const visible = new Set<number>();
  const addDescendants = (d: Disposition) => {
    const stack = [d];
    while (stack.length) {
      const node = stack.pop()!;
      if (visible.has(node.id)) continue;
      visible.add(node.id);
      stack.push(...(children.get(node.id) ?? []));
    }
  };
  const addAncestors = (d: Disposition) => {
    for (let p = d.parentId === null ? undefined : byId.get(d.parentId); p; p = p.parentId === null ? undefined : byId.get(p.parentId)) visible.add(p.id);
  };
  for (const d of all) {
    const addressedRoot = d.parentId === null && mine.has(d.fromPositionId) && opts.addressedPositionIds.includes(d.fromPositionId);
    if (mine.has(d.toPositionId) || addressedRoot || mine.has(d.fromPositionId)) {
      addDescendants(d);
      addAncestors(d);
    }
  }
  return all.filter((d) => visible.has(d.id));
}
