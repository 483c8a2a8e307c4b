import type { Metadata } from "next";
import { classificationPickerLabels, recipientPickerLabels } from "@/components/documents/labels";
import { ClassificationField, PositionsField, TextAreaField } from "@/components/incoming/form-fields";
import { pagePhotosLabels } from "@/components/incoming/labels";
import { PagePhotosField } from "@/components/incoming/page-photos-field";
import { ActionForm } from "@/components/ui/action-form";
import { FileField, SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { localDate } from "@/lib/time";
import { registerLetterAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("incoming.register.title") };
}

/** The records clerk types what the paper says, attaches its scan or page photos, and names the addressed posts. */
export default async function RegisterLetterPage() {
  const actor = await requirePermission("letter.register");
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const today = localDate(ctx.now, agencyTimeZone(ctx));
  const optional = (label: string) => `${label} (${t("common.optional")})`;
  return (
    <div className="space-y-4">
      <PageHeader title={t("incoming.register.title")} description={t("incoming.register.description")} back={{ href: "/surat-masuk", label: t("incoming.title") }} />
      {!actor.acting ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          {t("incoming.noActingPosition")}
        </p>
      ) : (
        <Card>
          <ActionForm action={registerLetterAction} submitLabel={t("incoming.register.submit")} pendingLabel={t("incoming.register.pending")} className="space-y-6">
            <fieldset className="space-y-4">
              <legend className="mb-2 text-base font-semibold text-slate-900">{t("incoming.register.senderGroup")}</legend>
              <TextField name="senderAgency" label={t("incoming.fields.senderAgency")} hint={t("incoming.register.senderAgencyHint")} maxLength={200} />
              <TextField name="senderName" label={optional(t("incoming.fields.senderName"))} hint={t("incoming.register.senderNameHint")} maxLength={200} />
            </fieldset>

            <fieldset className="space-y-4">
              <legend className="mb-2 text-base font-semibold text-slate-900">{t("incoming.register.letterGroup")}</legend>
              <TextField name="letterNumber" label={t("incoming.fields.letterNumber")} maxLength={100} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="letterDate" type="date" label={t("incoming.fields.letterDate")} />
                <TextField name="receivedDate" type="date" label={t("incoming.fields.receivedDate")} defaultValue={today} />
              </div>
              <TextField name="subject" label={t("incoming.fields.subject")} maxLength={500} />
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  name="securityClass"
                  label={t("incoming.fields.securityClass")}
                  defaultValue="B"
                  options={["B", "T", "R", "SR"].map((c) => ({ value: c, label: t(`naskah.security.${c}`) }))}
                />
                <SelectField
                  name="urgency"
                  label={t("incoming.fields.urgency")}
                  defaultValue="biasa"
                  options={["biasa", "segera", "amat_segera"].map((u) => ({ value: u, label: t(`naskah.urgency.${u}`) }))}
                />
              </div>
              <ClassificationField name="classificationCode" label={optional(t("incoming.fields.classification"))} labels={classificationPickerLabels(t)} />
              <TextField name="attachmentCount" type="number" inputMode="numeric" label={t("incoming.fields.attachmentCount")} defaultValue="0" />
              <TextAreaField name="summary" label={t("incoming.fields.summary")} optional={t("common.optional")} maxLength={2000} rows={4} />
            </fieldset>

            <PositionsField name="addressees" label={t("incoming.fields.addressees")} hint={t("incoming.register.addresseesHint")} max={30} labels={recipientPickerLabels(t)} />

            <fieldset className="space-y-3">
              <legend className="mb-1 text-base font-semibold text-slate-900">{t("incoming.register.scanGroup")}</legend>
              <p className="text-sm text-slate-700">{t("incoming.register.scanHint")}</p>
              <FileField name="file" label={t("incoming.register.pdf")} accept="application/pdf,.pdf" />
              <p className="flex items-center gap-3 text-sm font-semibold text-slate-600" aria-hidden>
                <span className="h-px flex-1 bg-slate-200" />
                {t("incoming.register.or")}
                <span className="h-px flex-1 bg-slate-200" />
              </p>
              <PagePhotosField name="photos" labels={pagePhotosLabels(t)} />
            </fieldset>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
