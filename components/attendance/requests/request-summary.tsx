import type { ReactNode } from "react";
import { FileText } from "lucide-react";
import type { AttendanceRequestKind, LeaveType } from "@/db/schema";
import { DetailRows } from "@/components/ui/page";
import { clockText } from "@/lib/attendance/schedule";
import { kindKey } from "@/lib/attendance/requests/kinds";
import type { RequestFields } from "@/lib/attendance/requests/queries";
import type { Locale, Translate } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";

/** What the summary shows of a request: the fields every request list query selects. */
type Summarised = Omit<RequestFields, "createdAt">;

export const requestTitle = (t: Translate, r: { kind: AttendanceRequestKind; leaveType: LeaveType | null }) => t(kindKey(r.kind, r.leaveType));

export function requestDates(r: { startDate: string; endDate: string }, locale: Locale): string {
  return r.startDate === r.endDate ? formatLocalDate(r.startDate, locale) : `${formatLocalDate(r.startDate, locale)} – ${formatLocalDate(r.endDate, locale)}`;
}

/** The facts of one request as label/value rows, the same on the employee's list and the approver's cards. */
export function RequestSummary({ request: r, t, locale, extra = [] }: { request: Summarised; t: Translate; locale: Locale; extra?: [string, ReactNode][] }) {
  const correction = [
    r.correctedCheckInMinute != null ? t("pengajuan.list.correctionIn", { time: clockText(r.correctedCheckInMinute) }) : null,
    r.correctedCheckOutMinute != null ? t("pengajuan.list.correctionOut", { time: clockText(r.correctedCheckOutMinute) }) : null,
  ].filter(Boolean);
  const rows: [string, ReactNode][] = [
    [t("pengajuan.fields.dates"), requestDates(r, locale)],
    ...(r.kind === "koreksi" ? [[t("pengajuan.fields.correction"), correction.join(", ")] as [string, string]] : [[t("pengajuan.fields.workingDays"), t("pengajuan.list.workingDays", { n: r.workingDays })] as [string, string]]),
    ...(r.suratTugasNumber ? [[t("pengajuan.fields.suratTugas"), r.suratTugasNumber] as [string, string]] : []),
    [t("pengajuan.fields.reason"), <span key="reason" className="whitespace-pre-line">{r.reason}</span>],
    ...extra,
  ];
  if (r.hasAttachment) {
    rows.push([
      t("pengajuan.fields.attachment"),
      <a key="attachment" href={`/api/presensi/pengajuan/${r.id}/lampiran`} className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700 underline underline-offset-4">
        <FileText aria-hidden className="size-4" />
        {t("pengajuan.list.attachment")}
      </a>,
    ]);
  }
  return <DetailRows rows={rows} />;
}
