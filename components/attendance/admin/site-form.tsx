import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { SITE_KINDS } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { SITE_TIME_ZONES } from "@/lib/attendance/admin/sites";
import type { Translate } from "@/lib/i18n/catalog";
import { LocateButton } from "./locate-button";
import { NetworksField } from "./networks-field";

export type SiteFormValues = {
  name: string;
  kind: (typeof SITE_KINDS)[number];
  unitId: number | null;
  latitude: number | null;
  longitude: number | null;
  radiusMeters: number;
  timeZone: string;
  validFrom: string | null;
  validTo: string | null;
  networks: string;
};

/** The site form for creating and editing; coordinates typed, pasted, or taken from the admin's position. */
export function SiteForm({
  action,
  values,
  units,
  submitLabel,
  hidden,
  t,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  values: SiteFormValues;
  units: { value: string; label: string }[];
  submitLabel: string;
  hidden?: ReactNode;
  t: Translate;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={t("common.loading")} className="space-y-4">
      {hidden}
      <TextField name="name" label={t("presensiAdmin.site.name")} defaultValue={values.name} maxLength={120} required />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <SelectField name="kind" label={t("presensiAdmin.site.kind")} options={SITE_KINDS.map((k) => ({ value: k, label: t(`presensiAdmin.site.kinds.${k}`) }))} defaultValue={values.kind} />
        <SelectField name="unitId" label={t("presensiAdmin.scope")} options={units} defaultValue={values.unitId === null ? "" : String(values.unitId)} emptyLabel={t("presensiAdmin.agencyWide")} />
      </div>
      <fieldset className="space-y-3">
        <div className="grid grid-cols-2 gap-3">
          <TextField name="latitude" label={t("presensiAdmin.site.latitude")} defaultValue={values.latitude === null ? "" : String(values.latitude)} placeholder="-8.2192" maxLength={20} />
          <TextField name="longitude" label={t("presensiAdmin.site.longitude")} defaultValue={values.longitude === null ? "" : String(values.longitude)} placeholder="114.3691" maxLength={20} />
        </div>
        <p className="text-xs text-slate-600">{t("presensiAdmin.site.coordinatesHint")}</p>
        <LocateButton
          texts={{
            label: t("presensiAdmin.site.useMyLocation"),
            locating: t("presensiAdmin.site.locating"),
            located: t("presensiAdmin.site.located"),
            denied: t("presensiAdmin.site.locationDenied"),
            unavailable: t("presensiAdmin.site.locationUnavailable"),
            unsupported: t("presensiAdmin.site.locationUnsupported"),
          }}
        />
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField name="radiusMeters" type="number" inputMode="numeric" label={t("presensiAdmin.site.radius")} hint={t("presensiAdmin.site.radiusHint")} defaultValue={String(values.radiusMeters)} />
        <SelectField
          name="timeZone"
          label={t("presensiAdmin.site.timeZone")}
          options={SITE_TIME_ZONES.map((z) => ({ value: z, label: t(`presensiAdmin.site.timeZones.${z}`) }))}
          defaultValue={values.timeZone}
        />
        <TextField name="validFrom" type="date" label={t("presensiAdmin.site.validFrom")} defaultValue={values.validFrom ?? ""} />
        <TextField name="validTo" type="date" label={t("presensiAdmin.site.validTo")} defaultValue={values.validTo ?? ""} hint={t("presensiAdmin.site.validityHint")} />
      </div>
      <NetworksField name="networks" label={t("presensiAdmin.site.networks")} hint={t("presensiAdmin.site.networksHint")} defaultValue={values.networks} />
    </ActionForm>
  );
}
