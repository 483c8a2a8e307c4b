import type { MonthlyRecap, RecapRow } from "@/lib/attendance/recap/monthly-recap";
import type { Locale, Translate } from "@/lib/i18n/catalog";
import { percentText } from "./format";
import { StandingBadge } from "./standing-badge";

// The recap's rows twice over: a table on wide screens (scrolling inside its own box when the window is narrower
// than its columns) and stacked cards on phones. Thresholds are spelled out in words in both.

const flagged = (row: RecapRow) => row.standing.level > 0 || row.standing.nearNext;

export function RecapTable({ recap, rows, offset, t, locale }: { recap: MonthlyRecap; rows: RecapRow[]; offset: number; t: Translate; locale: Locale }) {
  const th = "border-b border-slate-300 px-2 py-2 text-left text-xs font-semibold text-slate-700";
  const num = "px-2 py-2 text-right tabular-nums";
  return (
    <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm lg:block" role="region" aria-label={t("rekap.page.tableLabel")} tabIndex={0}>
      <table className="min-w-full text-sm" data-testid="recap-table">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={th}>
              {t("rekap.col.no")}
            </th>
            <th scope="col" className={`${th} sticky left-0 z-10 min-w-56 bg-slate-100`}>
              {t("rekap.col.name")} / {t("rekap.col.nip")} / {t("rekap.col.post")}
            </th>
            <th scope="col" className={th} title={t("rekap.col.workingDays")}>
              {t("rekap.short.workingDays")}
            </th>
            <th scope="col" className={th}>
              {t("rekap.col.presentDays")}
            </th>
            {recap.lateCodes.map((code) => (
              <th key={code} scope="col" className={th}>
                {code}
              </th>
            ))}
            {recap.earlyLeaveCodes.map((code) => (
              <th key={code} scope="col" className={th}>
                {code}
              </th>
            ))}
            {(["absentDays", "leaveDays", "permitDays", "sickDays", "dutyDays"] as const).map((key) => (
              <th key={key} scope="col" className={th} title={t(`rekap.col.${key}`)}>
                {t(`rekap.short.${key}`)}
              </th>
            ))}
            <th scope="col" className={th}>
              {t("rekap.col.deduction")}
            </th>
            <th scope="col" className={th}>
              {t("rekap.col.absentYear")}
            </th>
            <th scope="col" className={`${th} min-w-56`}>
              {t("rekap.col.standing")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <tr key={row.employeeId} data-testid="recap-row" className={flagged(row) ? "bg-amber-50" : undefined}>
              <td className={num}>{offset + i + 1}</td>
              {/* The name stays in view while the numbers scroll sideways. */}
              <th scope="row" className={`sticky left-0 px-2 py-2 text-left font-normal ${flagged(row) ? "bg-amber-50" : "bg-white"}`}>
                <span className="block font-medium text-slate-900">{row.name}</span>
                <span className="block text-xs text-slate-600">{row.nip}</span>
                <span className="block text-xs text-slate-600">{row.postName}</span>
              </th>
              <td className={num}>{row.workingDays}</td>
              <td className={num}>{row.presentDays}</td>
              {row.late.map((n, b) => (
                <td key={`tl${b}`} className={num}>
                  {n}
                </td>
              ))}
              {row.earlyLeave.map((n, b) => (
                <td key={`psw${b}`} className={num}>
                  {n}
                </td>
              ))}
              <td className={`${num} ${row.absentDays > 0 ? "font-semibold" : ""}`}>{row.absentDays}</td>
              <td className={num}>{row.leaveDays}</td>
              <td className={num}>{row.permitDays}</td>
              <td className={num}>{row.sickDays}</td>
              <td className={num}>{row.dutyDays}</td>
              <td className={`${num} whitespace-nowrap`}>{percentText(row.deductionPercent, locale)}</td>
              <td className={num}>{row.absentDaysThisYear}</td>
              <td className="px-2 py-2">
                <StandingBadge standing={row.standing} absentDays={row.absentDaysThisYear} t={t} />
                {!flagged(row) && <span className="text-slate-500">-</span>}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="bg-slate-100 font-semibold">
          <tr data-testid="recap-totals">
            <td />
            <th scope="row" className="sticky left-0 bg-slate-100 px-2 py-2 text-left">
              {t("rekap.page.totalsRow", { n: recap.totals.employees })}
            </th>
            <td className={num}>{recap.totals.workingDays}</td>
            <td className={num}>{recap.totals.presentDays}</td>
            {recap.totals.late.map((n, b) => (
              <td key={`tl${b}`} className={num}>
                {n}
              </td>
            ))}
            {recap.totals.earlyLeave.map((n, b) => (
              <td key={`psw${b}`} className={num}>
                {n}
              </td>
            ))}
            <td className={num}>{recap.totals.absentDays}</td>
            <td className={num}>{recap.totals.leaveDays}</td>
            <td className={num}>{recap.totals.permitDays}</td>
            <td className={num}>{recap.totals.sickDays}</td>
            <td className={num}>{recap.totals.dutyDays}</td>
            <td className={`${num} whitespace-nowrap`} title={t("rekap.page.averageDeduction")}>
              {t("rekap.page.average", { value: percentText(recap.totals.averageDeductionPercent, locale) })}
            </td>
            <td className={num}>{recap.totals.absentDaysThisYear}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Pair({ label, value, wide = false }: { label: string; value: string | number; wide?: boolean }) {
  return (
    <div className={`flex justify-between gap-2 border-b border-slate-100 py-1 ${wide ? "col-span-2" : ""}`}>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

export function RecapCards({ recap, rows, offset, t, locale }: { recap: MonthlyRecap; rows: RecapRow[]; offset: number; t: Translate; locale: Locale }) {
  return (
    <ol className="space-y-3 lg:hidden" data-testid="recap-cards" start={offset + 1}>
      {rows.map((row) => (
        <li key={row.employeeId} data-testid="recap-card" className={`rounded-xl border bg-white p-4 shadow-sm ${flagged(row) ? "border-amber-400" : "border-slate-200"}`}>
          <h3 className="font-semibold wrap-anywhere text-slate-900">{row.name}</h3>
          <p className="text-sm text-slate-600">
            {t("rekap.col.nip")} {row.nip}
          </p>
          <p className="text-sm wrap-anywhere text-slate-600">{row.postName}</p>
          <div className="mt-2">
            <StandingBadge standing={row.standing} absentDays={row.absentDaysThisYear} t={t} />
          </div>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 text-sm">
            <Pair label={t("rekap.col.workingDays")} value={row.workingDays} />
            <Pair label={t("rekap.col.presentDays")} value={row.presentDays} />
            <Pair label={t("rekap.page.late")} value={recap.lateCodes.map((code, b) => `${code}: ${row.late[b]}`).join(", ")} wide />
            <Pair label={t("rekap.page.earlyLeave")} value={recap.earlyLeaveCodes.map((code, b) => `${code}: ${row.earlyLeave[b]}`).join(", ")} wide />
            <Pair label={t("rekap.short.absentDays")} value={row.absentDays} />
            <Pair label={t("rekap.col.leaveDays")} value={row.leaveDays} />
            <Pair label={t("rekap.col.permitDays")} value={row.permitDays} />
            <Pair label={t("rekap.col.sickDays")} value={row.sickDays} />
            <Pair label={t("rekap.col.dutyDays")} value={row.dutyDays} />
            <Pair label={t("rekap.col.absentYear")} value={row.absentDaysThisYear} />
            <Pair label={t("rekap.col.deduction")} value={percentText(row.deductionPercent, locale)} wide />
          </dl>
        </li>
      ))}
    </ol>
  );
}
