import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChevronLeft, ChevronRight, Download, Users } from "lucide-react";
import { percentText } from "@/components/attendance/recap/format";
import { RecapCards, RecapTable } from "@/components/attendance/recap/recap-rows";
import { UnitMonthForm } from "@/components/attendance/recap/unit-month-form";
import { EmptyState, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { isMonth, monthLabel, shiftMonth } from "@/lib/attendance/recap/month";
import { monthlyRecap } from "@/lib/attendance/recap/monthly-recap";
import { recapScope, scopeIsEmpty, visibleUnits } from "@/lib/attendance/recap/scope";
import { unitsInTreeOrder } from "@/lib/attendance/recap/unit-options";
import { requestContext, requireActor } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rekap.page.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const PAGE_SIZE = 50;

const chip = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100";

/**
 * The monthly recap of a unit and its sub-units, the page shown 50 employees at a time (the totals and the
 * downloads cover them all). Units offered and opened follow lib/attendance/recap/scope.ts.
 */
export default async function MonthlyRecapPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const scope = recapScope(ctx);
  if (scopeIsEmpty(scope)) forbidden();
  const units = unitsInTreeOrder(visibleUnits(ctx.db, scope));
  if (units.length === 0) forbidden();
  const search = await searchParams;

  const requested = Number(one(search.unit));
  const unitId = Number.isSafeInteger(requested) && requested > 0 ? requested : (units.find((u) => u.id === actor.acting?.unitId) ?? units[0]).id;
  const monthParam = one(search.bulan);
  const currentMonth = scope.today.slice(0, 7);
  const month = isMonth(monthParam) ? monthParam : currentMonth;
  let recap;
  try {
    recap = monthlyRecap(ctx, { unitId, month });
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }

  const pages = Math.max(1, Math.ceil(recap.rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number(one(search.halaman))) || 1));
  const offset = (page - 1) * PAGE_SIZE;
  const rows = recap.rows.slice(offset, offset + PAGE_SIZE);
  const href = (overrides: { bulan?: string; halaman?: number }) => {
    const params = new URLSearchParams({ unit: String(unitId), bulan: overrides.bulan ?? month });
    if (overrides.halaman && overrides.halaman > 1) params.set("halaman", String(overrides.halaman));
    return `/presensi/rekap?${params.toString()}`;
  };
  const download = (format: "xlsx" | "pdf") => `/api/presensi/rekap?${new URLSearchParams({ unit: String(unitId), bulan: month, format }).toString()}`;
  const reached = recap.rows.filter((r) => r.standing.level > 0).length;
  const near = recap.rows.filter((r) => r.standing.level === 0 && r.standing.nearNext).length;
  const label = monthLabel(month, actor.locale);

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("rekap.page.title")}
        description={t("rekap.page.description")}
        back={{ href: "/presensi", label: t("rekap.backToPresensi") }}
        actions={
          <Link href={`/presensi/tim?unit=${unitId}`} className={chip}>
            <Users aria-hidden className="size-4" />
            {t("rekap.team.title")}
          </Link>
        }
      />
      {!isMonth(monthParam) && monthParam !== "" && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("rekap.invalidMonth")}
        </p>
      )}
      <UnitMonthForm
        action="/presensi/rekap"
        units={units}
        unitId={unitId}
        month={month}
        labels={{ unit: t("rekap.page.unit"), month: t("rekap.page.month"), show: t("rekap.page.show"), form: t("rekap.page.filterLabel") }}
      />

      <section aria-labelledby="rekap-judul" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="rekap-judul" className="text-base font-semibold wrap-anywhere text-slate-900">
            {recap.unit.name} — {label}
          </h2>
          <nav aria-label={t("rekap.page.monthNav")} className="flex gap-2">
            <Link href={href({ bulan: shiftMonth(month, -1) })} className={chip}>
              <ChevronLeft aria-hidden className="size-4" />
              <span>{monthLabel(shiftMonth(month, -1), actor.locale)}</span>
            </Link>
            {month < currentMonth && (
              <Link href={href({ bulan: shiftMonth(month, 1) })} className={chip}>
                <span>{monthLabel(shiftMonth(month, 1), actor.locale)}</span>
                <ChevronRight aria-hidden className="size-4" />
              </Link>
            )}
          </nav>
        </div>
        <p className="text-sm text-slate-700" data-testid="counted-through">
          {recap.countedThrough ? t("rekap.countedThrough", { date: formatLocalDate(recap.countedThrough, actor.locale) }) : t("rekap.nothingCounted")}
          {" · "}
          {t("rekap.page.summary", { n: recap.totals.employees, average: percentText(recap.totals.averageDeductionPercent, actor.locale) })}
        </p>
        {(reached > 0 || near > 0) && (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="threshold-summary">
            {t(reached > 0 && near > 0 ? "rekap.page.thresholdBoth" : reached > 0 ? "rekap.page.thresholdReached" : "rekap.page.thresholdNear", { reached, near })}
          </p>
        )}
        <div className="flex flex-col gap-2 sm:flex-row">
          {/* Plain links, not next/link: these are file downloads from a route handler, never prefetched. */}
          <a href={download("xlsx")} download className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900" data-testid="download-xlsx">
            <Download aria-hidden className="size-4" />
            {t("rekap.page.downloadXlsx")}
          </a>
          <a href={download("pdf")} download className={chip} data-testid="download-pdf">
            <Download aria-hidden className="size-4" />
            {t("rekap.page.downloadPdf")}
          </a>
        </div>
      </section>

      {recap.rows.length === 0 ? (
        <EmptyState>{t("rekap.page.empty")}</EmptyState>
      ) : (
        <>
          <RecapTable recap={recap} rows={rows} offset={offset} t={t} locale={actor.locale} />
          <RecapCards recap={recap} rows={rows} offset={offset} t={t} locale={actor.locale} />
          {pages > 1 && <p className="text-sm text-slate-600">{t("rekap.page.pageOf", { page, pages, from: offset + 1, to: offset + rows.length, n: recap.rows.length })}</p>}
          <Pagination
            prevHref={page > 1 ? href({ halaman: page - 1 }) : undefined}
            nextHref={page < pages ? href({ halaman: page + 1 }) : undefined}
            prevLabel={t("common.previous")}
            nextLabel={t("common.next")}
            label={t("common.pagination")}
          />
          <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("rekap.page.legendTitle")}</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {(["columns", "buckets", "deduction", "standing"] as const).map((key) => (
                <li key={key}>{t(`rekap.legend.${key}`)}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
