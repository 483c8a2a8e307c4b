import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { SCHEDULE_KINDS } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { Translate } from "@/lib/i18n/catalog";
import { ScheduleDaysEditor, type DayHours } from "./schedule-days-editor";
import { TimeField } from "@/components/ui/time-field";

export type ScheduleFormValues = {
  name: string;
  unitId: number | null;
  kind: (typeof SCHEDULE_KINDS)[number];
  validFrom: string | null;
  validTo: string | null;
  days: DayHours[];
  checkInOpens: string;
  checkInCloses: string;
  checkOutOpens: string;
  checkOutCloses: string;
  graceMinutes: number;
};

/** The schedule form for creating and editing (the edit page passes the schedule's id as a hidden field). */
export function ScheduleForm({
  action,
  values,
  presets,
  units,
  submitLabel,
  hidden,
  t,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  values: ScheduleFormValues;
  presets: { regular: DayHours[]; ramadan: DayHours[] };
  units: { value: string; label: string }[];
  submitLabel: string;
  hidden?: ReactNode;
  t: Translate;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={t("common.loading")} className="space-y-5">
      {hidden}
      <TextField name="name" label={t("presensiAdmin.schedule.name")} defaultValue={values.name} maxLength={120} required />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField name="unitId" label={t("presensiAdmin.scope")} options={units} defaultValue={values.unitId === null ? "" : String(values.unitId)} emptyLabel={t("presensiAdmin.agencyWide")} />
        <SelectField
          name="kind"
          label={t("presensiAdmin.schedule.kind")}
          options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`presensiAdmin.schedule.kinds.${k}`) }))}
          defaultValue={values.kind}
        />
        <TextField name="validFrom" type="date" label={t("presensiAdmin.schedule.validFrom")} defaultValue={values.validFrom ?? ""} />
        <TextField name="validTo" type="date" label={t("presensiAdmin.schedule.validTo")} defaultValue={values.validTo ?? ""} hint={t("presensiAdmin.schedule.validityHint")} />
      </div>
      <ScheduleDaysEditor
        initial={values.days}
        regular={presets.regular}
        ramadan={presets.ramadan}
        texts={{
          title: t("presensiAdmin.schedule.daysTitle"),
          weekdays: [0, 1, 2, 3, 4, 5, 6].map((i) => t(`presensiAdmin.schedule.weekdays.${i}`)),
          off: t("presensiAdmin.schedule.off"),
          start: t("presensiAdmin.schedule.start"),
          end: t("presensiAdmin.schedule.end"),
          fillRegular: t("presensiAdmin.schedule.fillRegular"),
          fillRamadan: t("presensiAdmin.schedule.fillRamadan"),
        }}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("presensiAdmin.schedule.windowsTitle")}</legend>
        <p className="text-xs text-slate-600">{t("presensiAdmin.schedule.windowsHint")}</p>
        <div className="grid grid-cols-2 gap-3">
          <TimeField name="checkInOpens" label={t("presensiAdmin.schedule.checkInOpens")} defaultValue={values.checkInOpens} />
          <TimeField name="checkInCloses" label={t("presensiAdmin.schedule.checkInCloses")} defaultValue={values.checkInCloses} />
          <TimeField name="checkOutOpens" label={t("presensiAdmin.schedule.checkOutOpens")} defaultValue={values.checkOutOpens} />
          <TimeField name="checkOutCloses" label={t("presensiAdmin.schedule.checkOutCloses")} defaultValue={values.checkOutCloses} />
        </div>
        <TextField
          name="graceMinutes"
          type="number"
          inputMode="numeric"
          label={t("presensiAdmin.schedule.graceMinutes")}
          hint={t("presensiAdmin.schedule.graceHint")}
          defaultValue={String(values.graceMinutes)}
        />
      </fieldset>
      <p className="text-xs text-slate-600">{t("presensiAdmin.recomputeNote")}</p>
    </ActionForm>
  );
}
