import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { z } from "zod";
import { HOLIDAY_KINDS, holidays } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { invalidateAgencyRules } from "../agency-rules";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { configurableAgency, parseInput } from "./access";
import { calendarDate, name120 } from "./fields";
import { asRecord, formText } from "./form-values";
import { HOLIDAYS_2026 } from "./holidays-2026";
import { recomputeAffected, recomputeWindow } from "./recompute-window";

// Libur nasional, cuti bersama and libur daerah of the agency: nobody is expected at work, nobody is absent.
// One holiday per date. Adding or removing one on a date inside the recompute window rewrites that date for
// everybody in the same transaction; a future date is decided when it comes, an old one stays history.

export type Holiday = typeof holidays.$inferSelect;


export const holidayInputSchema = z.object({
  date: calendarDate,
  name: name120,
  kind: z.enum(HOLIDAY_KINDS, "validation.invalid"),
});
export type HolidayInput = z.input<typeof holidayInputSchema>;

export const holidayForm = z.preprocess((raw) => {
  const f = asRecord(raw);
  return { date: formText(f.date).trim(), name: formText(f.name), kind: formText(f.kind) };
}, holidayInputSchema);
export const holidayIdForm = z.object({ holidayId: z.coerce.number().int().positive() });

/** The agency's holidays of a calendar year, by date. */
export function listHolidays(ctx: Ctx, year: number): Holiday[] {
  const agencyId = configurableAgency(ctx);
  return ctx.db
    .select()
    .from(holidays)
    .where(and(eq(holidays.agencyId, agencyId), gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date))
    .all();
}

const snapshot = (h: { date: string; name: string; kind: string }) => ({ date: h.date, name: h.name, kind: h.kind });

/** Rewrites one date for the whole agency when it lies in the window (a past or today's working day). */
function recomputeDate(tx: Tx, ctx: Ctx, agencyId: number, date: string): number {
  return recomputeAffected(tx, agencyId, ctx.now, { range: { from: date, to: date } });
}

function existingOn(tx: Tx, agencyId: number, date: string): Holiday | undefined {
  return tx.select().from(holidays).where(and(eq(holidays.agencyId, agencyId), eq(holidays.date, date))).get();
}

export function createHoliday(ctx: Ctx, input: HolidayInput): { id: number; date: string } {
  const agencyId = configurableAgency(ctx);
  const values = parseInput(holidayInputSchema, input);
  return ctx.db.transaction(
    (tx) => {
      const clash = existingOn(tx, agencyId, values.date);
      if (clash) throw new DomainError("invalid", "presensiAdmin.holiday.duplicate", { name: clash.name }, { date: "presensiAdmin.holiday.duplicate" });
      const row = tx.insert(holidays).values({ agencyId, ...values, createdAt: ctx.now }).returning().get();
      writeAudit(tx, ctx, { action: "holiday.created", entityType: "holiday", entityId: row.id, after: snapshot(row) });
      invalidateAgencyRules(tx, agencyId);
      recomputeDate(tx, ctx, agencyId, row.date);
      return { id: row.id, date: row.date };
    },
    { behavior: "immediate" },
  );
}

export function deleteHoliday(ctx: Ctx, id: number): { id: number } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(holidays).where(and(eq(holidays.id, id), eq(holidays.agencyId, agencyId))).get();
      if (!row) throw notFound();
      tx.delete(holidays).where(eq(holidays.id, id)).run();
      writeAudit(tx, ctx, { action: "holiday.deleted", entityType: "holiday", entityId: id, before: snapshot(row) });
      invalidateAgencyRules(tx, agencyId);
      recomputeDate(tx, ctx, agencyId, row.date);
      return { id };
    },
    { behavior: "immediate" },
  );
}

/**
 * Adds the built-in 2026 national holidays and collective leave days (holidays-2026.ts), skipping dates that
 * already have a holiday (the admin's own entry for that date wins). Each added day is audited on its own.
 */
export function addNationalHolidays2026(ctx: Ctx): { added: number; skipped: number } {
  const agencyId = configurableAgency(ctx);
  return ctx.db.transaction(
    (tx) => {
      const added: Holiday[] = [];
      for (const h of HOLIDAYS_2026) {
        if (existingOn(tx, agencyId, h.date)) continue;
        const row = tx.insert(holidays).values({ agencyId, ...h, createdAt: ctx.now }).returning().get();
        writeAudit(tx, ctx, { action: "holiday.created", entityType: "holiday", entityId: row.id, after: { ...snapshot(row), source: "SKB 3 Menteri 2026" } });
        added.push(row);
      }
      if (added.length > 0) invalidateAgencyRules(tx, agencyId);
      const window = recomputeWindow(tx, agencyId, ctx.now);
      for (const row of added) if (row.date >= window.from && row.date <= window.to) recomputeDate(tx, ctx, agencyId, row.date);
      return { added: added.length, skipped: HOLIDAYS_2026.length - added.length };
    },
    { behavior: "immediate" },
  );
}
