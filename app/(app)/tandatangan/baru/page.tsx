import type { Metadata } from "next";
import { SigningUploadForm, type SigningUploadLabels } from "@/components/signing/upload-form";
import { Card, PageHeader } from "@/components/ui/page";
import { SECURITY_CLASSES } from "@/db/schema";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { signingPositionLabel } from "@/lib/signing/signature-block";
import { createSigningDocumentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("signing.upload.title") };
}

export default async function NewSigningDocumentPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const maxBytes = maxPdfBytes();
  const maxMb = Math.round(maxBytes / 1048576);
  const u = (key: string, params?: Record<string, string | number>) => t(`signing.upload.${key}`, params);
  const labels: SigningUploadLabels = {
    file: u("file"),
    fileHint: u("fileHint", { maxMb }),
    fileRequired: u("fileRequired"),
    fileTooLarge: t("pdf.tooLarge", { maxMb }),
    notPdf: t("pdf.notPdf"),
    docTitle: u("docTitle"),
    docTitleHint: u("docTitleHint"),
    required: t("validation.required"),
    securityClass: u("securityClass"),
    securityClassHint: u("securityClassHint"),
    number: u("number"),
    date: u("date"),
    optional: u("optional"),
    signers: u("signers"),
    signersHint: u("signersHint"),
    me: u("me"),
    addSelf: u("addSelf"),
    search: u("search"),
    searchPlaceholder: u("searchPlaceholder"),
    searchHint: u("searchHint"),
    searching: u("searching"),
    noMatches: u("noMatches"),
    searchFailed: u("searchFailed"),
    add: u("add"),
    remove: u("remove"),
    moveUp: u("moveUp"),
    moveDown: u("moveDown"),
    order: u("order"),
    submit: u("submit"),
    pending: u("pending"),
    invalidInput: t("errors.invalidInput"),
    noSigners: t("signing.noSigners"),
  };
  return (
    <div className="space-y-4">
      <PageHeader title={u("title")} description={u("description")} back={{ href: "/tandatangan", label: t("signing.title") }} />
      <Card>
        <SigningUploadForm
          action={createSigningDocumentAction}
          labels={labels}
          maxBytes={maxBytes}
          classes={SECURITY_CLASSES.map((c) => ({ value: c, label: t(`signing.classes.${c}`) }))}
          me={{ id: actor.employeeId, name: actor.displayName, nip: actor.nip, position: signingPositionLabel(actor.acting) }}
        />
      </Card>
    </div>
  );
}
