import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { NamedLinkList } from "@/components/admin/org/named-link-list";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader, StatusBadge } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { descendantUnitIds, getUnitDetail, unitOptions } from "@/lib/org/org-queries";
import { deactivateUnitAction, moveUnitAction, reactivateUnitAction, renameUnitAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("units.title") };
}

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const id = Number((await params).id);
  const unit = Number.isSafeInteger(id) ? getUnitDetail(db, actor.agencyId, id) : null;
  if (!unit) notFound();

  // A unit cannot move under itself or anything below it; those choices are not offered at all.
  const excluded = new Set([unit.id, ...descendantUnitIds(db, unit.id)]);
  const parentOptions = unitOptions(db, actor.agencyId)
    .filter((o) => !excluded.has(o.id))
    .map((o) => ({ value: String(o.id), label: o.label }));
  if (unit.parent && !unit.parent.active) {
    parentOptions.unshift({ value: String(unit.parent.id), label: `${unit.parent.name} ${t("units.inactiveSuffix")}` });
  }
  const hidden = <input type="hidden" name="unitId" value={unit.id} />;

  return (
    <div className="space-y-4">
      <PageHeader
        title={unit.name}
        description={unit.parent ? `${t("units.parent")}: ${unit.parent.name}` : t("units.topLevel")}
        back={{ href: "/admin/unit-kerja", label: t("units.title") }}
        actions={<StatusBadge active={unit.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("units.nameTitle")}>
          <ActionForm action={renameUnitAction} submitLabel={t("common.save")} pendingLabel={t("common.loading")}>
            {hidden}
            <TextField name="name" label={t("units.name")} defaultValue={unit.name} required maxLength={200} />
            <TextField name="shortName" label={`${t("units.shortName")} (${t("common.optional")})`} hint={t("units.shortNameHint")} defaultValue={unit.shortName} maxLength={50} />
          </ActionForm>
        </Card>

        <Card title={t("units.moveTitle")}>
          <ActionForm action={moveUnitAction} submitLabel={t("units.moveSubmit")} submitVariant="secondary" pendingLabel={t("common.loading")}>
            {hidden}
            <SelectField
              name="parentId"
              label={t("units.parent")}
              hint={t("units.moveHint")}
              options={parentOptions}
              defaultValue={unit.parent ? String(unit.parent.id) : ""}
              emptyLabel={t("units.noParent")}
            />
          </ActionForm>
        </Card>

        <Card title={t("units.children")}>
          <NamedLinkList items={unit.children} hrefBase="/admin/unit-kerja" empty={t("units.noChildren")} t={t} />
          {unit.active && (
            <div className="mt-3">
              <LinkButton href={`/admin/unit-kerja/baru?parent=${unit.id}`} variant="secondary">
                {t("units.addChild")}
              </LinkButton>
            </div>
          )}
        </Card>

        <Card title={t("units.positions")}>
          <NamedLinkList items={unit.positions} hrefBase="/admin/jabatan" empty={t("units.noPositions")} t={t} />
          {unit.active && (
            <div className="mt-3">
              <LinkButton href={`/admin/jabatan/baru?unit=${unit.id}`} variant="secondary">
                {t("units.addPosition")}
              </LinkButton>
            </div>
          )}
        </Card>

        <Card title={t("units.statusTitle")}>
          {unit.active ? (
            <ActionForm action={deactivateUnitAction} submitLabel={t("units.deactivate")} submitVariant="danger" pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("units.deactivateHint")}</p>
            </ActionForm>
          ) : (
            <ActionForm action={reactivateUnitAction} submitLabel={t("units.reactivate")} pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("units.reactivateHint")}</p>
            </ActionForm>
          )}
        </Card>
      </div>

      {can(actor, "audit.read") && (
        <LinkButton href={`/admin/audit?entityType=unit&entityId=${unit.id}`} variant="secondary">
          {t("units.history")}
        </LinkButton>
      )}
    </div>
  );
}
