import type { Metadata } from "next";
import Link from "next/link";
import { FilePlus2 } from "lucide-react";
import { getDb } from "@/db";
import { DocumentStatusBadge } from "@/components/documents/document-status-badge";
import { EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { DOCUMENT_LISTS, documentListCounts, listDocuments, type DocumentList, type ListFilter } from "@/lib/documents/document-lists";
import { listDocumentTypes } from "@/lib/documents/document-types";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("naskah.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseFilter(search: Search): ListFilter {
  const typeId = Number(one(search.jenis));
  return {
    q: one(search.q).slice(0, 100) || undefined,
    typeId: Number.isSafeInteger(typeId) && typeId > 0 ? typeId : undefined,
    securityClass: ["B", "T", "R", "SR"].includes(one(search.sifat)) ? one(search.sifat) : undefined,
    urgency: ["biasa", "segera", "amat_segera"].includes(one(search.urgensi)) ? one(search.urgensi) : undefined,
    from: DATE.test(one(search.dari)) ? one(search.dari) : undefined,
    to: DATE.test(one(search.sampai)) ? one(search.sampai) : undefined,
    page: Math.max(1, Math.floor(Number(one(search.halaman))) || 1),
  };
}

const inputClass = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900";

export default async function DocumentListsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const search = await searchParams;
  const requested = one(search.daftar) as DocumentList;
  const counts = documentListCounts(ctx);
  const list: DocumentList = DOCUMENT_LISTS.includes(requested) ? requested : counts.paraf > 0 ? "paraf" : counts.tandatangan > 0 ? "tandatangan" : "masuk";
  const filter = parseFilter(search);
  const timeZone = agencyTimeZone(ctx);
  const { rows, hasMore, page } = listDocuments(ctx, list, filter, timeZone);
  const types = listDocumentTypes(getDb(), actor.agencyId).filter((type) => type.active);
  const query = (overrides: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const merged = { daftar: list, q: filter.q, jenis: filter.typeId, sifat: filter.securityClass, urgensi: filter.urgency, dari: filter.from, sampai: filter.to, ...overrides };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "halaman" && v === 1)) params.set(k, String(v));
    return `/naskah?${params.toString()}`;
  };
  const filtered = !!(filter.q || filter.typeId || filter.securityClass || filter.urgency || filter.from || filter.to);

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("naskah.title")}
        description={t("naskah.description")}
        actions={
          <LinkButton href="/naskah/baru">
            <FilePlus2 aria-hidden className="mr-2 size-5" />
            {t("naskah.newButton")}
          </LinkButton>
        }
      />
      <nav aria-label={t("naskah.listsLabel")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1">
          {DOCUMENT_LISTS.map((name) => (
            <li key={name}>
              <Link
                href={`/naskah?daftar=${name}`}
                aria-current={name === list ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-2 whitespace-nowrap rounded-full border px-4 text-sm font-medium ${
                  name === list ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {t(`naskah.lists.${name}`)}
                {counts[name] > 0 && (
                  <span className={`rounded-full px-2 text-xs font-semibold ${name === list ? "bg-white text-brand-800" : "bg-brand-100 text-brand-900"}`}>
                    <span className="sr-only">{t(name === "masuk" || name === "tembusan" ? "naskah.unreadCount" : "naskah.pendingCount")}: </span>
                    {counts[name]}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <details className="rounded-xl border border-slate-200 bg-white p-3" open={filtered}>
        <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-slate-800">{t("naskah.filter.title")}</summary>
        <form action="/naskah" className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <input type="hidden" name="daftar" value={list} />
          <label className="space-y-1 text-sm font-medium text-slate-800 sm:col-span-2 lg:col-span-3">
            {t("naskah.filter.q")}
            <input type="search" name="q" defaultValue={filter.q} className={inputClass} placeholder={t("naskah.filter.qPlaceholder")} />
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            {t("naskah.fields.type")}
            <select name="jenis" defaultValue={filter.typeId ?? ""} className={inputClass}>
              <option value="">{t("naskah.filter.all")}</option>
              {types.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            {t("naskah.fields.securityClass")}
            <select name="sifat" defaultValue={filter.securityClass ?? ""} className={inputClass}>
              <option value="">{t("naskah.filter.all")}</option>
              {["B", "T", "R", "SR"].map((c) => (
                <option key={c} value={c}>
                  {t(`naskah.security.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            {t("naskah.fields.urgency")}
            <select name="urgensi" defaultValue={filter.urgency ?? ""} className={inputClass}>
              <option value="">{t("naskah.filter.all")}</option>
              {["biasa", "segera", "amat_segera"].map((u) => (
                <option key={u} value={u}>
                  {t(`naskah.urgency.${u}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            {t("naskah.filter.from")}
            <input type="date" name="dari" defaultValue={filter.from} className={inputClass} />
          </label>
          <label className="space-y-1 text-sm font-medium text-slate-800">
            {t("naskah.filter.to")}
            <input type="date" name="sampai" defaultValue={filter.to} className={inputClass} />
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900">
              {t("naskah.filter.apply")}
            </button>
            {filtered && (
              <Link href={`/naskah?daftar=${list}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold text-slate-800">
                {t("naskah.filter.reset")}
              </Link>
            )}
          </div>
        </form>
      </details>

      {rows.length === 0 ? (
        <EmptyState action={filtered ? { href: `/naskah?daftar=${list}`, label: t("naskah.filter.reset") } : undefined}>
          {filtered ? t("naskah.emptyFiltered") : t(`naskah.empty.${list}`)}
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="document-list">
          {rows.map((doc) => (
            <li key={doc.id}>
              <Link
                href={list === "konsep" ? `/naskah/${doc.id}/ubah` : `/naskah/${doc.id}`}
                className={`block rounded-xl border bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50 ${doc.unread ? "border-brand-600" : "border-slate-200"}`}
              >
                <span className="flex items-start justify-between gap-2">
                  <span className={`block wrap-anywhere text-slate-900 ${doc.unread ? "font-bold" : "font-semibold"}`}>
                    {doc.unread && <span className="sr-only">{t("naskah.unread")}: </span>}
                    {doc.subject || t("naskah.untitled")}
                  </span>
                  {doc.unread && <span aria-hidden className="mt-1.5 size-2.5 shrink-0 rounded-full bg-brand-600" />}
                </span>
                <span className="block text-sm text-slate-700">
                  {doc.typeName}
                  {doc.number ? ` · ${doc.number}` : ""}
                </span>
                {doc.fromLabel && <span className="block text-sm text-slate-600">{doc.fromLabel}</span>}
                <span className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  <DocumentStatusBadge
                    status={doc.status}
                    label={doc.progress ? t(`naskah.statusStep.${doc.status}`, { step: doc.progress.step, of: doc.progress.of }) : t(`naskah.status.${doc.status}`)}
                  />
                  {doc.securityClass !== "B" && (
                    <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">{t(`naskah.security.${doc.securityClass}`)}</span>
                  )}
                  {doc.urgency !== "biasa" && (
                    <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">{t(`naskah.urgency.${doc.urgency}`)}</span>
                  )}
                  <span className="text-slate-600">{formatDateTime(doc.at, actor.locale, timeZone)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        prevHref={page > 1 ? query({ halaman: page - 1 }) : undefined}
        nextHref={hasMore ? query({ halaman: page + 1 }) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        label={t("common.pagination")}
      />
    </div>
  );
}
