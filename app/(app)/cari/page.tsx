import type { Metadata } from "next";
import Link from "next/link";
import { FileText, Mail, Search } from "lucide-react";
import { PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { searchAll, SEARCH_KINDS, type SearchHit, type SearchKind } from "@/lib/search/search";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("cari.title") };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const FILTERS = ["semua", ...SEARCH_KINDS] as const;
type Filter = (typeof FILTERS)[number];

/** One search: a GET form (the words stay in the URL, so a result page can be shared and reloaded). */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const params = await searchParams;
  const q = one(params.q).slice(0, 200);
  const filter: Filter = (FILTERS as readonly string[]).includes(one(params.jenis)) ? (one(params.jenis) as Filter) : "semua";
  const kind: SearchKind | undefined = filter === "semua" ? undefined : filter;
  const requestedPage = Math.max(1, Math.floor(Number(one(params.halaman))) || 1);
  const result = q.trim() ? searchAll(ctx, { q, kind, page: requestedPage }) : null;
  const href = (overrides: { jenis?: Filter; halaman?: number }) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    const jenis = overrides.jenis ?? filter;
    if (jenis !== "semua") next.set("jenis", jenis);
    if (overrides.halaman && overrides.halaman > 1) next.set("halaman", String(overrides.halaman));
    return `/cari?${next.toString()}`;
  };

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("cari.title")} description={t("cari.description")} />

      <form action="/cari" role="search" className="space-y-3 rounded-xl border border-slate-200 bg-white p-3">
        {filter !== "semua" && <input type="hidden" name="jenis" value={filter} />}
        <label htmlFor="cari-q" className="block text-sm font-medium text-slate-800">
          {t("cari.label")}
        </label>
        <div className="flex gap-2">
          <input
            id="cari-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            autoComplete="off"
            enterKeyHint="search"
            placeholder={t("cari.placeholder")}
            className="block min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900"
          />
          <button type="submit" className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900">
            <Search aria-hidden className="size-5" />
            <span className="sr-only sm:not-sr-only">{t("cari.submit")}</span>
          </button>
        </div>
      </form>

      <nav aria-label={t("cari.kindsLabel")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1">
          {FILTERS.map((name) => (
            <li key={name}>
              <Link
                href={href({ jenis: name })}
                aria-current={name === filter ? "page" : undefined}
                className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-full border px-4 text-sm font-medium ${
                  name === filter ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {t(`cari.kinds.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {!result ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("cari.start")}</p>
      ) : result.hits.length === 0 ? (
        <div data-testid="list-empty">
          <p role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-sm wrap-anywhere text-slate-700" data-testid="search-empty">
            {t("cari.noResults", { q: result.query || q.trim() })}
          </p>
        </div>
      ) : (
        <>
          {result.newestFirst && (
            <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              {t("cari.newestFirst")}
            </p>
          )}
          <ol aria-label={t("cari.resultsLabel")} className="space-y-3" data-testid="search-results">
            {result.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.id}`}>
                <HitCard hit={hit} t={t} locale={actor.locale} />
              </li>
            ))}
          </ol>
          {(result.page > 1 || result.hasMore) && (
            <Pagination
              label={t("cari.pageLabel")}
              prevLabel={t("cari.prev")}
              nextLabel={t("cari.next")}
              prevHref={result.page > 1 ? href({ halaman: result.page - 1 }) : undefined}
              nextHref={result.hasMore ? href({ halaman: result.page + 1 }) : undefined}
            />
          )}
        </>
      )}
    </div>
  );
}

function HitCard({ hit, t, locale }: { hit: SearchHit; t: ReturnType<typeof translator>; locale: "id" | "en" }) {
  const Icon = hit.kind === "naskah" ? FileText : Mail;
  return (
    <Link href={hit.href} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium text-slate-600">
        <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-slate-800">
          <Icon aria-hidden className="size-4" />
          {hit.typeName ?? t(`cari.kindBadge.${hit.kind}`)}
        </span>
        {hit.status && hit.status !== "sent" && <span>{t(`naskah.status.${hit.status}`)}</span>}
        <span className="break-all">{hit.number || t("cari.noNumber")}</span>
        {hit.agendaNumber && <span>· {t("cari.agenda", { n: hit.agendaNumber })}</span>}
      </p>
      <h2 className="mt-1 wrap-anywhere text-base font-semibold text-brand-800">{hit.title || "—"}</h2>
      <p className="mt-1 wrap-anywhere text-sm text-slate-600">
        {hit.sender && (
          <>
            <span className="sr-only">{t("cari.from")}: </span>
            {hit.sender} ·{" "}
          </>
        )}
        <span className="sr-only">{t("cari.date")}: </span>
        {formatLocalDate(hit.date, locale)}
      </p>
      {hit.snippet.length > 0 && (
        <p className="mt-2 wrap-anywhere text-sm text-slate-800">
          {hit.snippet.map((part, i) =>
            part.hit ? (
              <mark key={i} className="rounded bg-amber-200 px-0.5 font-semibold text-slate-900">
                {part.text}
              </mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      )}
    </Link>
  );
}
