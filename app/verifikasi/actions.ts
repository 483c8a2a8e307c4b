"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/require-actor";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { RateLimiter } from "@/lib/rate-limit";
import { getT } from "@/lib/i18n/server";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { signedAtLabel } from "@/lib/signing/signature-block";
import { verifyUploadedPdf, type UploadVerdict } from "@/lib/signing/verification";
import { isUpload } from "@/lib/validation";
import type { VerifyResultView } from "@/components/signing/verify-upload-form";
import { agencyById, defaultVerificationAgency } from "@/lib/signing/verification-agency";

const verifyLimiter = new RateLimiter(30, 10 * 60_000);


/**
 * Upload-to-verify, public (no sign-in, like the page): checks every signature of the PDF against the
 * agency's root and Kawan's records and returns the verdict in plain words. Nothing is stored or audited:
 * the file is the visitor's, and the check changes nothing.
 */
export async function verifyUploadAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { t } = await getT();
  const max = maxPdfBytes();
  const maxMb = Math.round(max / 1048576);
  const fail = (key: string, params?: Record<string, string | number>): ActionState => ({
    status: "error",
    message: t("errors.invalidInput"),
    fieldErrors: { file: t(key, params) },
  });
  // Anyone may verify without signing in, so the check (hashing up to 20 MB) is rationed per address.
  if (!verifyLimiter.take((await currentRequestInfo()).ip)) return { status: "error", message: t("verify.upload.tooMany"), fieldErrors: {} };
  const file = formData.get("file");
  if (!isUpload(file) || file.size === 0) return fail("verify.upload.fileRequired");
  if (file.size > max) return fail("pdf.tooLarge", { maxMb });
  const pdf = Buffer.from(await file.arrayBuffer());
  if (!pdf.subarray(0, 1024).toString("latin1").includes("%PDF-")) return fail("pdf.notPdf");

  const db = getDb();
  const actor = await currentActor();
  const agency = (actor ? agencyById(db, actor.agencyId) : null) ?? defaultVerificationAgency(db);
  if (!agency) return { status: "error", message: t("verify.upload.noAgency"), fieldErrors: {} };

  let result: UploadVerdict;
  try {
    result = verifyUploadedPdf(db, agency.id, pdf);
  } catch {
    // A file malformed in a way the checker did not foresee: a verdict, not a server error.
    return fail("verify.badUpload");
  }
  const last = result.signatures.length - 1;
  const view: VerifyResultView = {
    verdict: result.verdict,
    heading: t(`verify.result.${result.verdict}`),
    text: t(`verify.resultText.${result.verdict}`),
    agencyNote: t("verify.upload.agencyNote", { agency: agency.name }),
    sha256Label: t("verify.fileSha256"),
    sha256: result.sha256,
    issued: result.issuedByKawan
      ? { text: t("verify.issued", { n: result.issuedByKawan.sequence }), href: `/verifikasi/${result.issuedByKawan.verificationId}`, linkLabel: t("verify.issuedLink") }
      : null,
    notIssued: t("verify.notIssued"),
    signatures: result.signatures.map((s, i) => ({
      heading: t("verify.signature", { n: i + 1 }),
      name: s.signerCommonName ?? t("verify.unknownSigner"),
      nip: s.signerNip ?? "",
      time: s.signingTime ? signedAtLabel(s.signingTime, agency.timeZone) : "",
      checks: [
        { ok: s.digestMatches, text: t(s.digestMatches ? "verify.checks.digest" : "verify.checks.digestBad") },
        { ok: s.signatureValid, text: t(s.signatureValid ? "verify.checks.signature" : "verify.checks.signatureBad") },
        { ok: s.issuedByRoot, text: t(s.issuedByRoot ? "verify.checks.chain" : "verify.checks.chainBad") },
        { ok: !s.certificateRevoked, text: t(s.certificateRevoked ? "verify.checks.revocationBad" : "verify.checks.revocation") },
        // Earlier signatures never cover the later incremental updates; only the last one must reach the end.
        ...(i === last ? [{ ok: s.coversWholeFile, text: t(s.coversWholeFile ? "verify.checks.coverage" : "verify.checks.coverageBad") }] : []),
      ],
    })),
    labels: { signer: t("verify.signer"), nip: t("verify.nip"), time: t("verify.time"), ok: t("verify.ok"), notOk: t("verify.notOk") },
  };
  return { status: "ok", data: view };
}
