import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Ganti kata sandi" };

export default async function ChangePasswordPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  return (
    <main className="flex min-h-dvh items-start justify-center bg-brand-50 p-4 sm:items-center">
      <div className="w-full max-w-sm space-y-4 rounded-2xl bg-white p-6 shadow-md">
        <h1 className="text-lg font-semibold">{t("account.changePassword")}</h1>
        {actor.mustChangePassword ? (
          <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="must-change-notice">
            {t("account.mustChangeNotice")}
          </p>
        ) : (
          <Link href="/akun" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            ← {t("common.back")}
          </Link>
        )}
        <ActionForm action={changePasswordAction} submitLabel={t("account.changePassword")} pendingLabel={t("common.loading")}>
          <TextField name="oldPassword" type="password" label={t("account.oldPassword")} autoComplete="current-password" />
          <TextField name="newPassword" type="password" label={t("account.newPassword")} hint={t("account.newPasswordHint")} autoComplete="new-password" />
          <TextField name="confirmPassword" type="password" label={t("account.confirmPassword")} autoComplete="new-password" />
        </ActionForm>
      </div>
    </main>
  );
}
