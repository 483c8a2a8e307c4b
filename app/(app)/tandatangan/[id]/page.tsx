import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CircleCheck, Clock, Download, ExternalLink, PenLine } from "lucide-react";
import { getDb } from "@/db";
import { PlacementPicker, type PlacementLabels } from "@/components/signing/placement-picker";
import { SigningStatusBadge } from "@/components/signing/status-badge";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import { Card, PageHeader, DetailRows } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { formatNip } from "@/lib/org/nip";
import { BLOCK_HEIGHT, BLOCK_WIDTH } from "@/lib/signing/appearance";
import { signingDocumentDetail } from "@/lib/signing/document-queries";
import { signingLockState } from "@/lib/signing/passphrase";
import { signingCertificate } from "@/lib/signing/unlock-signer";
import { signDocumentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("signing.title") };
}

const buttonPrimary = "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900";
const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";


export default async function SigningDocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const now = new Date();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let detail: ReturnType<typeof signingDocumentDetail>;
  try {
    detail = signingDocumentDetail({ db, actor }, id);
  } catch (error) {
    // Someone else's document looks exactly like a missing one.
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const { document: doc, signers, revisions, nextSigner, myTurn } = detail;
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const when = (d: Date) => formatDateTime(d, actor.locale, timeZone);
  const justSigned = (await searchParams).ditandatangani === "1" && signers.some((s) => s.signerEmployeeId === actor.employeeId && s.status === "signed");
  const fileUrl = (sequence?: number) => `/api/tandatangan/${doc.id}/berkas${sequence ? `?versi=${sequence}` : ""}`;
  const verificationPath = `/verifikasi/${doc.verificationId}`;
  const statusLabel =
    doc.status === "signing"
      ? myTurn
        ? t("signing.status.myTurn")
        : t("signing.status.waitingFor", { name: nextSigner?.employeeName ?? "…" })
      : t(`signing.status.${doc.status}`);

  // Say why signing cannot work before the user types a passphrase: no certificate, expired, revoked, locked.
  let blocker: string | null = null;
  if (myTurn) {
    try {
      signingCertificate({ db, actor, now, request: { ip: "", userAgent: "" } });
      const lock = signingLockState(db, actor.employeeId, now);
      if (lock.locked) blocker = t("tte.locked", { minutes: lock.minutesLeft });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      blocker = t(error.messageKey, error.params);
    }
  }

  const s = (key: string) => t(`signing.sign.${key}`);
  const placementLabels: PlacementLabels = {
    placement: s("placement"),
    modeManual: s("modeManual"),
    modeAuto: s("modeAuto"),
    modeAnchor: s("modeAnchor"),
    page: s("page"),
    pageOption: s("pageOption"),
    previousPage: s("previousPage"),
    nextPage: s("nextPage"),
    dragHint: s("dragHint"),
    block: s("block"),
    blockLabel: s("blockLabel"),
    loadingPreview: s("loadingPreview"),
    previewFailed: s("previewFailed"),
  };
  const signerByRevision = new Map(signers.filter((x) => x.revisionId).map((x) => [x.revisionId, x]));

  return (
    <div className="space-y-4">
      <PageHeader title={doc.title} back={{ href: "/tandatangan", label: t("signing.detail.back") }} />

      {justSigned && (
        <section role="status" data-testid="signed-notice" className="space-y-3 rounded-xl border-2 border-emerald-400 bg-emerald-50 p-4 text-emerald-950">
          <p className="flex items-center gap-2 font-semibold">
            <CircleCheck aria-hidden className="size-5 shrink-0" />
            {s("done")}
          </p>
          <p className="text-sm">{doc.status === "signed" ? s("doneComplete") : t("signing.sign.doneNext", { name: nextSigner?.employeeName ?? "…" })}</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <a href={fileUrl()} className={buttonPrimary} download data-testid="download-signed">
              <Download aria-hidden className="size-4" />
              {s("downloadSigned")}
            </a>
            <Link href={verificationPath} className={buttonSecondary}>
              <ExternalLink aria-hidden className="size-4" />
              {s("verifyLink")}
            </Link>
          </div>
        </section>
      )}

      <Card>
        <DetailRows
          rows={[
            [t("signing.detail.status"), <SigningStatusBadge key="status" status={doc.status === "signing" ? (myTurn ? "myTurn" : "waiting") : doc.status} label={statusLabel} />],
            ...(doc.documentNumber ? ([[t("signing.detail.number"), doc.documentNumber]] as [string, ReactNode][]) : []),
            ...(doc.documentDate ? ([[t("signing.detail.date"), formatLocalDate(doc.documentDate, actor.locale)]] as [string, ReactNode][]) : []),
            [t("signing.detail.securityClass"), t(`signing.classes.${doc.securityClass}`)],
            [
              t("signing.detail.verificationPage"),
              <Link key="verify" href={verificationPath} className="inline-flex min-h-11 items-center break-all text-brand-700 underline underline-offset-4">
                {verificationPath}
              </Link>,
            ],
          ]}
        />
      </Card>

      {myTurn && (
        <Card title={s("title")}>
          {blocker ? (
            <div className="space-y-3">
              <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="sign-blocker">
                {blocker}
              </p>
              <Link href="/tte" className={buttonPrimary}>
                {s("toTte")}
              </Link>
            </div>
          ) : (
            <ActionForm action={signDocumentAction} submitLabel={s("submit")} pendingLabel={s("pending")}>
              <input type="hidden" name="documentId" value={doc.id} />
              <PlacementPicker fileUrl={fileUrl()} blockWidth={BLOCK_WIDTH} blockHeight={BLOCK_HEIGHT} labels={placementLabels} />
              <TextField name="passphrase" type="password" label={s("passphrase")} hint={s("passphraseHint")} autoComplete="off" maxLength={200} />
            </ActionForm>
          )}
        </Card>
      )}

      <Card title={t("signing.detail.signers")}>
        <ol className="space-y-3" data-testid="signers">
          {signers.map((signer) => {
            const signed = signer.status === "signed";
            const isNext = signer.id === nextSigner?.id && doc.status === "signing";
            return (
              <li key={signer.id} className="flex gap-3">
                <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-bold text-slate-800">
                  {signer.sequence}
                </span>
                <div className="min-w-0 text-sm">
                  <p className="font-medium wrap-anywhere text-slate-900">{signer.signerName ?? signer.employeeName}</p>
                  {signed && signer.positionLabel && <p className="wrap-anywhere text-slate-700">{signer.positionLabel}</p>}
                  <p className="text-slate-600">NIP {formatNip(signer.signerNip ?? signer.employeeNip)}</p>
                  <p className={`mt-0.5 flex items-center gap-1 ${signed ? "text-emerald-800" : isNext ? "text-amber-900" : "text-slate-600"}`}>
                    {signed ? <CircleCheck aria-hidden className="size-4 shrink-0" /> : isNext ? <PenLine aria-hidden className="size-4 shrink-0" /> : <Clock aria-hidden className="size-4 shrink-0" />}
                    {signed && signer.signedAt
                      ? t("signing.detail.signedAt", { date: when(signer.signedAt) })
                      : isNext
                        ? t("signing.detail.next")
                        : t("signing.detail.pending")}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
        {doc.status === "signing" && !myTurn && nextSigner && signers.some((x) => x.signerEmployeeId === actor.employeeId && x.status === "pending") && (
          <p className="mt-3 text-sm text-slate-700">{t("signing.detail.notYourTurn", { name: nextSigner.employeeName })}</p>
        )}
      </Card>

      <Card title={t("signing.detail.revisions")}>
        <p className="mb-3 text-xs text-slate-600">{t("signing.detail.revisionsHint")}</p>
        <ol className="space-y-3" data-testid="revisions">
          {[...revisions].reverse().map((revision) => {
            const by = signerByRevision.get(revision.id);
            return (
              <li key={revision.id} className="space-y-1 rounded-lg border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">
                  {revision.kind === "original"
                    ? t("signing.detail.revisionOriginal", { n: revision.sequence })
                    : t("signing.detail.revisionSigned", { n: revision.sequence, name: by?.signerName ?? by?.employeeName ?? "…" })}
                </p>
                <p className="text-slate-600">{when(revision.createdAt)}</p>
                <p className="font-mono text-xs break-all text-slate-800">
                  <span className="font-sans text-slate-600">SHA-256 </span>
                  {revision.fileSha256}
                </p>
                <a href={fileUrl(revision.sequence)} download className={buttonSecondary}>
                  <Download aria-hidden className="size-4" />
                  {t("signing.detail.download", { n: revision.sequence })}
                </a>
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
