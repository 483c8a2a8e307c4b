import { TriangleAlert } from "lucide-react";
import type { AbsenceStanding } from "@/lib/attendance/recap/absence-thresholds";
import { standingText } from "@/lib/attendance/recap/export-layout";
import type { Translate } from "@/lib/i18n/catalog";

/**
 * The PP 94/2021 step an employee's TK days reached, or the next one when it is a day away, in words with an icon;
 * the tint only repeats what the words say. Nothing when neither applies.
 */
export function StandingBadge({ standing, absentDays, t }: { standing: AbsenceStanding; absentDays: number; t: Translate }) {
  if (standing.level === 0 && !standing.nearNext) return null;
  const reached = standing.level > 0;
  return (
    <span
      data-testid="absence-standing"
      className={`inline-flex items-start gap-1 rounded-lg border px-2 py-1 text-xs font-medium wrap-anywhere ${
        reached ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-950"
      }`}
    >
      <TriangleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>
        <span className="font-semibold">{reached ? t("rekap.standing.reached") : t("rekap.standing.nearLabel")}: </span>
        {standingText(standing, absentDays, t)}
      </span>
    </span>
  );
}
