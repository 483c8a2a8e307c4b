import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { unitOptions } from "@/lib/org/org-queries";
import { createUnitAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("units.createTitle") };
}

export default async function NewUnitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const options = unitOptions(getDb(), actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  const requested = (await searchParams).parent;
  // Default to the requested parent, else the top unit: a second top-level unit is rarely what is meant.
  const parent = options.find((o) => o.value === requested)?.value ?? options[0]?.value ?? "";
  return (
    <div className="space-y-4">
      <PageHeader title={t("units.createTitle")} back={{ href: "/admin/unit-kerja", label: t("units.title") }} />
      <Card>
        <ActionForm action={createUnitAction} submitLabel={t("units.createSubmit")} pendingLabel={t("common.loading")}>
          <TextField name="name" label={t("units.name")} hint={t("units.nameHint")} required maxLength={200} />
          <TextField name="shortName" label={`${t("units.shortName")} (${t("common.optional")})`} hint={t("units.shortNameHint")} maxLength={50} />
          <SelectField name="parentId" label={t("units.parent")} options={options} defaultValue={parent} emptyLabel={t("units.noParent")} />
        </ActionForm>
      </Card>
    </div>
  );
}
