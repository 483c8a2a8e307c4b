import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircleCheck, Clock, Download, ExternalLink, Paperclip, PenLine, UserCheck } from "lucide-react";
import { DocumentStatusBadge } from "@/components/documents/document-status-badge";
import { PdfViewer } from "@/components/documents/pdf-viewer";
import { RecipientPicker } from "@/components/documents/recipient-picker";
import { pdfViewerLabels, recipientPickerLabels } from "@/components/documents/labels";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import { Card, PageHeader, DetailRows } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { agencyTimeZone, documentDetail, type DocumentDetail } from "@/lib/documents/document-detail";
import { markDocumentRead } from "@/lib/documents/receipt";
import { DomainError } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { signingLockState } from "@/lib/signing/passphrase";
import { signingCertificate } from "@/lib/signing/unlock-signer";
import { approveAction, forwardAction, manualNumberAction, replyAction, returnAction, signAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("naskah.detail.title") };
}

const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";


function Chain({ detail, t, when }: { detail: DocumentDetail; t: Translate; when: (d: Date) => string }) {
  const steps = [...detail.reviewers.map((s) => ({ ...s, kind: "reviewer" as const })), ...detail.signers.map((s) => ({ ...s, kind: "signer" as const }))];
  const current = detail.doc.currentPositionId;
  return (
    <ol className="space-y-3" data-testid="document-chain">
      {steps.map((s, i) => {
        const done = s.status === "done";
        const isCurrent = !done && s.positionId === current && (detail.doc.status === "in_review" ? s.kind === "reviewer" : s.kind === "signer");
        return (
          <li key={s.id} className="flex gap-3">
            <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-bold text-slate-800">
              {i + 1}
            </span>
            <div className="min-w-0 text-sm">
              <p className="font-medium wrap-anywhere text-slate-900">{s.positionName}</p>
              <p className="text-slate-600">{t(s.kind === "reviewer" ? "naskah.chain.reviewer" : "naskah.chain.signer")}</p>
              <p className={`mt-0.5 flex items-center gap-1 ${done ? "text-emerald-800" : isCurrent ? "text-amber-900" : "text-slate-600"}`}>
                {done ? <CircleCheck aria-hidden className="size-4 shrink-0" /> : isCurrent ? <PenLine aria-hidden className="size-4 shrink-0" /> : <Clock aria-hidden className="size-4 shrink-0" />}
                {done && s.actedAt
                  ? t(s.kind === "reviewer" ? "naskah.chain.approvedBy" : "naskah.chain.signedBy", { name: s.actedByName ?? "", date: when(s.actedAt) })
                  : isCurrent
                    ? t("naskah.chain.current")
                    : t("naskah.chain.waiting")}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let detail: DocumentDetail;
  try {
    // Opening a delivered document is reading it: the receipt is written before the page is built.
    markDocumentRead(ctx, id);
    detail = documentDetail(ctx, id);
  } catch (error) {
    // Someone else's document looks exactly like a missing one.
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const { doc } = detail;
  const timeZone = agencyTimeZone(ctx);
  const when = (d: Date) => formatDateTime(d, actor.locale, timeZone);
  const ok = (await searchParams).ok;
  const okMessage = typeof ok === "string" && ["dikirim", "paraf", "dikembalikan", "ditandatangani", "diteruskan", "bernomor", "diubah"].includes(ok) ? t(`naskah.ok.${ok}`) : null;

  let signBlocker: string | null = null;
  if (detail.can.sign) {
    try {
      signingCertificate(ctx);
      const lock = signingLockState(ctx.db, actor.employeeId, ctx.now);
      if (lock.locked) signBlocker = t("tte.locked", { minutes: lock.minutesLeft });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      signBlocker = t(error.messageKey, error.params);
    }
  }
  const stepsNow = doc.status === "in_review" ? detail.reviewers : doc.status === "signing" ? detail.signers : [];
  const statusLabel = stepsNow.length
    ? t(`naskah.statusStep.${doc.status}`, { step: Math.min(stepsNow.length, stepsNow.filter((s) => s.status === "done").length + 1), of: stepsNow.length })
    : t(`naskah.status.${doc.status}`);
  const recipientLine = (r: { label: string; address: string }) => (r.address ? `${r.label}, ${r.address}` : r.label);

  return (
    <div className="space-y-4">
      <PageHeader title={doc.subject || t("naskah.untitled")} description={detail.typeName} back={{ href: "/naskah", label: t("naskah.title") }} />
      {okMessage && (
        <p role="status" data-testid="form-success" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {okMessage}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <DocumentStatusBadge status={doc.status} label={statusLabel} />
        <span className="text-sm font-semibold text-slate-900" data-testid="document-number">
          {doc.number ?? t("naskah.detail.numberPending")}
        </span>
      </div>

      {detail.can.edit && (
        <Link href={`/naskah/${doc.id}/ubah`} className={buttonSecondary}>
          <PenLine aria-hidden className="size-4" />
          {t("naskah.detail.continueEditing")}
        </Link>
      )}

      {detail.can.switchPosition && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("naskah.review.switchPosition")}
        </p>
      )}

      {detail.can.review && (
        <Card title={t("naskah.review.title")}>
          <div className="space-y-4">
            <ActionForm action={approveAction} submitLabel={t("naskah.review.approve")} pendingLabel={t("naskah.review.approving")}>
              <input type="hidden" name="documentId" value={doc.id} />
              <TextField name="note" label={`${t("naskah.review.note")} (${t("common.optional")})`} maxLength={1000} />
            </ActionForm>
            <Link href={`/naskah/${doc.id}/ubah`} className={buttonSecondary}>
              <PenLine aria-hidden className="size-4" />
              {t("naskah.review.editDirectly")}
            </Link>
          </div>
        </Card>
      )}

      {detail.can.sign && (
        <Card title={t("naskah.sign.title")}>
          {signBlocker ? (
            <div className="space-y-3">
              <p role="status" data-testid="sign-blocker" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                {signBlocker}
              </p>
              <Link href="/tte" className={buttonSecondary}>
                {t("signing.sign.toTte")}
              </Link>
            </div>
          ) : (
            <ActionForm action={signAction} submitLabel={t("naskah.sign.submit")} pendingLabel={t("naskah.sign.pending")}>
              <input type="hidden" name="documentId" value={doc.id} />
              <p className="text-sm text-slate-700">{t(detail.signers.filter((s) => s.status === "pending").length === 1 ? "naskah.sign.lastHint" : "naskah.sign.hint")}</p>
              <TextField name="passphrase" type="password" label={t("signing.sign.passphrase")} hint={t("signing.sign.passphraseHint")} autoComplete="off" maxLength={200} />
            </ActionForm>
          )}
        </Card>
      )}

      {detail.can.returnIt && (
        <Card title={t("naskah.review.returnTitle")}>
          <ActionForm action={returnAction} submitLabel={t("naskah.review.return")} pendingLabel={t("naskah.review.returning")} submitVariant="secondary">
            <input type="hidden" name="documentId" value={doc.id} />
            <TextField name="note" label={t("naskah.review.returnNote")} hint={t("naskah.review.returnHint")} maxLength={1000} />
          </ActionForm>
        </Card>
      )}

      {detail.can.manualNumber && (
        <Card title={t("naskah.number.manualTitle")}>
          <ActionForm action={manualNumberAction} submitLabel={t("naskah.number.manualSubmit")} submitVariant="secondary">
            <input type="hidden" name="documentId" value={doc.id} />
            <p className="text-sm text-slate-700">{t("naskah.number.manualHint")}</p>
            <TextField name="number" label={t("naskah.number.number")} maxLength={100} />
            <TextField name="reason" label={t("naskah.number.reason")} maxLength={500} />
          </ActionForm>
        </Card>
      )}

      <Card>
        <PdfViewer src={`/api/naskah/${doc.id}/berkas?v=${doc.updatedAt.getTime()}`} title={doc.subject} downloadName={`naskah-${doc.id}.pdf`} labels={pdfViewerLabels(t)} />
        <div className="mt-3 flex flex-wrap gap-2">
          <a href={`/api/naskah/${doc.id}/berkas`} className={buttonSecondary} download>
            <Download aria-hidden className="size-4" />
            {t("naskah.detail.download")}
          </a>
          {detail.verificationId && doc.status === "sent" && (
            <Link href={`/verifikasi/${detail.verificationId}`} className={buttonSecondary}>
              <ExternalLink aria-hidden className="size-4" />
              {t("naskah.detail.verification")}
            </Link>
          )}
        </div>
      </Card>

      {(detail.can.reply || detail.can.forward) && (
        <Card title={t("naskah.detail.followUp")}>
          <div className="space-y-4">
            {detail.can.reply && (
              <ActionForm action={replyAction} submitLabel={t("naskah.detail.reply")} submitVariant="secondary">
                <input type="hidden" name="documentId" value={doc.id} />
              </ActionForm>
            )}
            {detail.can.forward && (
              <ActionForm action={forwardAction} submitLabel={t("naskah.forward.submit")} submitVariant="secondary">
                <input type="hidden" name="documentId" value={doc.id} />
                <RecipientPicker name="positions" label={t("naskah.forward.to")} initial={[]} kinds={["position"]} max={50} labels={recipientPickerLabels(t)} />
                <TextField name="note" label={`${t("naskah.forward.note")} (${t("common.optional")})`} maxLength={1000} />
              </ActionForm>
            )}
          </div>
        </Card>
      )}

      <Card title={t("naskah.detail.about")}>
        <DetailRows
          rows={[
            [t("naskah.fields.type"), detail.typeName],
            [t("naskah.fields.number"), doc.number ?? t("naskah.detail.numberPending")],
            [t("naskah.fields.date"), doc.documentDate ? formatLocalDate(doc.documentDate, actor.locale) : "—"],
            [t("naskah.fields.securityClass"), t(`naskah.security.${doc.securityClass}`)],
            [t("naskah.fields.urgency"), t(`naskah.urgency.${doc.urgency}`)],
            [t("naskah.fields.classification"), doc.classificationCode || "—"],
            [t("naskah.fields.drafter"), `${detail.drafterName}${detail.drafterPositionName ? ` — ${detail.drafterPositionName}` : ""}`],
            [t("naskah.fields.recipients"), detail.recipients.map(recipientLine).join("; ") || "—"],
            [t("naskah.fields.carbonCopies"), detail.carbonCopies.map(recipientLine).join("; ") || "—"],
            [t("naskah.fields.attachmentCount"), String(doc.attachmentCount)],
          ]}
        />
        {detail.attachments.length > 0 && (
          <ul className="mt-3 space-y-2">
            {detail.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/naskah/${doc.id}/lampiran/${a.id}`} className="inline-flex min-h-11 items-center gap-2 text-sm font-medium text-brand-800 underline">
                  <Paperclip aria-hidden className="size-4" />
                  {a.fileName}
                </a>
              </li>
            ))}
          </ul>
        )}
        {detail.recipients.some((r) => r.targetKind === "external") && doc.status === "sent" && (
          <p className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{t("naskah.detail.externalHint")}</p>
        )}
      </Card>

      <Card title={t("naskah.detail.chain")}>
        <Chain detail={detail} t={t} when={when} />
      </Card>

      {detail.deliveries.length > 0 && (
        <Card title={t("naskah.detail.receipts")}>
          <ul className="space-y-2 text-sm" data-testid="read-receipts">
            {detail.deliveries.map((d) => (
              <li key={d.id} className="flex items-start gap-2">
                {d.readAt ? <UserCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700" /> : <Clock aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />}
                <span className="min-w-0 wrap-anywhere">
                  <span className="font-medium text-slate-900">{d.positionName}</span>
                  {d.kind === "cc" && <span className="text-slate-600"> ({t("naskah.fields.carbonCopy")})</span>}
                  <span className="block text-slate-700">
                    {d.readAt ? t("naskah.detail.readBy", { name: d.readerName ?? "", date: when(d.readAt) }) : t("naskah.detail.unread")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title={t("naskah.detail.timeline")}>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
          {detail.events.map((e) => (
            <li key={e.id}>
              <p className="font-medium text-slate-900">{t(`naskah.event.${e.action}`, { version: e.version ?? "" })}</p>
              <p className="text-slate-700">{e.actorLabel}</p>
              <p className="text-slate-600">{when(e.at)}</p>
              {e.note && e.action !== "sent" && <p className="mt-1 rounded bg-slate-50 p-2 text-slate-800">“{e.note}”</p>}
            </li>
          ))}
        </ol>
      </Card>

      {detail.versions.length > 1 && (
        <Card title={t("naskah.detail.versions")}>
          <ul className="space-y-2 text-sm">
            {detail.versions.slice(1).map((v) => (
              <li key={v.version}>
                <Link href={`/naskah/${doc.id}/versi?dari=${v.version - 1}&ke=${v.version}`} className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
                  {t("naskah.detail.compare", { from: v.version - 1, to: v.version })}
                </Link>
                <span className="text-slate-600"> · {t(`naskah.versionKind.${v.kind}`)} · {when(v.createdAt)}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
