import type { Metadata } from "next";
import { Download } from "lucide-react";
import { getDb } from "@/db";
import { PublicShell } from "@/components/signing/public-shell";
import { VerifyUploadForm } from "@/components/signing/verify-upload-form";
import { currentActor } from "@/lib/auth/require-actor";
import { getT } from "@/lib/i18n/server";
import { maxPdfBytes } from "@/lib/signing/pdf-input";
import { verifyUploadAction } from "./actions";
import { agencyById, defaultVerificationAgency } from "@/lib/signing/verification-agency";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("verify.title") };
}

/** GET /verifikasi: check an uploaded signed PDF without signing in. */
export default async function VerifyUploadPage() {
  const { t } = await getT();
  const db = getDb();
  const actor = await currentActor();
  const agency = (actor ? agencyById(db, actor.agencyId) : null) ?? defaultVerificationAgency(db);
  const maxMb = Math.round(maxPdfBytes() / 1048576);
  return (
    <PublicShell agencyName={agency?.name ?? t("verify.agencyFallback")} subtitle={t("verify.pageTitle")}>
      <h1 className="text-xl font-bold text-slate-900 sm:text-2xl">{t("verify.upload.title")}</h1>
      <p className="text-sm text-slate-700">{t("verify.upload.intro")}</p>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <VerifyUploadForm
          action={verifyUploadAction}
          labels={{
            file: t("verify.upload.file"),
            fileHint: t("verify.upload.fileHint", { maxMb }),
            submit: t("verify.upload.submit"),
            pending: t("verify.upload.pending"),
            again: t("verify.upload.again"),
          }}
        />
      </section>
      {agency && (
        <a
          href={`/api/tte/root-ca?instansi=${agency.id}`}
          className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:w-auto"
        >
          <Download aria-hidden className="size-4" />
          {t("verify.upload.rootCa")}
        </a>
      )}
    </PublicShell>
  );
}
