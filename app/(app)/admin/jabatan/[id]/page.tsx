import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { ActingBadge } from "@/components/admin/org/holder-list";
import { NamedLinkList } from "@/components/admin/org/named-link-list";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader, StatusBadge } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatNip } from "@/lib/org/nip";
import { getPositionDetail, subordinatePositionIds, superiorOptions, unitOptions } from "@/lib/org/org-queries";
import { deactivatePositionAction, reactivatePositionAction, setSuperiorAction, updatePositionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("positions.title") };
}

export default async function PositionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("org.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const id = Number((await params).id);
  const position = Number.isSafeInteger(id) ? getPositionDetail(db, actor.agencyId, id) : null;
  if (!position) notFound();

  const units = unitOptions(db, actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  if (!position.unit.active) units.unshift({ value: String(position.unit.id), label: `${position.unit.name} ${t("units.inactiveSuffix")}` });
  // Neither the position itself nor anyone below it may become its superior; such choices are not offered.
  const excluded = new Set([position.id, ...subordinatePositionIds(db, position.id)]);
  const superiors = superiorOptions(db, actor.agencyId, position.unit.id)
    .filter((o) => !excluded.has(o.id))
    .map((o) => ({ value: String(o.id), label: o.label }));
  // The current superior is always offered, even when it is inactive or outside the usual choices.
  const current = position.superior;
  if (current && !superiors.some((o) => o.value === String(current.id))) {
    superiors.unshift({ value: String(current.id), label: current.active ? current.name : `${current.name} ${t("positions.inactiveSuffix")}` });
  }
  const hidden = <input type="hidden" name="positionId" value={position.id} />;

  return (
    <div className="space-y-4">
      <PageHeader
        title={position.name}
        description={position.unit.name}
        back={{ href: "/admin/jabatan", label: t("positions.title") }}
        actions={<StatusBadge active={position.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("positions.holders")}>
          {position.holders.length === 0 ? (
            <p className="text-sm text-slate-600 italic">{t("positions.vacant")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="position-holders">
              {position.holders.map((h) => (
                <li key={h.assignmentId} className="py-2">
                  <p className="font-medium">
                    <ActingBadge kind={h.kind} t={t} />
                    {h.name}
                  </p>
                  <p className="text-xs text-slate-600 tabular-nums">{formatNip(h.nip)}</p>
                  <p className="text-xs text-slate-600">
                    {t("positions.holderSince", { date: formatLocalDate(h.startDate, actor.locale) })}
                    {h.endDate && ` ${t("positions.holderUntil", { date: formatLocalDate(h.endDate, actor.locale) })}`}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("positions.editTitle")}>
          <ActionForm action={updatePositionAction} submitLabel={t("common.save")} pendingLabel={t("common.loading")}>
            {hidden}
            <TextField name="name" label={t("positions.name")} defaultValue={position.name} required maxLength={200} />
            <SelectField name="unitId" label={t("positions.unit")} options={units} defaultValue={String(position.unit.id)} />
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium text-slate-800">{t("positions.flags")}</legend>
              <CheckboxField name="isLeader" label={t("positions.isLeader")} defaultChecked={position.isLeader} />
              <CheckboxField name="mayDisposition" label={t("positions.mayDisposition")} defaultChecked={position.mayDisposition} />
              <CheckboxField name="maySign" label={t("positions.maySign")} defaultChecked={position.maySign} />
            </fieldset>
          </ActionForm>
        </Card>

        <Card title={t("positions.superiorTitle")}>
          <ActionForm action={setSuperiorAction} submitLabel={t("common.save")} submitVariant="secondary" pendingLabel={t("common.loading")}>
            {hidden}
            <SelectField
              name="superiorId"
              label={t("positions.superior")}
              hint={t("positions.superiorHint")}
              options={superiors}
              defaultValue={position.superior ? String(position.superior.id) : ""}
              emptyLabel={t("positions.noSuperior")}
            />
          </ActionForm>
        </Card>

        <Card title={t("positions.subordinates")}>
          <NamedLinkList items={position.subordinates} hrefBase="/admin/jabatan" empty={t("positions.noSubordinates")} t={t} />
        </Card>

        <Card title={t("positions.statusTitle")}>
          {position.active ? (
            <ActionForm action={deactivatePositionAction} submitLabel={t("positions.deactivate")} submitVariant="danger" pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("positions.deactivateHint")}</p>
            </ActionForm>
          ) : (
            <ActionForm action={reactivatePositionAction} submitLabel={t("positions.reactivate")} pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("positions.reactivateHint")}</p>
            </ActionForm>
          )}
        </Card>
      </div>

      <div className="flex flex-wrap gap-2">
        <LinkButton href={`/admin/unit-kerja/${position.unit.id}`} variant="secondary">
          {position.unit.name}
        </LinkButton>
        {can(actor, "audit.read") && (
          <LinkButton href={`/admin/audit?entityType=position&entityId=${position.id}`} variant="secondary">
            {t("positions.history")}
          </LinkButton>
        )}
      </div>
    </div>
  );
}
