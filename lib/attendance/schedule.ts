import { z } from "zod";

// Work schedules (Perpres 21/2023): Monday to Friday from 07.30 local time, 37.5 hours a week without breaks;
// breaks 60 minutes Monday-Thursday and 90 on Friday, so 07.30-16.00 and 07.30-16.30. In Ramadan 32.5 hours from
// 08.00: 08.00-15.00 and 08.00-15.30. Minutes count from local midnight.

export const scheduleDaySchema = z.object({ startMinute: z.number().int().min(0).max(1439), endMinute: z.number().int().min(1).max(1439) }).refine((d) => d.endMinute > d.startMinute, { message: "presensiAdmin.schedule.endBeforeStart" });
export type ScheduleDay = z.infer<typeof scheduleDaySchema>;
export const scheduleDaysSchema = z.array(scheduleDaySchema.nullable()).length(7);
export type ScheduleDays = (ScheduleDay | null)[];

const day = (start: string, end: string): ScheduleDay => ({ startMinute: minuteOf(start), endMinute: minuteOf(end) });
export const DEFAULT_REGULAR_DAYS: ScheduleDays = [day("07:30", "16:00"), day("07:30", "16:00"), day("07:30", "16:00"), day("07:30", "16:00"), day("07:30", "16:30"), null, null];
export const DEFAULT_RAMADAN_DAYS: ScheduleDays = [day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:00"), day("08:00", "15:30"), null, null];

export function parseScheduleDays(json: string): ScheduleDays {
  try {
    const parsed = scheduleDaysSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_REGULAR_DAYS;
  } catch {
    return DEFAULT_REGULAR_DAYS;
  }
}

/** "07:30" -> 450. */
export function minuteOf(hhmm: string): number {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm.trim());
  if (!m) return Number.NaN;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  return hours > 23 || minutes > 59 ? Number.NaN : hours * 60 + minutes;
}

/** 450 -> "07.30" (the Indonesian way of writing a time). */
export function clockText(minute: number, separator = "."): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}${separator}${String(minute % 60).padStart(2, "0")}`;
}

/** ISO weekday of a calendar date, Monday 0 ... Sunday 6 (the index into ScheduleDays). */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export type ScheduleCandidate = {
  id: number;
  unitId: number | null;
  kind: "regular" | "ramadan";
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
};

/**
 * The schedule in force for a date: among active schedules valid on the date, a Ramadan one wins over any regular
 * one (the fasting month shortens everybody's day); within a kind, the nearest unit in the employee's chain (own
 * unit first, then its parents, then agency-wide).
 * `unitChain` lists the employee's unit and its ancestors, nearest first.
 */
export function scheduleFor<S extends ScheduleCandidate>(schedules: readonly S[], unitChain: readonly number[], date: string): S | null {
  const levels: (number | null)[] = [...unitChain, null];
  const valid = schedules.filter((s) => s.active && (!s.validFrom || s.validFrom <= date) && (!s.validTo || s.validTo >= date));
  for (const kind of ["ramadan", "regular"] as const) {
    for (const level of levels) {
      const pick = valid.find((s) => s.kind === kind && s.unitId === level);
      if (pick) return pick;
    }
  }
  return null;
}
