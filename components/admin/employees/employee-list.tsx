import Link from "next/link";
import { ActingBadge } from "@/components/admin/org/holder-list";
import { StatusBadge } from "@/components/ui/page";
import type { Translate } from "@/lib/i18n/catalog";
import type { EmployeeListRow, HeldPost } from "@/lib/org/employee-queries";
import { formatNip } from "@/lib/org/nip";

function Posts({ posts, t }: { posts: HeldPost[]; t: Translate }) {
  if (posts.length === 0) return <span className="text-slate-500 italic">{t("employees.noPost")}</span>;
  return (
    <ul className="space-y-0.5">
      {posts.map((p) => (
        <li key={p.assignmentId}>
          <ActingBadge kind={p.kind} t={t} />
          {p.positionName}
          <span className="text-slate-500"> — {p.unitName}</span>
        </li>
      ))}
    </ul>
  );
}

function Flags({ row, t }: { row: EmployeeListRow; t: Translate }) {
  return (
    <span className="flex flex-wrap gap-1">
      <StatusBadge active={row.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
      {row.active && row.mustChangePassword && (
        <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">{t("employees.mustChange")}</span>
      )}
    </span>
  );
}

/** Cards on phones, a table on wide screens. */
export function EmployeeList({ rows, t }: { rows: EmployeeListRow[]; t: Translate }) {
  return (
    <>
      <ul className="space-y-2 md:hidden" aria-label={t("employees.listLabel")} data-testid="employee-cards">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            <Link href={`/admin/pegawai/${row.id}`} className="flex min-h-11 flex-col justify-center font-semibold text-brand-700 underline-offset-4 hover:underline">
              {row.displayName}
            </Link>
            <p className="text-sm text-slate-700 tabular-nums">{formatNip(row.nip)}</p>
            <div className="mt-1 text-sm text-slate-800">
              <Posts posts={row.posts} t={t} />
            </div>
            <div className="mt-2">
              <Flags row={row} t={t} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm" data-testid="employee-table">
          <caption className="sr-only">{t("employees.listLabel")}</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">{t("employees.columns.name")}</th>
              <th scope="col" className="px-3 py-2 font-semibold">{t("employees.columns.nip")}</th>
              <th scope="col" className="px-3 py-2 font-semibold">{t("employees.columns.posts")}</th>
              <th scope="col" className="px-3 py-2 font-semibold">{t("employees.columns.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="px-3 py-2">
                  <Link href={`/admin/pegawai/${row.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline-offset-4 hover:underline">
                    {row.displayName}
                  </Link>
                  {row.email && <p className="text-xs text-slate-600">{row.email}</p>}
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatNip(row.nip)}</td>
                <td className="px-3 py-2">
                  <Posts posts={row.posts} t={t} />
                </td>
                <td className="px-3 py-2">
                  <Flags row={row} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
