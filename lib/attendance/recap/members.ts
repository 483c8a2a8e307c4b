import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { assignments, employees, positions, type AssignmentKind } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { descendantUnitIds } from "@/lib/org/org-queries";
import { visibleEmployeeSql, type RecapScope } from "./scope";

// The people a team view or a recap lists: who is posted where on a date, with their post's name.

export type Member = { employeeId: number; name: string; nip: string; postName: string; unitId: number | null };

export const unitSubtree = (db: DbOrTx, unitId: number): number[] => [unitId, ...descendantUnitIds(db, unitId)];

const KIND_ORDER: Record<AssignmentKind, number> = { definitif: 0, plt: 1, plh: 2 };

const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * Active employees the actor may see who hold a post today, optionally only those posted in `unitIds`, ordered
 * by name. Each comes once, with their own (definitif) post before a Plt/Plh one.
 */
export function currentMembers(db: DbOrTx, scope: RecapScope, filter: { unitIds?: readonly number[] } = {}): Member[] {
  if (filter.unitIds && filter.unitIds.length === 0) return [];
  const rows = db
    .select({
      employeeId: employees.id,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      nip: employees.nip,
      postName: positions.name,
      unitId: positions.unitId,
      kind: assignments.kind,
      assignmentId: assignments.id,
    })
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(
      and(
        eq(employees.agencyId, scope.agencyId),
        eq(employees.active, true),
        sql`${assignments.startDate} <= ${scope.today} AND (${assignments.endDate} IS NULL OR ${assignments.endDate} >= ${scope.today})`,
        filter.unitIds ? sql`${positions.unitId} IN (${idList(filter.unitIds)})` : undefined,
        visibleEmployeeSql(scope, employees.id),
      ),
    )
    .orderBy(asc(employees.name), asc(employees.id))
    .all();
  const byEmployee = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = byEmployee.get(row.employeeId);
    if (!seen || KIND_ORDER[row.kind] < KIND_ORDER[seen.kind] || (row.kind === seen.kind && row.assignmentId < seen.assignmentId)) byEmployee.set(row.employeeId, row);
  }
  return [...byEmployee.values()].map((r) => ({ employeeId: r.employeeId, name: displayName(r), nip: r.nip, postName: r.postName, unitId: r.unitId }));
}

/**
 * Name, NIP and the post held on `date` (own post first; else the latest one started by then) of each employee,
 * for recap rows of people who may have moved or left since.
 */
export function employeesWithPost(db: DbOrTx, employeeIds: readonly number[], date: string): Map<number, Member> {
  const out = new Map<number, Member>();
  for (let i = 0; i < employeeIds.length; i += 500) {
    const chunk = employeeIds.slice(i, i + 500);
    const people = db
      .select({ id: employees.id, name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack, nip: employees.nip })
      .from(employees)
      .where(inArray(employees.id, chunk))
      .all();
    const posts = db
      .select({ employeeId: assignments.employeeId, kind: assignments.kind, startDate: assignments.startDate, endDate: assignments.endDate, postName: positions.name, unitId: positions.unitId })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(and(inArray(assignments.employeeId, chunk), sql`${assignments.startDate} <= ${date}`))
      .all();
    const best = new Map<number, (typeof posts)[number]>();
    const rank = (p: (typeof posts)[number]) => [p.endDate === null || p.endDate >= date ? 0 : 1, KIND_ORDER[p.kind]] as const;
    for (const post of posts) {
      const seen = best.get(post.employeeId);
      if (!seen) {
        best.set(post.employeeId, post);
        continue;
      }
      const [a1, a2] = rank(post);
      const [b1, b2] = rank(seen);
      if (a1 < b1 || (a1 === b1 && (a2 < b2 || (a2 === b2 && post.startDate > seen.startDate)))) best.set(post.employeeId, post);
    }
    for (const person of people) {
      const post = best.get(person.id);
      out.set(person.id, { employeeId: person.id, name: displayName(person), nip: person.nip, postName: post?.postName ?? "", unitId: post?.unitId ?? null });
    }
  }
  return out;
}
