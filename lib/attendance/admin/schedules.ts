import "server-only";
import { and, asc, desc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { SCHEDULE_KINDS, units, workSchedules } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { invalidateAgencyRules } from "../agency-rules";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { clockText, minuteOf, parseScheduleDays, scheduleDaysSchema, type ScheduleDays } from "../schedule";
import { assertScopeUnit, configurableAgency, parseInput } from "./access";
import { calendarDate, name120 } from "./fields";
import { asRecord, formCheckbox, formNumber, formText, formTextOrNull, formUnitId } from "./form-values";
import { coverOf, employeesOfUnits, recomputeAffected, recomputeWindow, spanOf, type DateRange } from "./recompute-window";

// Work schedules of the agency or of a unit (and its sub-units): hours per weekday, the check-in and check-out
// windows and the grace minutes; Ramadan schedules within their date range. Times are typed "07:30" and stored as
// minutes of the local day. Each change rewrites the computed days of the people it can reach, in the window.

const TIME = "presensiAdmin.schedule.timeInvalid";
const dateOrNull = calendarDate.nullable();
const clock = z.string(TIME);

export const WINDOW_FIELDS = ["checkInOpens", "checkInCloses", "checkOutOpens", "checkOutCloses"] as const;

export const scheduleInputSchema = z
  .object({
    name: name120,
    /** null: the whole agency. */
    unitId: z.number("presensiAdmin.scopeInvalid").int("presensiAdmin.scopeInvalid").positive("presensiAdmin.scopeInvalid").nullable(),
    kind: z.enum(SCHEDULE_KINDS, "validation.invalid"),
    validFrom: dateOrNull,
    validTo: dateOrNull,
    /** Monday first; null for a day off. */
    days: z.array(z.object({ start: clock, end: clock }).nullable(), TIME).length(7, TIME),
    checkInOpens: clock,
    checkInCloses: clock,
    checkOutOpens: clock,
    checkOutCloses: clock,
    graceMinutes: z.number("presensiAdmin.schedule.graceRange").int("presensiAdmin.schedule.graceRange").min(0, "presensiAdmin.schedule.graceRange").max(120, "presensiAdmin.schedule.graceRange"),
  })
  .superRefine((v, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // Errors of a weekday go to "days.N" so the form shows them on that day's row.
    v.days.forEach((day, i) => {
      if (!day) return;
      const start = minuteOf(day.start);
      const end = minuteOf(day.end);
      if (Number.isNaN(start) || Number.isNaN(end)) problem(`days.${i}`, TIME);
      else if (end <= start) problem(`days.${i}`, "presensiAdmin.schedule.endBeforeStart");
    });
    if (v.days.every((d) => d === null)) problem("days", "presensiAdmin.schedule.noWorkday");
    for (const field of WINDOW_FIELDS) if (Number.isNaN(minuteOf(v[field]))) problem(field, TIME);
    if (minuteOf(v.checkInCloses) <= minuteOf(v.checkInOpens)) problem("checkInCloses", "presensiAdmin.schedule.windowOrder");
    if (minuteOf(v.checkOutCloses) <= minuteOf(v.checkOutOpens)) problem("checkOutCloses", "presensiAdmin.schedule.windowOrder");
    if (v.kind === "ramadan") {
      if (!v.validFrom) problem("validFrom", "presensiAdmin.schedule.ramadanDates");
      if (!v.validTo) problem("validTo", "presensiAdmin.schedule.ramadanDates");
    }
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) problem("validTo", "validation.dateOrder");
  });
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

/** The schedule form: `days.N.start`, `days.N.end` and `days.N.off` per weekday, windows as "HH:MM". */
export const scheduleForm = z.preprocess((raw) => {
  const f = asRecord(raw);
  return {
    name: formText(f.name),
    unitId: formUnitId(f.unitId),
    kind: formText(f.kind),
    validFrom: formTextOrNull(f.validFrom),
    validTo: formTextOrNull(f.validTo),
    days: [0, 1, 2, 3, 4, 5, 6].map((i) => (formCheckbox(f[`days.${i}.off`]) ? null : { start: formText(f[`days.${i}.start`]).trim(), end: formText(f[`days.${i}.end`]).trim() })),
    checkInOpens: formText(f.checkInOpens).trim(),
    checkInCloses: formText(f.checkInCloses).trim(),
    checkOutOpens: formText(f.checkOutOpens).trim(),
    checkOutCloses: formText(f.checkOutCloses).trim(),
    graceMinutes: formNumber(f.graceMinutes),
  };
}, scheduleInputSchema);
export const scheduleUpdateForm = z.intersection(z.object({ scheduleId: z.coerce.number().int().positive() }), scheduleForm);
export const scheduleIdForm = z.object({ scheduleId: z.coerce.number().int().positive() });

