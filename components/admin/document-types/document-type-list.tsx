import Link from "next/link";
import { StatusBadge } from "@/components/ui/page";
import type { DocumentType } from "@/lib/documents/document-types";
import type { Translate } from "@/lib/i18n/catalog";

const nameLink = (row: DocumentType) => (
  <Link href={`/admin/jenis-naskah/${row.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-4 hover:underline">
    {row.name}
  </Link>
);

const Code = ({ row }: { row: DocumentType }) => <span className="font-mono text-sm break-all text-slate-700">{row.code}</span>;

function Numbering({ row, t }: { row: DocumentType; t: Translate }) {
  return (
    <>
      <span className="block font-mono break-all text-slate-900">{row.numberingTemplate}</span>
      <span className="block text-xs text-slate-600">{t(`adminDocumentTypes.scopes.${row.numberingScope}`)}</span>
    </>
  );
}

function Kind({ row, t }: { row: DocumentType; t: Translate }) {
  return (
    <>
      <span className="block">{t(`naskah.category.${row.category}`)}</span>
      <span className="block text-xs text-slate-600">
        {t("adminDocumentTypes.layout")}: {t(`adminDocumentTypes.layouts.${row.layout}`)}
      </span>
    </>
  );
}

function Status({ row, t }: { row: DocumentType; t: Translate }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <StatusBadge active={row.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
      {row.internal && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">{t("adminDocumentTypes.internalBadge")}</span>}
    </span>
  );
}

/** Document types as stacked cards on phones and as a table from the sm breakpoint up, in the given order. */
export function DocumentTypeList({ rows, t }: { rows: DocumentType[]; t: Translate }) {
  return (
    <>
      <ul className="space-y-3 sm:hidden" data-testid="document-type-cards">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            <div className="flex flex-wrap items-center justify-between gap-x-3">
              {nameLink(row)}
              <Code row={row} />
            </div>
            <dl className="mt-1 space-y-2 text-sm">
              <div>
                <dt className="text-xs text-slate-600">{t("adminDocumentTypes.category")}</dt>
                <dd>
                  <Kind row={row} t={t} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">{t("adminDocumentTypes.numberingTemplate")}</dt>
                <dd>
                  <Numbering row={row} t={t} />
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
        <table className="w-full text-left text-sm" data-testid="document-type-table">
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">{t("adminDocumentTypes.columnName")}</th>
              <th scope="col" className="px-3 py-2">{t("adminDocumentTypes.columnCategory")}</th>
              <th scope="col" className="px-3 py-2">{t("adminDocumentTypes.columnNumbering")}</th>
              <th scope="col" className="px-3 py-2">{t("adminDocumentTypes.columnStatus")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="px-3 py-1">
                  {nameLink(row)}
                  <span className="block pb-2">
                    <Code row={row} />
                  </span>
                </td>
                <td className="px-3 py-3">
                  <Kind row={row} t={t} />
                </td>
                <td className="max-w-64 px-3 py-3">
                  <Numbering row={row} t={t} />
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
