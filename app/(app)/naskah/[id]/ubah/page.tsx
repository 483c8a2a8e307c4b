import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Paperclip } from "lucide-react";
import { ComposeForm } from "@/components/documents/compose-form";
import { bodyEditorLabels, classificationPickerLabels, composeLabels, pdfViewerLabels, recipientPickerLabels } from "@/components/documents/labels";
import { ActionForm } from "@/components/ui/action-form";
import { FileField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { composeData, type ComposeData } from "@/lib/documents/compose-data";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import {
  addAttachmentAction,
  cancelDraftAction,
  removeAttachmentAction,
  reviewerEditAction,
  saveDraftAction,
  submitDraftAction,
  uploadBodyPdfAction,
  useEditorBodyAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("naskah.compose.title") };
}

export default async function ComposeDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let data: ComposeData;
  try {
    data = composeData(ctx, id);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    if (error instanceof DomainError) {
      return (
        <div className="space-y-4">
          <PageHeader title={t("naskah.compose.title")} back={{ href: `/naskah/${id}`, label: t("naskah.detail.title") }} />
          <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
            {t(error.messageKey, error.params)}
          </p>
        </div>
      );
    }
    throw error;
  }
  const { doc, mode } = data;
  const drafter = mode === "drafter";

  return (
    <div className="space-y-4">
      <PageHeader
        title={drafter ? t("naskah.compose.title") : t("naskah.compose.reviewerTitle")}
        description={doc.status === "returned" ? t("naskah.compose.returnedHint") : drafter ? t("naskah.compose.description") : t("naskah.compose.reviewerDescription")}
        back={{ href: drafter ? "/naskah?daftar=konsep" : `/naskah/${doc.id}`, label: drafter ? t("naskah.lists.konsep") : t("naskah.detail.title") }}
      />
      <ComposeForm
        documentId={doc.id}
        mode={mode}
        types={data.types}
        initial={data.initial}
        saveAction={saveDraftAction}
        submitAction={drafter ? submitDraftAction : reviewerEditAction}
        labels={composeLabels(t)}
        editorLabels={bodyEditorLabels(t)}
        classificationLabels={classificationPickerLabels(t)}
        recipientLabels={recipientPickerLabels(t)}
        viewerLabels={pdfViewerLabels(t)}
      />
      {drafter && (
        <>
          <Card title={t("naskah.compose.attachments")}>
            {data.attachments.length > 0 && (
              <ul className="mb-4 space-y-2" data-testid="attachments">
                {data.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-2">
                    <a href={`/api/naskah/${doc.id}/lampiran/${a.id}`} className="inline-flex min-h-11 items-center gap-2 text-sm font-medium break-all text-brand-800 underline">
                      <Paperclip aria-hidden className="size-4 shrink-0" />
                      {a.fileName}
                    </a>
                    <ActionForm action={removeAttachmentAction} submitLabel={t("naskah.compose.removeAttachment")} submitVariant="secondary" className="">
                      <input type="hidden" name="documentId" value={doc.id} />
                      <input type="hidden" name="attachmentId" value={a.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            <ActionForm action={addAttachmentAction} submitLabel={t("naskah.compose.addAttachment")} pendingLabel={t("naskah.compose.uploading")} submitVariant="secondary">
              <input type="hidden" name="documentId" value={doc.id} />
              <FileField name="file" label={t("naskah.compose.attachmentFile")} hint={t("naskah.compose.attachmentHint")} accept="application/pdf,image/png,image/jpeg" />
            </ActionForm>
          </Card>
          <Card title={t("naskah.compose.bodyPdfTitle")}>
            {doc.bodySource === "pdf" ? (
              <ActionForm action={useEditorBodyAction} submitLabel={t("naskah.compose.backToEditor")} submitVariant="secondary">
                <input type="hidden" name="documentId" value={doc.id} />
                <p className="text-sm text-slate-700">{t("naskah.compose.bodyPdfActive")}</p>
              </ActionForm>
            ) : (
              <ActionForm action={uploadBodyPdfAction} submitLabel={t("naskah.compose.uploadBodyPdf")} pendingLabel={t("naskah.compose.uploading")} submitVariant="secondary">
                <input type="hidden" name="documentId" value={doc.id} />
                <p className="text-sm text-slate-700">{t("naskah.compose.bodyPdfHint")}</p>
                <FileField name="file" label={t("naskah.compose.bodyPdfFile")} accept="application/pdf" />
              </ActionForm>
            )}
          </Card>
          <Card title={t("naskah.compose.cancelTitle")}>
            <ActionForm action={cancelDraftAction} submitLabel={t("naskah.compose.cancel")} submitVariant="danger">
              <input type="hidden" name="documentId" value={doc.id} />
              <p className="text-sm text-slate-700">{t("naskah.compose.cancelHint")}</p>
            </ActionForm>
          </Card>
        </>
      )}
    </div>
  );
}
