import { Search } from "lucide-react";
import type { UnitOption } from "@/lib/attendance/recap/unit-options";

const inputClass = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900";

/**
 * The unit (and, for the recap, month) picker: a plain GET form, so it works without JavaScript and the choice
 * stays in the address to share or bookmark. Only units the actor may see are offered.
 */
export function UnitMonthForm({
  action,
  units,
  unitId,
  month,
  labels,
  allUnitsLabel,
}: {
  action: string;
  units: UnitOption[];
  unitId: number | null;
  /** Omitted: no month field (the team view is always today). */
  month?: string;
  labels: { unit: string; month: string; show: string; form: string };
  /** Offered as the empty choice when given (the team view's "all my people"). */
  allUnitsLabel?: string;
}) {
  return (
    <form action={action} role="search" aria-label={labels.form} className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
      <label className="block space-y-1 text-sm font-medium text-slate-800">
        {labels.unit}
        <select name="unit" defaultValue={unitId === null ? "" : String(unitId)} className={inputClass}>
          {allUnitsLabel !== undefined && <option value="">{allUnitsLabel}</option>}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${"\u00a0\u00a0\u00a0".repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </select>
      </label>
      {month !== undefined && (
        <label className="block space-y-1 text-sm font-medium text-slate-800">
          {labels.month}
          <input type="month" name="bulan" defaultValue={month} min="2000-01" max="2100-12" required className={inputClass} />
        </label>
      )}
      <button type="submit" className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900">
        <Search aria-hidden className="size-4" />
        {labels.show}
      </button>
    </form>
  );
}
