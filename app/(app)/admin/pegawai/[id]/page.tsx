import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { AssignmentList } from "@/components/admin/employees/assignment-list";
import { EmployeeFields } from "@/components/admin/employees/employee-fields";
import { IssuedPasswordForm } from "@/components/admin/employees/issued-password-form";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader, StatusBadge } from "@/components/ui/page";
import { ASSIGNMENT_KINDS } from "@/db/schema";
import { requirePermission } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getEmployeeDetail, type EmployeeDetail } from "@/lib/org/employee-queries";
import { formatNip } from "@/lib/org/nip";
import { positionOptions } from "@/lib/org/org-queries";
import {
  addAssignmentAction,
  deactivateEmployeeAction,
  endAssignmentAction,
  reactivateEmployeeAction,
  removeAssignmentAction,
  resetEmployeePasswordAction,
  setEmployeeRolesAction,
  updateEmployeeAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("employees.title") };
}

export default async function EmployeePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("employee.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let employee: EmployeeDetail;
  try {
    employee = getEmployeeDetail({ db, actor, now: new Date() }, id);
  } catch (error) {
    // Another agency's employee looks exactly like a missing one.
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const isSelf = employee.id === actor.employeeId;
  const positions = positionOptions(db, actor.agencyId).map((o) => ({ value: String(o.id), label: o.label }));
  const hidden = <input type="hidden" name="employeeId" value={employee.id} />;

  return (
    <div className="space-y-4">
      <PageHeader
        title={employee.displayName}
        description={`NIP ${formatNip(employee.nip)}`}
        back={{ href: "/admin/pegawai", label: t("employees.title") }}
        actions={<StatusBadge active={employee.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />
      {!employee.active && <p className="rounded-lg border border-slate-300 bg-slate-100 p-3 text-sm text-slate-800">{t("employees.inactiveNotice")}</p>}

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("assignments.title")} className="lg:col-span-2">
          <AssignmentList
            assignments={employee.assignments}
            today={employee.today}
            t={t}
            locale={actor.locale}
            endAction={endAssignmentAction}
            removeAction={removeAssignmentAction}
          />
          {employee.active && (
            <details className="mt-3 rounded-lg border border-slate-200 px-3" open={employee.assignments.length === 0}>
              <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("assignments.add.title")}</summary>
              <div className="pb-3">
                <ActionForm action={addAssignmentAction} submitLabel={t("assignments.add.submit")} pendingLabel={t("common.loading")}>
                  {hidden}
                  <SelectField name="positionId" label={t("assignments.position")} options={positions} emptyLabel={t("assignments.choosePosition")} />
                  <SelectField
                    name="kind"
                    label={t("assignments.kindLabel")}
                    hint={t("assignments.kindHint")}
                    options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignments.kindOption.${k}`) }))}
                    defaultValue="definitif"
                  />
                  <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                    <TextField name="startDate" type="date" label={t("assignments.startDate")} defaultValue={employee.today} />
                    <TextField name="endDate" type="date" label={t("assignments.endDate")} hint={t("assignments.endDateHint")} />
                  </div>
                  <TextField name="decreeNumber" label={t("assignments.decreeNumber")} hint={t("assignments.decreeHint")} maxLength={100} />
                </ActionForm>
              </div>
            </details>
          )}
        </Card>

        <Card title={t("employees.edit.title")} className="lg:col-span-2">
          <ActionForm action={updateEmployeeAction} submitLabel={t("employees.edit.submit")} pendingLabel={t("common.loading")}>
            {hidden}
            <EmployeeFields t={t} values={employee} />
          </ActionForm>
        </Card>

        <Card title={t("employees.roles.title")}>
          <ActionForm action={setEmployeeRolesAction} submitLabel={t("employees.roles.submit")} submitVariant="secondary">
            {hidden}
            <p className="text-xs text-slate-600">{t("employees.roles.hint")}</p>
            <CheckboxField name="role_agency_admin" label={t("employees.roles.agency_admin")} defaultChecked={employee.roles.includes("agency_admin")} />
            <CheckboxField name="role_records_clerk" label={t("employees.roles.records_clerk")} defaultChecked={employee.roles.includes("records_clerk")} />
            <CheckboxField name="role_personnel_officer" label={t("employees.roles.personnel_officer")} defaultChecked={employee.roles.includes("personnel_officer")} />
          </ActionForm>
        </Card>

        <Card title={t("employees.accountTitle")}>
          <div className="space-y-5">
            {employee.active && employee.mustChangePassword && <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{t("employees.mustChangeNotice")}</p>}
            {isSelf ? (
              <p className="text-sm text-slate-700">{t("employees.selfNotice")}</p>
            ) : (
              <>
                <section className="space-y-2">
                  <h3 className="font-semibold text-slate-900">{t("employees.reset.title")}</h3>
                  <p className="text-sm text-slate-700">{t("employees.reset.description")}</p>
                  <IssuedPasswordForm
                    action={resetEmployeePasswordAction}
                    submitLabel={t("employees.reset.submit")}
                    pendingLabel={t("common.loading")}
                    submitVariant="secondary"
                    doneTitle={t("employees.reset.doneTitle")}
                    passwordLabels={{
                      title: t("employees.temporaryPassword"),
                      notice: t("employees.temporaryPasswordNotice"),
                      copy: t("employees.copy"),
                      copied: t("employees.copied"),
                      signInWith: t("employees.signInWith"),
                    }}
                    againLabel={t("employees.reset.again")}
                  >
                    {hidden}
                    <CheckboxField name="confirm" label={t("employees.reset.confirm")} />
                  </IssuedPasswordForm>
                </section>
                {employee.active ? (
                  <section className="space-y-2 border-t border-slate-200 pt-4">
                    <h3 className="font-semibold text-slate-900">{t("employees.deactivate.title")}</h3>
                    <p className="text-sm text-slate-700">{t("employees.deactivate.description")}</p>
                    <ActionForm action={deactivateEmployeeAction} submitLabel={t("employees.deactivate.submit")} submitVariant="danger">
                      {hidden}
                      <CheckboxField name="confirm" label={t("employees.deactivate.confirm")} />
                    </ActionForm>
                  </section>
                ) : (
                  <section className="space-y-2 border-t border-slate-200 pt-4">
                    <h3 className="font-semibold text-slate-900">{t("employees.reactivate.title")}</h3>
                    <p className="text-sm text-slate-700">{t("employees.reactivate.description")}</p>
                    <ActionForm action={reactivateEmployeeAction} submitLabel={t("employees.reactivate.submit")}>
                      {hidden}
                    </ActionForm>
                  </section>
                )}
              </>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
