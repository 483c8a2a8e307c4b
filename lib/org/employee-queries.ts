import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { assignments, employeeRoles, employees, positions, units, ROLES, type AssignmentKind, type Role } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { displayName } from "./display-name";
import { normalizeNip } from "./nip";
import { agencyToday, descendantUnitIds } from "./org-queries";
import { inForceOn } from "@/lib/org/assignment-in-force";

/** What read queries need of the request context. */
export type QueryCtx = Pick<Ctx, "db" | "actor" | "now">;

export const EMPLOYEES_PAGE_SIZE = 50;

export type EmployeeStatusFilter = "active" | "inactive" | "all";

export type EmployeeListFilter = {
  /** Part of the name or e-mail, or the start of the NIP (spaces allowed). */
  q?: string;
  /** Employees holding a post today in this unit or a unit below it. */
  unitId?: number | null;
  status?: EmployeeStatusFilter;
  /** 1-based. */
  page?: number;
};

export type HeldPost = { assignmentId: number; kind: AssignmentKind; positionName: string; unitName: string };

export type EmployeeListRow = {
  id: number;
  nip: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** Posts in force today, own post first, then Plt/Plh. */
  posts: HeldPost[];
};

const KIND_ORDER: Record<AssignmentKind, number> = { definitif: 0, plt: 1, plh: 2 };

function likePattern(text: string, prefixOnly = false): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** Posts each employee holds on the given date. */
function postsByEmployee(db: QueryCtx["db"], employeeIds: number[], today: string): Map<number, HeldPost[]> {
  const out = new Map<number, HeldPost[]>();
  if (employeeIds.length === 0) return out;
  const rows = db
    .select({
      employeeId: assignments.employeeId,
      assignmentId: assignments.id,
      kind: assignments.kind,
      positionName: positions.name,
      unitName: units.name,
    })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(and(inArray(assignments.employeeId, employeeIds), inForceOn(today)))
    .all()
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.assignmentId - b.assignmentId);
  for (const { employeeId, ...post } of rows) out.set(employeeId, [...(out.get(employeeId) ?? []), post]);
  return out;
}

/** One page of the actor's agency's employees, by name. Only for those who manage employees. */
export function listEmployees(
  ctx: QueryCtx,
  filter: EmployeeListFilter,
): { rows: EmployeeListRow[]; total: number; page: number; pageCount: number } {
  assertCan(ctx.actor, "employee.manage");
  const agencyId = ctx.actor.agencyId;
  const today = agencyToday(ctx.db, agencyId, ctx.now);
  const conditions: (SQL | undefined)[] = [eq(employees.agencyId, agencyId)];

  const status = filter.status ?? "active";
  if (status !== "all") conditions.push(eq(employees.active, status === "active"));

  const q = filter.q?.trim().slice(0, 100);
  if (q) {
    const digits = normalizeNip(q);
    conditions.push(
      /^\d+$/.test(digits)
        ? sql`${employees.nip} LIKE ${likePattern(digits, true)} ESCAPE '\\'`
        : or(sql`${employees.name} LIKE ${likePattern(q)} ESCAPE '\\'`, sql`${employees.email} LIKE ${likePattern(q.toLowerCase())} ESCAPE '\\'`),
    );
  }

  if (filter.unitId) {
    const unitIds = [filter.unitId, ...descendantUnitIds(ctx.db, filter.unitId)];
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${assignments} JOIN ${positions} ON ${positions.id} = ${assignments.positionId}
        WHERE ${assignments.employeeId} = ${employees.id}
          AND ${assignments.startDate} <= ${today}
          AND (${assignments.endDate} IS NULL OR ${assignments.endDate} >= ${today})
          AND ${inArray(positions.unitId, unitIds)}
          AND ${positions.agencyId} = ${agencyId})`,
    );
  }

  const where = and(...conditions);
  const total = ctx.db.select({ n: count() }).from(employees).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / EMPLOYEES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const rows = ctx.db
    .select({
      id: employees.id,
      nip: employees.nip,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      email: employees.email,
      active: employees.active,
      mustChangePassword: employees.mustChangePassword,
    })
    .from(employees)
    .where(where)
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(EMPLOYEES_PAGE_SIZE)
    .offset((page - 1) * EMPLOYEES_PAGE_SIZE)
    .all();
  const posts = postsByEmployee(
    ctx.db,
    rows.map((r) => r.id),
    today,
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      nip: r.nip,
      displayName: displayName(r),
      email: r.email,
      active: r.active,
      mustChangePassword: r.mustChangePassword,
      posts: posts.get(r.id) ?? [],
    })),
    total,
    page,
    pageCount,
  };
}

export type AssignmentStatus = "current" | "upcoming" | "ended";

export type EmployeeAssignment = {
  id: number;
  kind: AssignmentKind;
  positionId: number;
  positionName: string;
  unitName: string;
  startDate: string;
  endDate: string | null;
  decreeNumber: string;
  status: AssignmentStatus;
};

export type EmployeeDetail = {
  id: number;
  agencyId: number;
  nip: string;
  nik: string | null;
  name: string;
  titleFront: string;
  titleBack: string;
  displayName: string;
  grade: string;
  email: string | null;
  phone: string;
  active: boolean;
  mustChangePassword: boolean;
  roles: Role[];
  assignments: EmployeeAssignment[];
  today: string;
};

/** One employee of the actor's agency with roles and all assignments (current first). Never the password hash. */
export function getEmployeeDetail(ctx: QueryCtx, employeeId: number): EmployeeDetail {
  assertCan(ctx.actor, "employee.manage");
  const e = ctx.db.select().from(employees).where(eq(employees.id, employeeId)).get();
  if (!e) throw notFound();
  assertCan(ctx.actor, "employee.manage", e);
  const today = agencyToday(ctx.db, e.agencyId, ctx.now);
  const heldRoles = ctx.db.select({ role: employeeRoles.role }).from(employeeRoles).where(eq(employeeRoles.employeeId, e.id)).all();
  const statusOf = (a: { startDate: string; endDate: string | null }): AssignmentStatus =>
    a.startDate > today ? "upcoming" : a.endDate != null && a.endDate < today ? "ended" : "current";
  const statusOrder: Record<AssignmentStatus, number> = { current: 0, upcoming: 1, ended: 2 };
  const rows = ctx.db
    .select({
      id: assignments.id,
      kind: assignments.kind,
      positionId: positions.id,
      positionName: positions.name,
      unitName: units.name,
      startDate: assignments.startDate,
      endDate: assignments.endDate,
      decreeNumber: assignments.decreeNumber,
    })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(eq(assignments.employeeId, e.id))
    .orderBy(desc(assignments.startDate), desc(assignments.id))
    .all()
    .map((a) => ({ ...a, status: statusOf(a) }))
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return {
    id: e.id,
    agencyId: e.agencyId,
    nip: e.nip,
    nik: e.nik,
    name: e.name,
    titleFront: e.titleFront,
    titleBack: e.titleBack,
    displayName: displayName(e),
    grade: e.grade,
    email: e.email,
    phone: e.phone,
    active: e.active,
    mustChangePassword: e.mustChangePassword,
    roles: ROLES.filter((role) => heldRoles.some((r) => r.role === role)),
    assignments: rows,
    today,
  };
}
