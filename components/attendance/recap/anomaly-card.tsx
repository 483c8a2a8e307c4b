import type { ReactNode } from "react";
import { Camera, TriangleAlert } from "lucide-react";
import { DetailRows } from "@/components/ui/page";
import type { AnomalyToReview } from "@/lib/attendance/recap/anomalies";
import type { Locale, Translate } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { clockTime, metresText, zoneAbbreviation } from "./format";

/** One flagged clock record with its evidence; the review form is passed in (a client component). */
export function AnomalyCard({ anomaly: a, t, locale, children }: { anomaly: AnomalyToReview; t: Translate; locale: Locale; children: ReactNode }) {
  const when = `${formatLocalDate(a.localDate, locale)} ${clockTime(a.recordedAt, locale, a.timeZone)} ${zoneAbbreviation(a.timeZone)}`;
  const rows: [string, ReactNode][] = [
    [t("rekap.anomaly.record"), `${t(`rekap.anomaly.kind.${a.kind}`)}, ${when}`],
    [t("rekap.anomaly.mode"), t(`rekap.mode.${a.mode}`)],
  ];
  if (a.reason) rows.push([t("rekap.anomaly.reason"), <q key="reason">{a.reason}</q>]);
  if (a.distanceMeters !== null) rows.push([t("rekap.anomaly.distance"), t("rekap.anomaly.metres", { m: metresText(a.distanceMeters, locale) })]);
  if (a.accuracyMeters !== null) rows.push([t("rekap.anomaly.accuracy"), t("rekap.anomaly.plusMinusMetres", { m: metresText(a.accuracyMeters, locale) })]);
  return (
    <li data-testid="anomaly" className="space-y-3 rounded-xl border border-amber-300 bg-white p-4 shadow-sm">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold wrap-anywhere text-slate-900">{a.name}</h3>
          <p className="text-sm text-slate-600">
            {t("rekap.col.nip")} {a.nip}
          </p>
          <p className="text-sm wrap-anywhere text-slate-600">{a.postName}</p>
        </div>
        {a.selfieUrl && (
          <a href={a.selfieUrl} target="_blank" rel="noopener" className="shrink-0 rounded-lg border border-slate-300 p-1 hover:border-brand-600">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-request image: next/image would cache it */}
            <img src={a.selfieUrl} alt={t("rekap.anomaly.selfieAlt", { name: a.name })} width={72} height={96} loading="lazy" className="h-24 w-18 rounded object-cover" />
            <span className="mt-1 flex items-center justify-center gap-1 text-xs text-brand-700">
              <Camera aria-hidden className="size-3.5" />
              {t("rekap.anomaly.selfie")}
            </span>
          </a>
        )}
      </div>
      <ul className="flex flex-wrap gap-2" aria-label={t("rekap.anomaly.flags")}>
        {a.flags.map((flag) => (
          <li key={flag} className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-950">
            <TriangleAlert aria-hidden className="size-3.5" />
            {t(`rekap.flag.${flag}`)}
          </li>
        ))}
      </ul>
      <DetailRows rows={rows} />
      <div className="border-t border-slate-100 pt-3">{children}</div>
    </li>
  );
}
