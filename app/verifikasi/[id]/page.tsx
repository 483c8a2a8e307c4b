import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Ban, CircleCheck, Download, FileSearch, Hourglass, TriangleAlert } from "lucide-react";
import { getDb } from "@/db";
import { PublicShell } from "@/components/signing/public-shell";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { formatNip } from "@/lib/org/nip";
import { signedAtLabel } from "@/lib/signing/signature-block";
import { publicVerification } from "@/lib/signing/verification";
import { agencyOfVerification } from "@/lib/signing/verification-agency";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  // The title never names the document: a shared link preview would leak it for confidential ones.
  return { title: t("verify.pageTitle"), robots: { index: false, follow: false } };
}

type Verdict = "valid" | "signing" | "cancelled" | "revoked";

const VERDICT_STYLE: Record<Verdict, { box: string; icon: ReactNode }> = {
  valid: { box: "border-emerald-500 bg-emerald-50 text-emerald-950", icon: <CircleCheck aria-hidden className="size-10 shrink-0 text-emerald-700" /> },
  signing: { box: "border-amber-400 bg-amber-50 text-amber-950", icon: <Hourglass aria-hidden className="size-10 shrink-0 text-amber-700" /> },
  cancelled: { box: "border-red-400 bg-red-50 text-red-950", icon: <Ban aria-hidden className="size-10 shrink-0 text-red-700" /> },
  revoked: { box: "border-red-400 bg-red-50 text-red-950", icon: <TriangleAlert aria-hidden className="size-10 shrink-0 text-red-700" /> },
};

/** GET /verifikasi/<id>: what the QR code in every signature block opens. Public, no sign-in. */
export default async function VerificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { t, locale } = await getT();
  const db = getDb();
  const verification = publicVerification(db, id);
  if (!verification.found) notFound();
  const agency = agencyOfVerification(db, id);
  const timeZone = agency?.timeZone ?? "Asia/Jakarta";
  const revoked = verification.signers.some((s) => s.certificateStatus === "revoked");
  const verdict: Verdict = verification.status === "cancelled" ? "cancelled" : verification.status === "signing" ? "signing" : revoked ? "revoked" : "valid";
  const heading = verdict === "revoked" ? t("verify.result.revoked") : t(`verify.verdict.${verdict}`);
  const explanation = verification.confidential
    ? verdict === "valid"
      ? t("verify.confidential")
      : verdict === "signing"
        ? t("verify.confidentialSigning")
        : verdict === "revoked"
          ? t("verify.resultText.revoked")
          : t("verify.verdictText.cancelled")
    : verdict === "revoked"
      ? t("verify.resultText.revoked")
      : t(`verify.verdictText.${verdict}`);
  const style = VERDICT_STYLE[verdict];

  return (
    <PublicShell agencyName={agency?.name ?? t("verify.agencyFallback")} subtitle={t("verify.pageTitle")}>
      <section className={`flex items-start gap-3 rounded-2xl border-2 p-4 ${style.box}`} data-testid="verdict" aria-labelledby="verdict-heading">
        {style.icon}
        <div className="min-w-0 space-y-1">
          <h1 id="verdict-heading" className="text-2xl font-bold">
            {heading}
          </h1>
          <p className="text-sm">{explanation}</p>
        </div>
      </section>

      {verification.confidential ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">{t("verify.confidentialNote")}</p>
      ) : (
        <>
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-600">{t("verify.docTitle")}</dt>
                <dd className="text-base font-semibold break-words text-slate-900" data-testid="verify-title">
                  {verification.title}
                </dd>
              </div>
              {verification.documentNumber && (
                <div>
                  <dt className="text-slate-600">{t("verify.number")}</dt>
                  <dd className="font-medium break-words">{verification.documentNumber}</dd>
                </div>
              )}
              {verification.documentDate && (
                <div>
                  <dt className="text-slate-600">{t("verify.date")}</dt>
                  <dd className="font-medium">{formatLocalDate(verification.documentDate, locale)}</dd>
                </div>
              )}
            </dl>
          </section>

          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="signers-heading">
            <h2 id="signers-heading" className="mb-3 text-base font-semibold text-slate-900">
              {t("verify.signers")}
            </h2>
            {verification.signers.length === 0 ? (
              <p className="text-sm text-slate-700">{t("verify.noSignaturesYet")}</p>
            ) : (
              <ol className="space-y-4" data-testid="verify-signers">
                {verification.signers.map((signer) => (
                  <li key={signer.sequence} className="space-y-0.5 border-l-4 border-brand-600 pl-3 text-sm">
                    <p className="text-base font-semibold break-words text-slate-900">{signer.name}</p>
                    {signer.positionLabel && <p className="break-words text-slate-800">{signer.positionLabel}</p>}
                    {signer.nip && (
                      <p className="text-slate-700">
                        {t("verify.nip")} {formatNip(signer.nip)}
                      </p>
                    )}
                    {signer.signedAt && (
                      <p className="text-slate-700">
                        {t("verify.signedAt")}: {signedAtLabel(signer.signedAt, timeZone)}
                      </p>
                    )}
                    <p className={signer.certificateStatus === "valid" ? "text-emerald-800" : "text-red-800"}>{t(`verify.certificateStatus.${signer.certificateStatus}`)}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>

          {verification.finalSha256 && (
            <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-sm font-semibold text-slate-900">{t("verify.sha256")}</h2>
              <p className="font-mono text-sm break-all text-slate-900" data-testid="verify-sha256">
                {verification.finalSha256}
              </p>
              <p className="text-xs text-slate-600">{t("verify.sha256Hint")}</p>
              {verification.downloadable && (
                <a
                  href={`/api/verifikasi/${id}/berkas`}
                  download
                  className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 sm:w-auto"
                >
                  <Download aria-hidden className="size-4" />
                  {t("verify.download")}
                </a>
              )}
            </section>
          )}
        </>
      )}

      <Link
        href="/verifikasi"
        className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:w-auto"
      >
        <FileSearch aria-hidden className="size-4" />
        {t("verify.uploadInstead")}
      </Link>
    </PublicShell>
  );
}
