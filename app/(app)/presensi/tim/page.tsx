import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { FileSpreadsheet } from "lucide-react";
import { AnomalyCard } from "@/components/attendance/recap/anomaly-card";
import { DecisionForm } from "@/components/ui/decision-form";
import { TeamCounts, TeamGroups } from "@/components/attendance/recap/team-groups";
import { UnitMonthForm } from "@/components/attendance/recap/unit-month-form";
import { EmptyState, PageHeader, refreshLabels } from "@/components/ui/page";
import { anomaliesToReview, REVIEW_NOTE_MAX, REVIEW_WINDOW_DAYS } from "@/lib/attendance/recap/anomalies";
import { recapScope, scopeIsEmpty, visibleUnits } from "@/lib/attendance/recap/scope";
import { teamToday } from "@/lib/attendance/recap/team-today";
import { unitsInTreeOrder } from "@/lib/attendance/recap/unit-options";
import { requestContext, requireActor } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { reviewRecordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("rekap.team.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const REVIEWED: Record<string, string> = { diterima: "rekap.review.accepted", ditolak: "rekap.review.rejected" };

/**
 * The supervisor's team today and the flagged records waiting for review. Who appears is decided by
 * lib/attendance/recap/scope.ts; someone who sees nobody gets the 403 page.
 */
export default async function TeamTodayPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const scope = recapScope(ctx);
  if (scopeIsEmpty(scope)) forbidden();
  const search = await searchParams;
  const units = unitsInTreeOrder(visibleUnits(ctx.db, scope));
  const requested = Number(one(search.unit));
  // The personnel office sees the whole agency: start them at their own unit, and without one ask for a unit
  // rather than recomputing the day of every employee of the regency on each visit.
  const fallback = scope.everyone ? (units.find((u) => u.id === actor.acting?.unitId)?.id ?? (units.length === 1 ? units[0].id : null)) : null;
  const unitId = one(search.unit) !== "" && Number.isSafeInteger(requested) && requested > 0 ? requested : fallback;
  const mustChoose = scope.everyone && unitId === null;
  let team = null;
  try {
    if (!mustChoose) team = teamToday(ctx, { unitId });
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
  const anomalies = anomaliesToReview(ctx);
  const reviewed = REVIEWED[one(search.ditinjau)];
  const labels = {
    note: t("rekap.review.note"),
    noteHint: t("rekap.review.noteHint"),
    yes: t("rekap.review.accept"),
    no: t("rekap.review.reject"),
    pending: t("common.loading"),
  };

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("rekap.team.title")}
        description={t("rekap.team.description", { date: formatLocalDate(scope.today, actor.locale) })}
        back={{ href: "/presensi", label: t("rekap.backToPresensi") }}
        actions={
          <Link href={`/presensi/rekap${unitId ? `?unit=${unitId}` : ""}`} className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-100">
            <FileSpreadsheet aria-hidden className="size-4" />
            {t("rekap.page.title")}
          </Link>
        }
      />
      {units.length > 1 && (
        <UnitMonthForm
          action="/presensi/tim"
          units={units}
          unitId={unitId}
          allUnitsLabel={scope.everyone ? (mustChoose ? t("rekap.team.chooseUnit") : undefined) : t("rekap.team.allMine")}
          labels={{ unit: t("rekap.page.unit"), month: t("rekap.page.month"), show: t("rekap.page.show"), form: t("rekap.team.filterLabel") }}
        />
      )}
      {!team ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-700">{t("rekap.team.chooseUnitHint")}</p>
      ) : team.members.length === 0 ? (
        <EmptyState>{t("rekap.team.empty")}</EmptyState>
      ) : (
        <>
          <TeamCounts team={team} t={t} />
          <TeamGroups team={team} t={t} locale={actor.locale} />
        </>
      )}

      <section id="anomali" aria-labelledby="anomali-judul" className="scroll-mt-4 space-y-3">
        <h2 id="anomali-judul" className="text-lg font-semibold text-slate-900">
          {t("rekap.anomaly.title")} ({anomalies.length})
        </h2>
        <p className="text-sm text-slate-600">{t("rekap.anomaly.description", { days: REVIEW_WINDOW_DAYS })}</p>
        {reviewed && (
          <p role="status" data-testid="review-ok" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t(reviewed)}
          </p>
        )}
        {anomalies.length === 0 ? (
          <EmptyState>{t("rekap.anomaly.empty")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {anomalies.map((a) => (
              <AnomalyCard key={a.recordId} anomaly={a} t={t} locale={actor.locale}>
                <DecisionForm action={reviewRecordAction} hidden={{ recordId: a.recordId, ...(unitId !== null ? { unit: unitId } : {}) }} values={{ yes: "accept", no: "reject" }} labels={labels} noteMax={REVIEW_NOTE_MAX} />
              </AnomalyCard>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
