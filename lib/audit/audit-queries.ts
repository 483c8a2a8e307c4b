import "server-only";
import { and, desc, eq, gte, like, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, employees } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { forbidden, invalid } from "@/lib/errors";
import { getAgency } from "@/lib/org/agency";
import { displayName } from "@/lib/org/display-name";
import { addDays, startOfLocalDay } from "@/lib/time";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  /** Part of the actor's name, or the start of their NIP (spaces ignored). */
  who?: string;
  /** Exact action ("unit.created"), or a prefix: "unit." / "unit.*" / "unit" (no dot) mean every unit action. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Local dates (YYYY-MM-DD) in the agency's time zone, both inclusive. */
  from?: string;
  to?: string;
  /** Keyset cursor: only entries with a smaller id (older). */
  before?: number;
  limit?: number;
};

export type AuditEntryRow = {
  id: number;
  at: Date;
  actorEmployeeId: number | null;
  actorName: string | null;
  actorNip: string | null;
  actingAssignmentId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string;
  userAgent: string;
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function actionCondition(raw: string) {
  const action = raw.trim();
  if (!action) return undefined;
  const prefix = action.endsWith("*") ? action.slice(0, -1) : action.endsWith(".") ? action : action.includes(".") ? null : `${action}.`;
  return prefix == null ? eq(auditLog.action, action) : sql`${auditLog.action} LIKE ${`${likeEscaped(prefix)}%`} ESCAPE '\\'`;
}

function whoCondition(raw: string) {
  const who = raw.trim();
  if (!who) return undefined;
  const nip = who.replace(/\s+/g, "");
  return or(
    sql`${employees.name} LIKE ${`%${likeEscaped(who)}%`} ESCAPE '\\'`,
    /^\d+$/.test(nip) ? like(employees.nip, `${nip}%`) : undefined,
  );
}

/**
 * The agency restriction. With entity type and id the few rows of that entity are best found through the
 * audit_entity index; the unary plus stops SQLite from walking the whole agency in time order instead.
 */
function agencyCondition(agencyId: number, byEntity: boolean) {
  return byEntity ? sql`+${auditLog.agencyId} = ${agencyId}` : eq(auditLog.agencyId, agencyId);
}

/**
 * The audit trail of the reader's own agency, newest first, one page at a time. Only for holders of
 * "audit.read"; the agency restriction is part of the SQL, never a filter applied afterwards.
 * Pages are keyed by the last entry's id, but ordered by (at, id): that order walks the existing
 * (agency_id, at) index backwards, where ordering by id alone would sort the agency's whole trail per page.
 */
export function listAuditEntries(
  reader: { db: Db; actor: Actor },
  filters: AuditFilters,
): { rows: AuditEntryRow[]; nextCursor: number | null } {
  const { db, actor } = reader;
  if (!can(actor, "audit.read")) throw forbidden();
  for (const field of ["from", "to"] as const) {
    const value = filters[field];
    if (value && (!LOCAL_DATE.test(value) || Number.isNaN(Date.parse(value)))) throw invalid({ [field]: "validation.date" });
  }
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const limit = Math.min(Math.max(filters.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const entityType = filters.entityType?.trim();
  const entityId = filters.entityId?.trim();
  const cursor = filters.before
    ? (db.select({ id: auditLog.id, at: auditLog.at }).from(auditLog).where(eq(auditLog.id, filters.before)).get() ?? null)
    : null;
  if (filters.before && !cursor) return { rows: [], nextCursor: null };
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmployeeId: auditLog.actorEmployeeId,
      actorNameRaw: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      actorNip: employees.nip,
      actingAssignmentId: auditLog.actingAssignmentId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
    })
    .from(auditLog)
    .leftJoin(employees, eq(employees.id, auditLog.actorEmployeeId))
    .where(
      and(
        agencyCondition(actor.agencyId, Boolean(entityType && entityId)),
        filters.who ? whoCondition(filters.who) : undefined,
        filters.action ? actionCondition(filters.action) : undefined,
        entityType ? eq(auditLog.entityType, entityType) : undefined,
        entityId ? eq(auditLog.entityId, entityId) : undefined,
        filters.from ? gte(auditLog.at, startOfLocalDay(filters.from, timeZone)) : undefined,
        filters.to ? lt(auditLog.at, startOfLocalDay(addDays(filters.to, 1), timeZone)) : undefined,
        cursor ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at.getTime()}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map(({ actorNameRaw, titleFront, titleBack, ...r }) => ({
    ...r,
    actorName: actorNameRaw == null ? null : displayName({ name: actorNameRaw, titleFront: titleFront ?? "", titleBack: titleBack ?? "" }),
  }));
  return { rows: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}