export type ScheduleRow = typeof workSchedules.$inferSelect;
export type ScheduleListRow = Omit<ScheduleRow, "days"> & { days: ScheduleDays; unitName: string | null };

/** The form's values of a stored schedule ("07:30" strings), for the edit page. */
export function scheduleFormValues(s: { days: ScheduleDays; checkInOpensMinute: number; checkInClosesMinute: number; checkOutOpensMinute: number; checkOutClosesMinute: number }) {
  return {
    days: s.days.map((d) => (d ? { start: clockText(d.startMinute, ":"), end: clockText(d.endMinute, ":") } : null)),
    checkInOpens: clockText(s.checkInOpensMinute, ":"),
    checkInCloses: clockText(s.checkInClosesMinute, ":"),
    checkOutOpens: clockText(s.checkOutOpensMinute, ":"),
    checkOutCloses: clockText(s.checkOutClosesMinute, ":"),
  };
}

function withUnit(db: DbOrTx, agencyId: number, id?: number) {
  return db
    .select({ s: workSchedules, unitName: units.name })
    .from(workSchedules)
    .leftJoin(units, eq(units.id, workSchedules.unitId))
    .where(and(eq(workSchedules.agencyId, agencyId), id === undefined ? undefined : eq(workSchedules.id, id)));
}
const toListRow = (r: { s: ScheduleRow; unitName: string | null }): ScheduleListRow => ({ ...r.s, days: parseScheduleDays(r.s.days), unitName: r.unitName });

/** The agency's schedules: active first, agency-wide before units, regular before Ramadan. */
export function listSchedules(ctx: Ctx): ScheduleListRow[] {
  const agencyId = configurableAgency(ctx);
  return withUnit(ctx.db, agencyId)
    .orderBy(desc(workSchedules.active), asc(units.name), asc(workSchedules.kind), desc(workSchedules.validFrom), asc(workSchedules.id))
    .all()
    .map(toListRow);
}

/** One schedule of the admin's agency; another agency's id is "not found". */
export function scheduleForAdmin(ctx: Ctx, id: number): ScheduleListRow {
  const agencyId = configurableAgency(ctx);
  const row = withUnit(ctx.db, agencyId, id).get();
  if (!row) throw notFound();
  return toListRow(row);
}

function ownSchedule(tx: Tx, agencyId: number, id: number): ScheduleRow {
  const row = tx.select().from(workSchedules).where(and(eq(workSchedules.id, id), eq(workSchedules.agencyId, agencyId))).get();
  if (!row) throw notFound();
  return row;
}


type StoredSchedule = Omit<typeof workSchedules.$inferInsert, "id" | "agencyId" | "active" | "createdAt">;

function storedValues(input: z.output<typeof scheduleInputSchema>): StoredSchedule {
  const days = scheduleDaysSchema.parse(input.days.map((d) => (d ? { startMinute: minuteOf(d.start), endMinute: minuteOf(d.end) } : null)));
  return {
    name: input.name,
    unitId: input.unitId,
    kind: input.kind,
    validFrom: input.validFrom,
    validTo: input.validTo,
    days: JSON.stringify(days),
    checkInOpensMinute: minuteOf(input.checkInOpens),
    checkInClosesMinute: minuteOf(input.checkInCloses),
    checkOutOpensMinute: minuteOf(input.checkOutOpens),
    checkOutClosesMinute: minuteOf(input.checkOutCloses),
    graceMinutes: input.graceMinutes,
  };
}

/** The audited and compared shape, keys in a fixed order so two snapshots compare as JSON. */
const snapshot = (s: StoredSchedule) => ({
  name: s.name,
  unitId: s.unitId ?? null,
  kind: s.kind ?? "regular",
  validFrom: s.validFrom ?? null,
  validTo: s.validTo ?? null,
  days: parseScheduleDays(s.days),
  checkInOpensMinute: s.checkInOpensMinute,
  checkInClosesMinute: s.checkInClosesMinute,
  checkOutOpensMinute: s.checkOutOpensMinute,
  checkOutClosesMinute: s.checkOutClosesMinute,
  graceMinutes: s.graceMinutes,
});

