import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import { currentActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Masuk" };

export default async function SignInPage() {
  if (await currentActor()) redirect("/");
  const t = translator("id");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-brand-50 p-4">
      <div className="w-full max-w-sm space-y-6 rounded-2xl bg-white p-6 shadow-md">
        <div className="space-y-1 text-center">
          <p className="text-3xl font-black tracking-tight text-brand-700">Kawan</p>
          <p className="text-sm text-slate-600">{t("app.tagline")}</p>
        </div>
        <h1 className="text-lg font-semibold">{t("signIn.title")}</h1>
        <ActionForm action={signInAction} submitLabel={t("signIn.submit")} pendingLabel={t("common.loading")}>
          <TextField name="identifier" label={t("signIn.identifier")} hint={t("signIn.identifierHint")} autoComplete="username" required />
          <TextField name="password" type="password" label={t("signIn.password")} autoComplete="current-password" required />
        </ActionForm>
        <p className="border-t border-slate-200 pt-4 text-center text-sm">
          <Link href="/verifikasi" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4">
            {t("verify.linkFromSignIn")}
          </Link>
        </p>
      </div>
    </main>
  );
}
