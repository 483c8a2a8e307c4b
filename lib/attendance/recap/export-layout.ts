import type { Translate } from "@/lib/i18n/catalog";
import type { AbsenceStanding } from "./absence-thresholds";
import { ABSENCE_STEPS } from "./absence-thresholds";
import type { MonthlyRecap, RecapCounts, RecapRow } from "./monthly-recap";

// The recap's columns, shared by the XLSX and PDF exports so both files say the same thing in the same order.

export type ColumnKind = "text" | "count" | "percent";

export type RecapColumn = {
  key: string;
  header: string;
  /** A shorter header for the narrow PDF columns (the legend explains it). */
  shortHeader: string;
  kind: ColumnKind;
  /** Spreadsheet width in characters. */
  xlsxWidth: number;
  /** PDF width in points (scaled to the 794 pt between landscape A4's 24 pt margins). */
  pdfWidth: number;
  value: (row: RecapRow, index: number) => string | number;
  /** The totals row's value: a count summed, the average deduction; null for an empty cell. */
  total: (totals: MonthlyRecap["totals"]) => string | number | null;
};

/** The PP 94/2021 step in words, with what comes next when it is near: colour never says it alone. */
export function standingText(standing: AbsenceStanding, absentDays: number, t: Translate): string {
  const parts: string[] = [];
  if (standing.level > 0) parts.push(t(`rekap.sanction.${standing.sanction}`) + (standing.byConsecutiveDays ? ` (${t("rekap.standing.consecutive")})` : ""));
  if (standing.nearNext && standing.nextAtDays !== null) {
    const next = ABSENCE_STEPS.find((s) => s.fromDays === standing.nextAtDays)!;
    parts.push(t("rekap.standing.near", { days: standing.nextAtDays - absentDays, sanction: t(`rekap.sanction.${next.sanction}`) }));
  }
  return parts.join("; ") || "-";
}

const countColumn = (key: string, header: string, shortHeader: string, pick: (c: RecapCounts) => number, pdfWidth = 20): RecapColumn => ({
  key,
  header,
  shortHeader,
  kind: "count",
  xlsxWidth: Math.max(6, Math.min(12, header.length + 2)),
  pdfWidth,
  value: (row) => pick(row),
  total: (totals) => pick(totals),
});

export function recapColumns(recap: MonthlyRecap, t: Translate): RecapColumn[] {
  const late = recap.lateCodes.map((code, i) => countColumn(`tl${i + 1}`, code, code, (c) => c.late[i], 19));
  const early = recap.earlyLeaveCodes.map((code, i) => countColumn(`psw${i + 1}`, code, code, (c) => c.earlyLeave[i], 23));
  return [
    { key: "no", header: t("rekap.col.no"), shortHeader: t("rekap.col.no"), kind: "text", xlsxWidth: 5, pdfWidth: 16, value: (_r, i) => i + 1, total: () => null },
    { key: "nip", header: t("rekap.col.nip"), shortHeader: t("rekap.col.nip"), kind: "text", xlsxWidth: 21, pdfWidth: 78, value: (r) => r.nip, total: () => null },
    { key: "name", header: t("rekap.col.name"), shortHeader: t("rekap.col.name"), kind: "text", xlsxWidth: 30, pdfWidth: 110, value: (r) => r.name, total: () => t("rekap.totals") },
    { key: "post", header: t("rekap.col.post"), shortHeader: t("rekap.col.post"), kind: "text", xlsxWidth: 28, pdfWidth: 92, value: (r) => r.postName, total: () => null },
    countColumn("workingDays", t("rekap.col.workingDays"), t("rekap.short.workingDays"), (c) => c.workingDays, 22),
    countColumn("presentDays", t("rekap.col.presentDays"), t("rekap.short.presentDays"), (c) => c.presentDays, 22),
    ...late,
    ...early,
    countColumn("absentDays", t("rekap.col.absentDays"), t("rekap.short.absentDays"), (c) => c.absentDays, 19),
    countColumn("leaveDays", t("rekap.col.leaveDays"), t("rekap.short.leaveDays"), (c) => c.leaveDays, 20),
    countColumn("permitDays", t("rekap.col.permitDays"), t("rekap.short.permitDays"), (c) => c.permitDays, 20),
    countColumn("sickDays", t("rekap.col.sickDays"), t("rekap.short.sickDays"), (c) => c.sickDays, 22),
    countColumn("dutyDays", t("rekap.col.dutyDays"), t("rekap.short.dutyDays"), (c) => c.dutyDays, 20),
    {
      key: "deduction",
      header: t("rekap.col.deduction"),
      shortHeader: t("rekap.short.deduction"),
      kind: "percent",
      xlsxWidth: 12,
      pdfWidth: 34,
      value: (r) => r.deductionPercent,
      total: (totals) => totals.averageDeductionPercent,
    },
    countColumn("absentYear", t("rekap.col.absentYear"), t("rekap.short.absentYear"), (c) => c.absentDaysThisYear, 24),
    {
      key: "standing",
      header: t("rekap.col.standing"),
      shortHeader: t("rekap.col.standing"),
      kind: "text",
      xlsxWidth: 40,
      pdfWidth: 135,
      value: (r) => standingText(r.standing, r.absentDaysThisYear, t),
      total: () => null,
    },
  ];
}

/** The legend printed under the PDF table and the sheet: what the short headers mean. */
export function recapLegend(t: Translate): string[] {
  return [t("rekap.legend.columns"), t("rekap.legend.buckets"), t("rekap.legend.deduction"), t("rekap.legend.standing")];
}

/** rekap-presensi-<unit short name or name>-YYYY-MM.<ext>: safe on every OS and recognisably the unit's. */
export function recapFileName(recap: Pick<MonthlyRecap, "unit" | "month">, extension: "xlsx" | "pdf"): string {
  const slug =
    (recap.unit.shortName.trim() || recap.unit.name)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || `unit-${recap.unit.id}`;
  return `rekap-presensi-${slug}-${recap.month}.${extension}`;
}