/** The one schedule everybody falls back to: regular, for the whole agency. */
const isFallback = (s: { unitId: number | null; kind: string; active: boolean }) => s.active && s.unitId === null && s.kind === "regular";

/** Refuses a change that would leave the agency without an active agency-wide regular schedule. */
function assertFallbackKept(tx: Tx, before: ScheduleRow, after: { unitId: number | null; kind: string; active: boolean }): void {
  if (!isFallback(before) || isFallback(after)) return;
  const other = tx
    .select({ id: workSchedules.id })
    .from(workSchedules)
    .where(and(eq(workSchedules.agencyId, before.agencyId), ne(workSchedules.id, before.id), eq(workSchedules.active, true), isNull(workSchedules.unitId), eq(workSchedules.kind, "regular")))
    .get();
  if (!other) throw new DomainError("conflict", "presensiAdmin.schedule.lastAgencyWide");
}

/** Rewrites the days a schedule (before and after the change) can decide: its people, within its dates. */
function recomputeFor(tx: Tx, ctx: Ctx, agencyId: number, versions: readonly { unitId: number | null; validFrom: string | null; validTo: string | null }[]): number {
  const range: DateRange = coverOf(versions.map(spanOf));
  if (versions.some((v) => v.unitId === null)) return recomputeAffected(tx, agencyId, ctx.now, { range });
  const window = recomputeWindow(tx, agencyId, ctx.now);
  const employeeIds = employeesOfUnits(tx, agencyId, versions.map((v) => v.unitId as number), window);
  return recomputeAffected(tx, agencyId, ctx.now, { employeeIds, range });
}

export function createSchedule(ctx: Ctx, input: ScheduleInput): { id: number } {
  const agencyId = configurableAgency(ctx);
  const values = storedValues(parseInput(scheduleInputSchema, input));
  return ctx.db.transaction(
    (tx) => {
      assertScopeUnit(tx, agencyId, values.unitId ?? null);
      const row = tx.insert(workSchedules).values({ agencyId, ...values, active: true }).returning().get();
      writeAudit(tx, ctx, { action: "work_schedule.created", entityType: "work_schedule", entityId: row.id, after: { ...snapshot(values), active: true } });
      invalidateAgencyRules(tx, agencyId);
      recomputeFor(tx, ctx, agencyId, [row]);
      return { id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function updateSchedule(ctx: Ctx, id: number, input: ScheduleInput): { id: number; changed: boolean } {
  const agencyId = configurableAgency(ctx);
  const values = storedValues(parseInput(scheduleInputSchema, input));
  return ctx.db.transaction(
    (tx) => {
      const before = ownSchedule(tx, agencyId, id);
      assertScopeUnit(tx, agencyId, values.unitId ?? null, before.unitId);
      const old = snapshot(before);
      const next = snapshot(values);
      if (JSON.stringify(old) === JSON.stringify(next)) return { id, changed: false };
      assertFallbackKept(tx, before, { ...next, active: before.active });
      const after = tx.update(workSchedules).set(values).where(eq(workSchedules.id, id)).returning().get();
      writeAudit(tx, ctx, { action: "work_schedule.updated", entityType: "work_schedule", entityId: id, before: old, after: next });
      invalidateAgencyRules(tx, agencyId);
      // An inactive schedule decides no day, before or after the edit; nor does its name.
      if (before.active && JSON.stringify({ ...old, name: "" }) !== JSON.stringify({ ...next, name: "" })) recomputeFor(tx, ctx, agencyId, [before, after]);
      return { id, changed: true };
    },
    { behavior: "immediate" },
  );
}

/** Takes a schedule out of force (false) or back into it (true); the days it decided are recomputed. */
export function setScheduleActive(ctx: Ctx, id: number, active: boolean): { id: number } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const before = ownSchedule(tx, agencyId, id);
      if (before.active === active) throw new DomainError("conflict", active ? "presensiAdmin.alreadyActive" : "presensiAdmin.alreadyInactive");
      assertFallbackKept(tx, before, { ...before, active });
      tx.update(workSchedules).set({ active }).where(eq(workSchedules.id, id)).run();
      writeAudit(tx, ctx, {
        action: active ? "work_schedule.reactivated" : "work_schedule.deactivated",
        entityType: "work_schedule",
        entityId: id,
        before: { active: before.active },
        after: { active },
      });
      invalidateAgencyRules(tx, agencyId);
      recomputeFor(tx, ctx, agencyId, [before]);
      return { id };
    },
    { behavior: "immediate" },
  );
}
