import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { superiorOptions, unitOptions } from "@/lib/org/org-queries";
import { createPositionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("positions.createTitle") };
}

export default async function NewPositionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const units = unitOptions(db, actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  const requested = (await searchParams).unit;
  const unit = units.find((o) => o.value === requested)?.value ?? "";
  const superiors = superiorOptions(db, actor.agencyId, unit ? Number(unit) : null).map((o) => ({ value: String(o.id), label: o.label }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("positions.createTitle")} back={{ href: "/admin/jabatan", label: t("positions.title") }} />
      <Card>
        <ActionForm action={createPositionAction} submitLabel={t("positions.createSubmit")} pendingLabel={t("common.loading")}>
          <TextField name="name" label={t("positions.name")} hint={t("positions.nameHint")} required maxLength={200} />
          <SelectField name="unitId" label={t("positions.unit")} options={units} defaultValue={unit} emptyLabel={t("positions.chooseUnit")} />
          <SelectField name="superiorId" label={t("positions.superior")} hint={t("positions.superiorHint")} options={superiors} defaultValue="" emptyLabel={t("positions.noSuperior")} />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{t("positions.flags")}</legend>
            <CheckboxField name="isLeader" label={t("positions.isLeader")} />
            <CheckboxField name="mayDisposition" label={t("positions.mayDisposition")} />
            <CheckboxField name="maySign" label={t("positions.maySign")} />
          </fieldset>
        </ActionForm>
      </Card>
    </div>
  );
}
