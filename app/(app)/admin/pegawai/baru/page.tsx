import type { Metadata } from "next";
import { getDb } from "@/db";
import { EmployeeFields } from "@/components/admin/employees/employee-fields";
import { IssuedPasswordForm } from "@/components/admin/employees/issued-password-form";
import { CheckboxField, SelectField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { positionOptions } from "@/lib/org/org-queries";
import { createEmployeeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("employees.create.title") };
}

export default async function NewEmployeePage() {
  const actor = await requirePermission("employee.manage");
  const t = translator(actor.locale);
  const positions = positionOptions(getDb(), actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));

  return (
    <div className="space-y-4">
      <PageHeader title={t("employees.create.title")} description={t("employees.create.description")} back={{ href: "/admin/pegawai", label: t("employees.title") }} />
      <Card>
        <IssuedPasswordForm
          action={createEmployeeAction}
          submitLabel={t("employees.create.submit")}
          pendingLabel={t("common.loading")}
          doneTitle={t("employees.create.doneTitle")}
          passwordLabels={{
            title: t("employees.temporaryPassword"),
            notice: t("employees.temporaryPasswordNotice"),
            copy: t("employees.copy"),
            copied: t("employees.copied"),
            signInWith: t("employees.signInWith"),
          }}
          links={[{ href: "/admin/pegawai/{id}", label: t("employees.create.openDetail") }]}
          againLabel={t("employees.create.addAnother")}
        >
          <EmployeeFields t={t} />
          <SelectField name="positionId" label={t("employees.fields.position")} hint={t("employees.fields.positionHint")} options={positions} emptyLabel={t("employees.fields.noPosition")} />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{t("employees.roles.title")}</legend>
            <p className="text-xs text-slate-600">{t("employees.roles.hint")}</p>
            <CheckboxField name="role_agency_admin" label={t("employees.roles.agency_admin")} />
            <CheckboxField name="role_records_clerk" label={t("employees.roles.records_clerk")} />
            <CheckboxField name="role_personnel_officer" label={t("employees.roles.personnel_officer")} />
          </fieldset>
        </IssuedPasswordForm>
      </Card>
    </div>
  );
}
