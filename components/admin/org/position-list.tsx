import Link from "next/link";
import { StatusBadge } from "@/components/ui/page";
import type { Translate } from "@/lib/i18n/catalog";
import type { PositionRow } from "@/lib/org/org-queries";
import { HolderList } from "./holder-list";

const nameLink = (row: PositionRow) => (
  <Link href={`/admin/jabatan/${row.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-4 hover:underline">
    {row.name}
  </Link>
);

function Status({ row, t }: { row: PositionRow; t: Translate }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StatusBadge active={row.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
      {row.isLeader && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">{t("positions.leaderBadge")}</span>}
    </span>
  );
}

/** Positions as stacked cards on phones and as a table from the sm breakpoint up. */
export function PositionList({ rows, t }: { rows: PositionRow[]; t: Translate }) {
  return (
    <>
      <ul className="space-y-3 sm:hidden" data-testid="position-cards">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            {nameLink(row)}
            <p className="text-sm text-slate-700">{row.unitName}</p>
            <dl className="mt-2 space-y-1 text-sm">
              <div>
                <dt className="text-xs text-slate-600">{t("positions.columnSuperior")}</dt>
                <dd>{row.superiorName ?? "-"}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("positions.columnHolders")}</dt>
                <dd>
                  <HolderList holders={row.holders} t={t} />
                </dd>
              </div>
            </dl>
            <div className="mt-2">
              <Status row={row} t={t} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm sm:block">
        <table className="w-full text-left text-sm" data-testid="position-table">
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">{t("positions.columnName")}</th>
              <th scope="col" className="px-3 py-2">{t("positions.columnUnit")}</th>
              <th scope="col" className="px-3 py-2">{t("positions.columnSuperior")}</th>
              <th scope="col" className="px-3 py-2">{t("positions.columnHolders")}</th>
              <th scope="col" className="px-3 py-2">{t("positions.columnStatus")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="px-3 py-1">{nameLink(row)}</td>
                <td className="px-3 py-3">{row.unitName}</td>
                <td className="px-3 py-3">{row.superiorName ?? "-"}</td>
                <td className="px-3 py-3">
                  <HolderList holders={row.holders} t={t} />
                </td>
                <td className="px-3 py-3">
                  <Status row={row} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
