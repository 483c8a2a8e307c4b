import type { Metadata } from "next";
import Link from "next/link";
import { FilePlus2, Search, TriangleAlert } from "lucide-react";
import { LetterStateBadge, OverdueBadge, UnreadBadge } from "@/components/incoming/letter-state-badge";
import { EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { can } from "@/lib/auth/permissions";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { LETTER_LISTS, letterCounts, listLetters, type LetterList } from "@/lib/incoming/letter-queries";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("incoming.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const inputClass = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900";

export default async function IncomingLettersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const search = await searchParams;
  const timeZone = agencyTimeZone(ctx);
  const counts = letterCounts(ctx, timeZone);
  const clerk = actor.roles.has("records_clerk");
  const lists = LETTER_LISTS.filter((name) => name !== "register" || clerk);
  const requested = one(search.daftar) as LetterList;
  const list: LetterList = lists.includes(requested)
    ? requested
    : counts.unreadLetters > 0
      ? "masuk"
      : counts.unreadDispositions > 0
        ? "disposisi"
        : clerk
          ? "register"
          : "masuk";
  const q = one(search.q).trim().slice(0, 100) || undefined;
  const onlyOpen = one(search.terbuka) === "1" && list !== "register";
  const requestedPage = Math.max(1, Math.floor(Number(one(search.halaman))) || 1);
  const { rows, hasMore, page } = listLetters(ctx, list, { q, page: requestedPage, onlyOpen }, timeZone);
  const badge: Partial<Record<LetterList, number>> = { masuk: counts.unreadLetters, disposisi: counts.unreadDispositions };
  const query = (overrides: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const merged = { daftar: list, q, terbuka: onlyOpen ? 1 : undefined, ...overrides };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "halaman" && v === 1)) params.set(k, String(v));
    return `/surat-masuk?${params.toString()}`;
  };
  const filtered = !!q || onlyOpen;

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("incoming.title")}
        description={t("incoming.description")}
        actions={
          can(actor, "letter.register") ? (
            <LinkButton href="/surat-masuk/baru">
              <FilePlus2 aria-hidden className="mr-2 size-5" />
              {t("incoming.newButton")}
            </LinkButton>
          ) : undefined
        }
      />
      {!actor.acting && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("incoming.noActingPosition")}
        </p>
      )}
      <nav aria-label={t("incoming.listsLabel")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1">
          {lists.map((name) => (
            <li key={name}>
              <Link
                href={`/surat-masuk?daftar=${name}`}
                aria-current={name === list ? "page" : undefined}
                className={`inline-flex min-h-11 items-center gap-2 whitespace-nowrap rounded-full border px-4 text-sm font-medium ${
                  name === list ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
                }`}
              >
                {t(`incoming.lists.${name}`)}
                {(badge[name] ?? 0) > 0 && (
                  <span className={`rounded-full px-2 text-xs font-semibold ${name === list ? "bg-white text-brand-800" : "bg-brand-100 text-brand-900"}`}>
                    <span className="sr-only">{t("incoming.unreadCount")}: </span>
                    {badge[name]}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {counts.overdueDispositions > 0 && (
        <div role="status" className="flex items-center justify-between gap-2 rounded-lg border border-red-300 bg-red-50 px-3 py-1 text-sm text-red-900">
          <span className="flex items-start gap-2">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            {t("incoming.overdueNotice", { n: counts.overdueDispositions })}
          </span>
          <Link href="/surat-masuk?daftar=disposisi&terbuka=1" className="inline-flex min-h-11 shrink-0 items-center px-2 font-semibold underline">
            {t("incoming.overdueShow")}
          </Link>
        </div>
      )}

      <form action="/surat-masuk" role="search" aria-label={t("incoming.filter.label")} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
        <input type="hidden" name="daftar" value={list} />
        <label className="block space-y-1 text-sm font-medium text-slate-800">
          {t("incoming.filter.q")}
          <input type="search" name="q" defaultValue={q} maxLength={100} className={inputClass} placeholder={t("incoming.filter.qPlaceholder")} />
        </label>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {list !== "register" && (
            <label className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
              <input type="checkbox" name="terbuka" value="1" defaultChecked={onlyOpen} className="size-5 accent-brand-700" />
              {t("incoming.filter.onlyOpen")}
            </label>
          )}
          <span className="ml-auto flex gap-2">
            {filtered && (
              <Link href={`/surat-masuk?daftar=${list}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold text-slate-800">
                {t("incoming.filter.reset")}
              </Link>
            )}
            <button type="submit" className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900">
              <Search aria-hidden className="size-4" />
              {t("incoming.filter.apply")}
            </button>
          </span>
        </div>
      </form>

      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("incoming.emptyFiltered") : t(`incoming.empty.${list}`)}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="letter-list">
          {rows.map((row, i) => (
            <li key={`${row.letterId}-${i}`}>
              <Link
                href={`/surat-masuk/${row.letterId}`}
                className={`block rounded-xl border bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50 ${row.unread ? "border-brand-600" : "border-slate-200"}`}
              >
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
                  <span className="font-semibold text-slate-900" data-testid="agenda-number">
                    {t("incoming.agenda", { number: row.agendaNumber })}
                  </span>
                  {row.unread && <UnreadBadge label={t("incoming.unread")} />}
                </span>
                <span className={`mt-1 block wrap-anywhere text-slate-900 ${row.unread ? "font-bold" : "font-semibold"}`}>{row.subject}</span>
                <span className="block wrap-anywhere text-sm text-slate-700">{row.senderAgency}</span>
                <span className="block wrap-anywhere text-sm text-slate-600">{row.letterNumber}</span>
                {row.toLabel && <span className="block wrap-anywhere text-sm text-slate-700">{t("incoming.to", { name: row.toLabel })}</span>}
                <span className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  {/* "Belum dibaca" is already said above. */}
                  {!(row.unread && row.state === "unread") && <LetterStateBadge state={row.state} label={t(`incoming.state.${row.state}`)} />}
                  {row.securityClass !== "B" && (
                    <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">{t(`naskah.security.${row.securityClass}`)}</span>
                  )}
                  {row.urgency !== "biasa" && (
                    <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">{t(`naskah.urgency.${row.urgency}`)}</span>
                  )}
                  {row.overdue && <OverdueBadge label={t("incoming.overdue")} />}
                </span>
                {row.deadline && (
                  <span className={`mt-1 block text-sm ${row.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                    {t("incoming.deadline", { date: formatLocalDate(row.deadline, actor.locale) })}
                  </span>
                )}
                <span className="mt-1 block text-sm text-slate-600">{formatDateTime(row.at, actor.locale, timeZone)}</span>
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
