import type { AttendanceRequestKind, LeaveType } from "@/db/schema";
import { translator, type Locale } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { kindKey } from "./kinds";

// How a request is named in messages and notifications. Notification parameters are stored as text, so they are
// written in Indonesian, the agency's working language; pages name requests in the reader's language.

export function requestKindLabel(kind: AttendanceRequestKind, leaveType: LeaveType | null, locale: Locale = "id"): string {
  return translator(locale)(kindKey(kind, leaveType));
}

/** "2 Desember 2026" or "2 Desember 2026 – 4 Desember 2026". */
export function requestDatesLabel(startDate: string, endDate: string, locale: Locale = "id"): string {
  return startDate === endDate ? formatLocalDate(startDate, locale) : `${formatLocalDate(startDate, locale)} – ${formatLocalDate(endDate, locale)}`;
}
