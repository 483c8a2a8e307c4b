import { z } from "zod";

// Field schemas shared by the configuration forms; their messages are catalog keys.

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused, not rolled over to March). */
export const isCalendarDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const calendarDate = z.string("validation.date").refine(isCalendarDate, "validation.date");

export const name120 = z.string("validation.required").trim().min(1, "validation.required").max(120, "validation.tooLong");
