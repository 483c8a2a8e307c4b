import "server-only";
import { and, asc, count, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db";
import { assignments, employees, positions, units, type AssignmentKind } from "@/db/schema";
import type { Tx } from "@/lib/context";
import { localDate } from "@/lib/time";
import { getAgency } from "./agency";
import { displayName } from "./display-name";
import { inForceOn, notEndedBy } from "@/lib/org/assignment-in-force";

// Read queries of the organisation tree. Every query takes the agency id and filters by it in SQL, so a
// page can never show another agency's units or positions, whatever ids arrive in the URL.

type Reader = Db | Tx;

export type UnitNode = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string;
  active: boolean;
  depth: number;
  /** Active positions directly in this unit. */
  positionCount: number;
  children: UnitNode[];
};

/** The agency's units as a tree (roots first, siblings by name), inactive units included. */
export function listUnitsTree(db: Reader, agencyId: number): UnitNode[] {
  const rows = db
    .select({ id: units.id, parentId: units.parentId, name: units.name, shortName: units.shortName, active: units.active })
    .from(units)
    .where(eq(units.agencyId, agencyId))
    .orderBy(asc(units.name), asc(units.id))
    .all();
  const counts = new Map(
    db
      .select({ unitId: positions.unitId, n: count() })
      .from(positions)
      .where(and(eq(positions.agencyId, agencyId), eq(positions.active, true)))
      .groupBy(positions.unitId)
      .all()
      .map((r) => [r.unitId, r.n]),
  );
  const byId = new Map<number, UnitNode>(rows.map((r) => [r.id, { ...r, depth: 0, positionCount: counts.get(r.id) ?? 0, children: [] }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId == null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (nodes: UnitNode[], depth: number) => {
    for (const node of nodes) {
      node.depth = depth;
      setDepth(node.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The tree in reading order (each unit followed by its descendants). */
export function flattenUnitTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnitTree(node.children)]);
}

export type Option = { id: number; label: string };

/** Active units in tree order for selects; the label is indented by depth with no-break spaces. */
export function unitOptions(db: Reader, agencyId: number): Option[] {
  return flattenUnitTree(listUnitsTree(db, agencyId))
    .filter((u) => u.active)
    .map((u) => ({ id: u.id, label: `${"\u00a0\u00a0\u00a0".repeat(u.depth)}${u.name}` }));
}

/** Active positions for selects, labelled "name — unit". */
export function positionOptions(db: Reader, agencyId: number): Option[] {
  return db
    .select({ id: positions.id, name: positions.name, unitName: units.name })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(and(eq(positions.agencyId, agencyId), eq(positions.active, true)))
    .orderBy(asc(units.name), desc(positions.isLeader), asc(positions.name), asc(positions.id))
    .all()
    .map((p) => ({ id: p.id, label: `${p.name} — ${p.unitName}` }));
}

/**
 * Likely superiors for a position in the given unit: every active head of a unit (isLeader) plus the active
 * positions of that same unit. A regency has thousands of posts; offering all of them in one select is
 * unusable on a phone, and a superior outside both groups is rare.
 */
export function superiorOptions(db: Reader, agencyId: number, unitId: number | null): Option[] {
  return db
    .select({ id: positions.id, name: positions.name, unitName: units.name })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(
      and(
        eq(positions.agencyId, agencyId),
        eq(positions.active, true),
        unitId == null ? eq(positions.isLeader, true) : or(eq(positions.isLeader, true), eq(positions.unitId, unitId)),
      ),
    )
    .orderBy(asc(units.name), desc(positions.isLeader), asc(positions.name), asc(positions.id))
    .all()
    .map((p) => ({ id: p.id, label: `${p.name} — ${p.unitName}` }));
}

/** Ids of all units below the given one. UNION (not UNION ALL) stops even on a corrupt, cyclic tree. */
export function descendantUnitIds(db: Reader, unitId: number): number[] {
  return db
    .all<{ id: number }>(
      sql`WITH RECURSIVE below(id) AS (
        SELECT id FROM units WHERE parent_id = ${unitId}
        UNION SELECT u.id FROM units u JOIN below ON u.parent_id = below.id
      ) SELECT id FROM below`,
    )
    .map((r) => r.id);
}

/** Ids of all positions reporting, directly or further down, to the given one. */
export function subordinatePositionIds(db: Reader, positionId: number): number[] {
  return db
    .all<{ id: number }>(
      sql`WITH RECURSIVE below(id) AS (
        SELECT id FROM positions WHERE superior_id = ${positionId}
        UNION SELECT p.id FROM positions p JOIN below ON p.superior_id = below.id
      ) SELECT id FROM below`,
    )
    .map((r) => r.id);
}

export type Holder = {
  assignmentId: number;
  positionId: number;
  employeeId: number;
  name: string;
  nip: string;
  kind: AssignmentKind;
  startDate: string;
  endDate: string | null;
};

const KIND_ORDER: Record<AssignmentKind, number> = { definitif: 0, plt: 1, plh: 2 };

/**
 * Who holds each position on the given local date (assignment started and not yet ended), own post
 * (definitif) before Plt and Plh. With `includeScheduled`, assignments starting later count as well.
 */
export function currentHolders(db: Reader, positionIds: number[], today: string, includeScheduled = false): Map<number, Holder[]> {
  const out = new Map<number, Holder[]>();
  if (positionIds.length === 0) return out;
  const rows = db
    .select({
      assignmentId: assignments.id,
      positionId: assignments.positionId,
      employeeId: employees.id,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      nip: employees.nip,
      kind: assignments.kind,
      startDate: assignments.startDate,
      endDate: assignments.endDate,
    })
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(
      and(
        inArray(assignments.positionId, positionIds),
        includeScheduled ? undefined : lte(assignments.startDate, today),
        notEndedBy(today),
      ),
    )
    .all()
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.startDate.localeCompare(b.startDate) || a.assignmentId - b.assignmentId);
  for (const r of rows) {
    const holder: Holder = {
      assignmentId: r.assignmentId,
      positionId: r.positionId,
      employeeId: r.employeeId,
      name: displayName(r),
      nip: r.nip,
      kind: r.kind,
      startDate: r.startDate,
      endDate: r.endDate,
    };
    out.set(r.positionId, [...(out.get(r.positionId) ?? []), holder]);
  }
  return out;
}

/** Today's local date in the agency's time zone. */
export function agencyToday(db: Reader, agencyId: number, now = new Date()): string {
  return localDate(now, getAgency(db, agencyId)?.timeZone ?? "Asia/Jakarta");
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type PositionRow = {
  id: number;
  name: string;
  active: boolean;
  isLeader: boolean;
  mayDisposition: boolean;
  maySign: boolean;
  unitId: number;
  unitName: string;
  superiorId: number | null;
  superiorName: string | null;
  holders: Holder[];
};

export type PositionFilter = {
  /** Positions in this unit and in all units below it. */
  unitId?: number | null;
  /** Part of the position's name. */
  q?: string;
  limit: number;
  offset: number;
  /** Local date for "current holder"; defaults to today in the agency's time zone. */
  today?: string;
};

/** One page of the agency's positions (active and inactive) with unit, superior and current holders. */
export function listPositions(db: Db, agencyId: number, filter: PositionFilter): { rows: PositionRow[]; hasMore: boolean } {
  const superior = alias(positions, "superior");
  const q = filter.q?.trim();
  const rows = db
    .select({
      id: positions.id,
      name: positions.name,
      active: positions.active,
      isLeader: positions.isLeader,
      mayDisposition: positions.mayDisposition,
      maySign: positions.maySign,
      unitId: positions.unitId,
      unitName: units.name,
      superiorId: positions.superiorId,
      superiorName: superior.name,
    })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .leftJoin(superior, eq(superior.id, positions.superiorId))
    .where(
      and(
        eq(positions.agencyId, agencyId),
        filter.unitId ? inArray(positions.unitId, [filter.unitId, ...descendantUnitIds(db, filter.unitId)]) : undefined,
        q ? sql`${positions.name} LIKE ${containsPattern(q)} ESCAPE '\\'` : undefined,
      ),
    )
    .orderBy(asc(units.name), desc(positions.isLeader), asc(positions.name), asc(positions.id))
    .limit(filter.limit + 1)
    .offset(filter.offset)
    .all();
  const page = rows.slice(0, filter.limit);
  const holders = currentHolders(
    db,
    page.map((p) => p.id),
    filter.today ?? agencyToday(db, agencyId),
  );
  return { rows: page.map((p) => ({ ...p, holders: holders.get(p.id) ?? [] })), hasMore: rows.length > filter.limit };
}

type Named = { id: number; name: string; active: boolean };

export type UnitDetail = {
  id: number;
  agencyId: number;
  name: string;
  shortName: string;
  active: boolean;
  parent: Named | null;
  children: Named[];
  positions: (Named & { isLeader: boolean })[];
};

/** One unit of the agency with its parent, child units and positions; null when missing or another agency's. */
export function getUnitDetail(db: Reader, agencyId: number, unitId: number): UnitDetail | null {
  const unit = db.select().from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId))).get();
  if (!unit) return null;
  const parent =
    unit.parentId == null
      ? null
      : (db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.id, unit.parentId)).get() ?? null);
  const children = db
    .select({ id: units.id, name: units.name, active: units.active })
    .from(units)
    .where(and(eq(units.parentId, unit.id), eq(units.agencyId, agencyId)))
    .orderBy(asc(units.name))
    .all();
  const unitPositions = db
    .select({ id: positions.id, name: positions.name, active: positions.active, isLeader: positions.isLeader })
    .from(positions)
    .where(and(eq(positions.unitId, unit.id), eq(positions.agencyId, agencyId)))
    .orderBy(desc(positions.isLeader), asc(positions.name))
    .all();
  return {
    id: unit.id,
    agencyId: unit.agencyId,
    name: unit.name,
    shortName: unit.shortName,
    active: unit.active,
    parent,
    children,
    positions: unitPositions,
  };
}

