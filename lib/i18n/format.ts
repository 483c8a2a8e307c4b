import type { Locale } from "./catalog";

const intlLocale = (locale: Locale) => (locale === "id" ? "id-ID" : "en-GB");

/** "28 November 2026 14.05" in the agency's time zone. */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short", timeZone }).format(instant);
}

/** A local ISO date (YYYY-MM-DD) as "2 Januari 2026". */
export function formatLocalDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
