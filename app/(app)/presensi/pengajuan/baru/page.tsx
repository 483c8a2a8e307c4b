import type { Metadata } from "next";
import { LEAVE_TYPES, REQUEST_KINDS } from "@/db/schema";
import { RequestForm, type RequestFormLabels } from "@/components/attendance/requests/request-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requestFormData } from "@/lib/attendance/requests/form-data";
import { FLEXIBLE_KINDS, REASON_MAX } from "@/lib/attendance/requests/kinds";
import { requestDatesLabel } from "@/lib/attendance/requests/labels";
import { requestContext, requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { submitRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("pengajuan.form.title") };
}

/** A new request: the kind decides the fields; the lib decides everything else and the form keeps the input on refusal. */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const data = requestFormData(ctx);
  // WFH/WFA only where the lib would accept them; WFH also needs the home point.
  const kinds = REQUEST_KINDS.filter((k) => !FLEXIBLE_KINDS.includes(k) || (data.flexibleWork && (k !== "wfh" || data.hasHomePoint)));
  const labels: RequestFormLabels = {
    submit: t("pengajuan.form.submit"),
    pending: t("pengajuan.form.pending"),
    kind: t("pengajuan.fields.kind"),
    chooseKind: t("pengajuan.form.chooseKind"),
    leaveType: t("pengajuan.fields.leaveType"),
    chooseLeaveType: t("pengajuan.form.chooseLeaveType"),
    leaveBalance: t("pengajuan.balance.short", { year: data.balance.year, remaining: data.balance.remaining, used: data.balance.used, pending: data.balance.pending }),
    startDate: t("pengajuan.fields.startDate"),
    koreksiDate: t("pengajuan.fields.date"),
    endDate: t("pengajuan.fields.endDate"),
    datesHint: t("pengajuan.form.datesHint"),
    checkIn: t("pengajuan.fields.checkIn"),
    checkOut: t("pengajuan.fields.checkOut"),
    timeHint: t("pengajuan.form.timeHint"),
    reason: t("pengajuan.fields.reason"),
    reasonHint: t("pengajuan.form.reasonHint"),
    attachment: t("pengajuan.fields.attachment"),
    attachmentHint: t("pengajuan.form.attachmentHint"),
    optional: t("common.optional"),
    suratTugas: t("pengajuan.fields.suratTugas"),
    noSuratTugas: t("pengajuan.form.noSuratTugas"),
    suratTugasHint: t("pengajuan.form.suratTugasHint"),
    suratTugasNone: t("pengajuan.form.suratTugasNone"),
    flexibleHint: t("pengajuan.form.flexibleHint"),
  };
  // ?jenis=koreksi (or another kind) preselects the kind, e.g. from a day on the attendance calendar.
  const wanted = (await searchParams).jenis;
  const initialKind = kinds.find((k) => k === wanted) ?? "";
  const suratTugas = data.suratTugas.map((s) => ({
    value: String(s.id),
    label: [t("pengajuan.form.suratTugasOption", { number: s.number, subject: s.subject }), s.startDate && s.endDate ? `(${requestDatesLabel(s.startDate, s.endDate, actor.locale)})` : ""].filter(Boolean).join(" "),
  }));

  return (
    <div className="space-y-4">
      <PageHeader title={t("pengajuan.form.title")} description={t("pengajuan.form.description")} back={{ href: "/presensi/pengajuan", label: t("pengajuan.title") }} />
      {!data.hasSuperior && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("pengajuan.errors.noSuperior")}
        </p>
      )}
      <Card>
        <RequestForm
          action={submitRequestAction}
          labels={labels}
          kinds={kinds.map((k) => ({ value: k, label: t(`pengajuan.kinds.${k}`) }))}
          leaveTypes={LEAVE_TYPES.map((l) => ({ value: l, label: t(`pengajuan.leaveTypes.${l}`) }))}
          suratTugas={suratTugas}
          reasonMax={REASON_MAX}
          initialKind={initialKind}
        />
      </Card>
    </div>
  );
}