export type PositionDetail = {
  id: number;
  agencyId: number;
  name: string;
  active: boolean;
  isLeader: boolean;
  mayDisposition: boolean;
  maySign: boolean;
  unit: Named;
  superior: Named | null;
  subordinates: Named[];
  holders: Holder[];
};

/** One position of the agency with unit, superior, direct subordinates and current holders; null when not found. */
export function getPositionDetail(db: Db, agencyId: number, positionId: number, today?: string): PositionDetail | null {
  const position = db.select().from(positions).where(and(eq(positions.id, positionId), eq(positions.agencyId, agencyId))).get();
  if (!position) return null;
  const unit = db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.id, position.unitId)).get();
  if (!unit) return null;
  const superior =
    position.superiorId == null
      ? null
      : (db
          .select({ id: positions.id, name: positions.name, active: positions.active })
          .from(positions)
          .where(eq(positions.id, position.superiorId))
          .get() ?? null);
  const subordinates = db
    .select({ id: positions.id, name: positions.name, active: positions.active })
    .from(positions)
    .where(and(eq(positions.superiorId, position.id), eq(positions.agencyId, agencyId)))
    .orderBy(asc(positions.name))
    .all();
  const holders = currentHolders(db, [position.id], today ?? agencyToday(db, agencyId)).get(position.id) ?? [];
  return {
    id: position.id,
    agencyId: position.agencyId,
    name: position.name,
    active: position.active,
    isLeader: position.isLeader,
    mayDisposition: position.mayDisposition,
    maySign: position.maySign,
    unit,
    superior,
    subordinates,
    holders,
  };
}

/**
 * Each employee's post on the given local date as a label ("Kepala Dinas ...", "Plt. Kepala ..."): their own
 * (definitif) before one they act in. For search results that say who someone is.
 */
export function currentPostLabels(db: Reader, employeeIds: number[], today: string): Map<number, string> {
  const labels = new Map<number, string>();
  if (employeeIds.length === 0) return labels;
  db.select({ employeeId: assignments.employeeId, kind: assignments.kind, positionName: positions.name })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(and(inArray(assignments.employeeId, employeeIds), inForceOn(today)))
    .all()
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .forEach((p) => {
      if (!labels.has(p.employeeId)) labels.set(p.employeeId, p.kind === "definitif" ? p.positionName : `${p.kind === "plt" ? "Plt." : "Plh."} ${p.positionName}`);
    });
  return labels;
}
