/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone such as Asia/Jakarta. */
export function localDate(instant: Date, timeZone: string): string {
  return formatter(dateFormatters, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA").format(instant);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a tenth of a check-in's time before
// these were kept): one per zone and purpose, for the life of the process.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions, locale: string): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
  return f;
}

// A month's recap or a year's recompute asks for the same few hundred local midnights thousands of times, and each
// answer costs an Intl formatToParts (a tenth of a bulk recompute's CPU): remembered, bounded.
const midnights = new Map<string, number>();
const MIDNIGHTS_KEPT = 20_000;

/** UTC instant of local midnight starting the given date in a zone without daylight saving (WIB/WITA/WIT). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const key = `${timeZone}\u0000${date}`;
  let at = midnights.get(key);
  if (at === undefined) {
    const guess = new Date(`${date}T00:00:00Z`);
    at = guess.getTime() - zoneOffsetMinutes(guess, timeZone) * 60_000;
    if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
    midnights.set(key, at);
  }
  return new Date(at);
}

function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = formatter(offsetFormatters, timeZone, { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }, "en-US").formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
