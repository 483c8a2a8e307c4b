import type { Locale } from "@/lib/i18n/catalog";

// Times and numbers as an Indonesian reader writes them: "07.20", "21,25 %".

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in the office's zone, e.g. "07.20". */
export function clockTime(instant: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = clocks.get(key);
  if (!format) clocks.set(key, (format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })));
  return format.format(instant);
}

/** The zone's short name as people say it: WIB, WITA, WIT. */
export function zoneAbbreviation(timeZone: string): string {
  return ({ "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" } as Record<string, string>)[timeZone] ?? timeZone;
}

export function percentText(value: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 2 }).format(value)} %`;
}

export function metresText(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 0 }).format(value);
}
