import ExcelJS from "exceljs";
import { translator, type Translate } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { recapColumns, recapLegend } from "./export-layout";
import { monthLabel } from "./month";
import type { MonthlyRecap } from "./monthly-recap";

// The recap as a real spreadsheet for the personnel office's TPP calculation: a title block, a frozen header, one
// row per employee, a totals row of formulas (with their values cached, so viewers that do not recalculate still
// show them), percentages as numbers in a % format, and the PP 94/2021 step in words with a fill.

const TITLE_ROWS = 3;
const HEADER_ROW = TITLE_ROWS + 2;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
const WARN_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFEF3C7" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF94A3B8" } },
  bottom: { style: "thin", color: { argb: "FF94A3B8" } },
  left: { style: "thin", color: { argb: "FF94A3B8" } },
  right: { style: "thin", color: { argb: "FF94A3B8" } },
};

/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

export async function recapXlsx(recap: MonthlyRecap, t: Translate = translator("id"), locale: "id" | "en" = "id", timeZone = "Asia/Jakarta"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kawan";
  workbook.created = recap.generatedAt;
  const month = monthLabel(recap.month, locale);
  const sheet = workbook.addWorksheet(sheetName(t("rekap.export.sheetName", { month })), {
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  const columns = recapColumns(recap, t);
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.xlsxWidth }));

  sheet.getCell(1, 1).value = recap.agencyName;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).value = t("rekap.export.title", { unit: recap.unit.name, month });
  sheet.getCell(2, 1).font = { bold: true, size: 12 };
  sheet.getCell(3, 1).value = [
    recap.countedThrough ? t("rekap.countedThrough", { date: formatLocalDate(recap.countedThrough, locale) }) : t("rekap.nothingCounted"),
    t("rekap.export.generated", { at: formatDateTime(recap.generatedAt, locale, timeZone) }),
  ].join(" · ");
  sheet.getCell(3, 1).font = { size: 10, color: { argb: "FF475569" } };

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: c.kind === "text" ? "left" : "center", wrapText: true };
  });
  header.height = 32;

  const firstData = HEADER_ROW + 1;
  recap.rows.forEach((row, index) => {
    const excelRow = sheet.getRow(firstData + index);
    const highlighted = row.standing.level > 0 || row.standing.nearNext;
    columns.forEach((c, i) => {
      const cell = excelRow.getCell(i + 1);
      const value = c.value(row, index);
      cell.value = c.kind === "percent" ? Number(value) / 100 : value;
      cell.border = THIN;
      if (c.kind === "percent") cell.numFmt = "0.00%";
      if (c.kind === "count") cell.numFmt = "0";
      if (c.key === "nip") cell.numFmt = "@";
      cell.alignment = { vertical: "top", wrapText: c.kind === "text" };
      if (c.key === "standing" && highlighted) {
        cell.fill = WARN_FILL;
        cell.font = { bold: row.standing.level > 0 };
      }
    });
  });

  const lastData = firstData + recap.rows.length - 1;
  const totalsRow = sheet.getRow(lastData + 1);
  columns.forEach((c, i) => {
    const cell = totalsRow.getCell(i + 1);
    const total = c.total(recap.totals);
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}${firstData}:${letter}${lastData}`;
    if (total === null) cell.value = null;
    else if (recap.rows.length > 0 && c.kind === "count") cell.value = { formula: `SUM(${range})`, result: Number(total) };
    else if (recap.rows.length > 0 && c.kind === "percent") cell.value = { formula: `AVERAGE(${range})`, result: Number(total) / 100 };
    else cell.value = c.kind === "percent" ? Number(total) / 100 : total;
    if (c.kind === "percent") cell.numFmt = "0.00%";
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });

  let at = lastData + 3;
  for (const line of recapLegend(t)) {
    sheet.getCell(at, 1).value = line;
    sheet.getCell(at, 1).font = { size: 9, color: { argb: "FF475569" } };
    at += 1;
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
