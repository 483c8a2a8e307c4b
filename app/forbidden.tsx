import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getT();
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("errors.forbiddenTitle")}</h1>
      <p className="mb-6 text-slate-700">{t("errors.forbiddenPage")}</p>
      <Link href="/" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
        {t("errors.toHome")}
      </Link>
    </main>
  );
}
