import type { Metadata } from "next";
import { BucketTable, type BucketTableTexts } from "@/components/attendance/admin/bucket-table";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, TextField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader } from "@/components/ui/page";
import { policyForAdmin } from "@/lib/attendance/admin/policy";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { savePolicyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.policy.title") };
}

export default async function AttendancePolicyPage() {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const policy = policyForAdmin(await requestContext(actor));
  const texts: BucketTableTexts = {
    bucket: t("presensiAdmin.policy.bucket"),
    fromMinute: t("presensiAdmin.policy.fromMinute"),
    toMinute: t("presensiAdmin.policy.toMinute"),
    deductionPercent: t("presensiAdmin.policy.deductionPercent"),
    openEnded: t("presensiAdmin.policy.openEnded"),
    // The template itself ({code} and {column} left in): the client fills it per cell.
    cellLabel: t("presensiAdmin.policy.cellLabel"),
  };

  return (
    <div className="space-y-4">
      <PageHeader title={t("presensiAdmin.policy.title")} description={t("presensiAdmin.policy.description")} back={{ href: "/admin/presensi", label: t("presensiAdmin.title") }} />
      <ActionForm action={savePolicyAction} submitLabel={t("common.save")} pendingLabel={t("common.loading")} className="space-y-4">
        <Card title={t("presensiAdmin.policy.evidenceTitle")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField name="accuracyLimitMeters" type="number" inputMode="numeric" label={t("presensiAdmin.policy.accuracyLimitMeters")} hint={t("presensiAdmin.policy.accuracyHint")} defaultValue={String(policy.accuracyLimitMeters)} />
            <TextField name="maxClockSkewSeconds" type="number" inputMode="numeric" label={t("presensiAdmin.policy.maxClockSkewSeconds")} hint={t("presensiAdmin.policy.skewHint")} defaultValue={String(policy.maxClockSkewSeconds)} />
            <TextField name="maxSpeedKmh" type="number" inputMode="numeric" label={t("presensiAdmin.policy.maxSpeedKmh")} hint={t("presensiAdmin.policy.speedHint")} defaultValue={String(policy.maxSpeedKmh)} />
          </div>
          <div className="mt-2">
            <CheckboxField name="checkOfficeNetwork" label={t("presensiAdmin.policy.checkOfficeNetwork")} defaultChecked={policy.checkOfficeNetwork} />
            <CheckboxField name="selfieRequired" label={t("presensiAdmin.policy.selfieRequired")} defaultChecked={policy.selfieRequired} />
          </div>
        </Card>
        <Card>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <BucketTable field="lateBuckets" title={t("presensiAdmin.policy.lateTitle")} hint={t("presensiAdmin.policy.lateHint")} buckets={policy.lateBuckets} texts={texts} />
            <BucketTable field="earlyLeaveBuckets" title={t("presensiAdmin.policy.earlyTitle")} hint={t("presensiAdmin.policy.earlyHint")} buckets={policy.earlyLeaveBuckets} texts={texts} />
          </div>
        </Card>
        <Card title={t("presensiAdmin.policy.absenceTitle")}>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <TextField name="absentDeductionPercent" label={t("presensiAdmin.policy.absentDeductionPercent")} defaultValue={String(policy.absentDeductionPercent)} maxLength={6} />
            <TextField name="annualLeaveDays" type="number" inputMode="numeric" label={t("presensiAdmin.policy.annualLeaveDays")} defaultValue={String(policy.annualLeaveDays)} />
            <TextField name="leaveCarryOverMaxDays" type="number" inputMode="numeric" label={t("presensiAdmin.policy.leaveCarryOverMaxDays")} defaultValue={String(policy.leaveCarryOverMaxDays)} />
          </div>
        </Card>
        <p className="text-xs text-slate-600">{t("presensiAdmin.recomputeNote")}</p>
      </ActionForm>
      {can(actor, "audit.read") && (
        <LinkButton href="/admin/audit?entityType=attendance_policy" variant="secondary">
          {t("presensiAdmin.history")}
        </LinkButton>
      )}
    </div>
  );
}
