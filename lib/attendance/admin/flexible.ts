import "server-only";
import { and, asc, count, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { employeeAttendanceSettings, employees } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { displayName } from "@/lib/org/display-name";
import { normalizeNip } from "@/lib/org/nip";
import { configurableAgency } from "./access";
import { recomputeAffected } from "./recompute-window";

// Flexible work (PermenPANRB 4/2025): the head of the agency chooses who may work from home or elsewhere; the
// admin records that choice here, and can clear an employee's registered home point so they register it again
// (a move, or a point taken in the wrong place). Both are audited and rewrite that employee's days.

export const FLEXIBLE_PAGE_SIZE = 50;
export const FLEXIBLE_FILTERS = ["all", "flexible", "home"] as const;
export type FlexibleFilter = (typeof FLEXIBLE_FILTERS)[number];

export const flexibleToggleForm = z.object({ employeeId: z.coerce.number().int().positive(), flexibleWork: z.enum(["true", "false"]).transform((v) => v === "true") });
export const employeeIdForm = z.object({ employeeId: z.coerce.number().int().positive() });

export type FlexibleRow = { id: number; nip: string; displayName: string; flexibleWork: boolean; homeSetAt: Date | null };

const likePattern = (text: string, prefixOnly = false) => {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
};

/** One page of the agency's active employees with their flexible-work setting; search by name or NIP. */
export function listFlexibleEmployees(ctx: Ctx, filter: { q?: string; show?: FlexibleFilter; page?: number }): { rows: FlexibleRow[]; total: number; page: number; pageCount: number } {
  const agencyId = configurableAgency(ctx);
  const conditions: (SQL | undefined)[] = [eq(employees.agencyId, agencyId), eq(employees.active, true)];
  const q = filter.q?.trim().slice(0, 100);
  if (q) {
    const digits = normalizeNip(q);
    conditions.push(/^\d+$/.test(digits) ? sql`${employees.nip} LIKE ${likePattern(digits, true)} ESCAPE '\\'` : sql`${employees.name} LIKE ${likePattern(q)} ESCAPE '\\'`);
  }
  if (filter.show === "flexible") conditions.push(eq(employeeAttendanceSettings.flexibleWork, true));
  if (filter.show === "home") conditions.push(isNotNull(employeeAttendanceSettings.homeLatitude));
  const where = and(...conditions);
  const base = () => ctx.db.select({ n: count() }).from(employees).leftJoin(employeeAttendanceSettings, eq(employeeAttendanceSettings.employeeId, employees.id));
  const total = base().where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / FLEXIBLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const rows = ctx.db
    .select({
      id: employees.id,
      nip: employees.nip,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      flexibleWork: employeeAttendanceSettings.flexibleWork,
      homeSetAt: employeeAttendanceSettings.homeSetAt,
      homeLatitude: employeeAttendanceSettings.homeLatitude,
    })
    .from(employees)
    .leftJoin(employeeAttendanceSettings, eq(employeeAttendanceSettings.employeeId, employees.id))
    .where(where)
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(FLEXIBLE_PAGE_SIZE)
    .offset((page - 1) * FLEXIBLE_PAGE_SIZE)
    .all();
  return {
    rows: rows.map((r) => ({ id: r.id, nip: r.nip, displayName: displayName(r), flexibleWork: r.flexibleWork ?? false, homeSetAt: r.homeLatitude == null ? null : r.homeSetAt })),
    total,
    page,
    pageCount,
  };
}

type Settings = typeof employeeAttendanceSettings.$inferSelect;
const snapshot = (s: Pick<Settings, "flexibleWork" | "homeLatitude" | "homeLongitude" | "homeSetAt"> | undefined) => ({
  flexibleWork: s?.flexibleWork ?? false,
  homeLatitude: s?.homeLatitude ?? null,
  homeLongitude: s?.homeLongitude ?? null,
  homeSetAt: s?.homeSetAt?.toISOString() ?? null,
});

/** An employee of the admin's agency and their settings row (if any); another agency's id is "not found". */
function ownEmployee(tx: Tx, agencyId: number, employeeId: number): Settings | undefined {
  const employee = tx.select({ id: employees.id }).from(employees).where(and(eq(employees.id, employeeId), eq(employees.agencyId, agencyId))).get();
  if (!employee) throw notFound();
  return tx.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, employeeId)).get();
}

function applySettings(tx: Tx, ctx: Ctx, agencyId: number, employeeId: number, before: Settings | undefined, change: Partial<Settings>): void {
  const row = tx
    .insert(employeeAttendanceSettings)
    .values({ employeeId, ...change, updatedAt: ctx.now })
    .onConflictDoUpdate({ target: employeeAttendanceSettings.employeeId, set: { ...change, updatedAt: ctx.now } })
    .returning()
    .get();
  writeAudit(tx, ctx, { action: "attendance_settings.updated", entityType: "employee_attendance_settings", entityId: employeeId, before: snapshot(before), after: snapshot(row) });
  recomputeAffected(tx, agencyId, ctx.now, { employeeIds: [employeeId] });
}

/** Allows (true) or withdraws (false) flexible work for one employee; the same value again changes nothing. */
export function setFlexibleWork(ctx: Ctx, employeeId: number, flexibleWork: boolean): { employeeId: number; changed: boolean } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const before = ownEmployee(tx, agencyId, employeeId);
      if ((before?.flexibleWork ?? false) === flexibleWork) return { employeeId, changed: false };
      applySettings(tx, ctx, agencyId, employeeId, before, { flexibleWork });
      return { employeeId, changed: true };
    },
    { behavior: "immediate" },
  );
}

/** Forgets the registered home point; the employee registers it again on their next WFH check-in. */
export function clearHomePoint(ctx: Ctx, employeeId: number): { employeeId: number } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const before = ownEmployee(tx, agencyId, employeeId);
      if (before?.homeLatitude == null && before?.homeSetAt == null) throw new DomainError("conflict", "presensiAdmin.flexible.noHome");
      applySettings(tx, ctx, agencyId, employeeId, before, { homeLatitude: null, homeLongitude: null, homeSetAt: null });
      return { employeeId };
    },
    { behavior: "immediate" },
  );
}
