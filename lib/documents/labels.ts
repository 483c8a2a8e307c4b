import type { SECURITY_CLASSES, URGENCIES } from "@/db/schema";

// The words an official document prints for its coded fields. They are part of the document (always
// Bahasa Indonesia, whatever the reader's UI language), so they live here and not in the UI catalog.

export const SECURITY_LABELS: Record<(typeof SECURITY_CLASSES)[number], string> = { B: "Biasa", T: "Terbatas", R: "Rahasia", SR: "Sangat Rahasia" };
export const URGENCY_LABELS: Record<(typeof URGENCIES)[number], string> = { biasa: "Biasa", segera: "Segera", amat_segera: "Amat Segera" };

const ONES = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

/** Numbers in words as letters spell counts: 3 -> "tiga", 21 -> "dua puluh satu", 115 -> "seratus lima belas". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 12) return ONES[n];
  if (n < 20) return `${ONES[n - 10]} belas`;
  if (n < 100) return `${ONES[Math.floor(n / 10)]} puluh${n % 10 ? ` ${ONES[n % 10]}` : ""}`;
  const hundreds = Math.floor(n / 100) === 1 ? "seratus" : `${ONES[Math.floor(n / 100)]} ratus`;
  return n % 100 ? `${hundreds} ${terbilang(n % 100)}` : hundreds;
}

/** "2 (dua) berkas", or "-" without attachments. */
export const attachmentLabel = (count: number): string => (count > 0 ? `${count} (${terbilang(count)}) berkas` : "-");

const dateFormat = new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const dayDateFormat = new Intl.DateTimeFormat("id-ID", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "28 November 2026" for a local date YYYY-MM-DD. */
export const documentDateLabel = (date: string): string => dateFormat.format(new Date(`${date}T00:00:00Z`));
/** "Senin, 30 November 2026". */
export const dayDateLabel = (date: string): string => dayDateFormat.format(new Date(`${date}T00:00:00Z`));

/** "1 Desember 2026 s.d. 3 Desember 2026", one date when both are the same, "" without dates. */
export function periodLabel(start: string, end: string): string {
  if (!start) return "";
  if (!end || end === start) return documentDateLabel(start);
  return `${documentDateLabel(start)} s.d. ${documentDateLabel(end)}`;
}
