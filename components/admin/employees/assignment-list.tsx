import { ActingBadge } from "@/components/admin/org/holder-list";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";
import type { Locale, Translate } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import type { AssignmentStatus, EmployeeAssignment } from "@/lib/org/employee-queries";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const statusStyle: Record<AssignmentStatus, string> = {
  current: "bg-emerald-100 text-emerald-900",
  upcoming: "bg-sky-100 text-sky-900",
  ended: "bg-slate-200 text-slate-700",
};

/** An employee's assignments (in force first), each with the forms to end it or delete a mistaken one. */
export function AssignmentList({
  assignments,
  today,
  t,
  locale,
  endAction,
  removeAction,
}: {
  assignments: EmployeeAssignment[];
  today: string;
  t: Translate;
  locale: Locale;
  endAction: Action;
  removeAction: Action;
}) {
  if (assignments.length === 0) return <p className="text-sm text-slate-600">{t("assignments.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="assignment-list">
      {assignments.map((a) => (
        <li key={a.id} className="space-y-1 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle[a.status]}`}>{t(`assignments.status.${a.status}`)}</span>
            <span className="font-semibold text-slate-900">
              <ActingBadge kind={a.kind} t={t} />
              {a.positionName}
            </span>
          </div>
          <p className="text-slate-700">{a.unitName}</p>
          <p className="text-slate-700">
            {t("assignments.period", {
              start: formatLocalDate(a.startDate, locale),
              end: a.endDate ? formatLocalDate(a.endDate, locale) : t("assignments.openEnded"),
            })}
          </p>
          {a.decreeNumber && <p className="text-slate-600">{t("assignments.decree", { number: a.decreeNumber })}</p>}
          {a.status !== "ended" && (
            <details className="rounded-lg bg-slate-50 px-3">
              <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("assignments.end.submit")}</summary>
              <div className="space-y-3 pb-3">
                <ActionForm action={endAction} submitLabel={t("assignments.end.submit")} submitVariant="secondary">
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <TextField name="endDate" type="date" label={t("assignments.end.label")} defaultValue={today < a.startDate ? a.startDate : today} />
                </ActionForm>
                {a.startDate >= today && (
                  <ActionForm action={removeAction} submitLabel={t("assignments.remove.submit")} submitVariant="danger">
                    <input type="hidden" name="assignmentId" value={a.id} />
                  </ActionForm>
                )}
              </div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
