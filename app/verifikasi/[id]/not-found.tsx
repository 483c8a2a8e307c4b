import Link from "next/link";
import { FileSearch, SearchX } from "lucide-react";
import { getDb } from "@/db";
import { PublicShell } from "@/components/signing/public-shell";
import { getT } from "@/lib/i18n/server";
import { defaultVerificationAgency } from "@/lib/signing/verification-agency";

/** An unknown verification id: say so plainly and what to try, never a bare 404. */
export default async function VerificationNotFound() {
  const { t } = await getT();
  const agency = defaultVerificationAgency(getDb());
  return (
    <PublicShell agencyName={agency?.name ?? t("verify.agencyFallback")} subtitle={t("verify.pageTitle")}>
      <section className="flex items-start gap-3 rounded-2xl border-2 border-slate-400 bg-white p-4" data-testid="verdict">
        <SearchX aria-hidden className="size-10 shrink-0 text-slate-700" />
        <div className="min-w-0 space-y-1">
          <h1 className="text-2xl font-bold text-slate-900">{t("verify.notFoundTitle")}</h1>
          <p className="text-sm text-slate-800">{t("verify.notFoundText")}</p>
        </div>
      </section>
      <Link
        href="/verifikasi"
        className="inline-flex min-h-11 w-full items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 sm:w-auto"
      >
        <FileSearch aria-hidden className="size-4" />
        {t("verify.checkUpload")}
      </Link>
    </PublicShell>
  );
}
