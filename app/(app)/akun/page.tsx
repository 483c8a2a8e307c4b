import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { setLocaleAction, signOutAction } from "./actions";

export const metadata: Metadata = { title: "Akun" };

export default async function AccountPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  return (
    <div className="space-y-4">
      <PageHeader title={t("account.title")} />
      <Card title={t("account.language")}>
        <ActionForm action={setLocaleAction} submitLabel={t("common.save")}>
          <SelectField
            name="locale"
            label={t("account.language")}
            defaultValue={actor.locale}
            options={[
              { value: "id", label: t("locale.id") },
              { value: "en", label: t("locale.en") },
            ]}
          />
        </ActionForm>
      </Card>
      <Card title={t("account.changePassword")}>
        <LinkButton href="/ganti-kata-sandi" variant="secondary">
          {t("account.changePassword")}
        </LinkButton>
      </Card>
      {can(actor, "admin.view") && (
        // The phone's bottom bar has room for four entries; administration is reached from here.
        <Card title={t("home.adminShortcuts")} className="md:hidden">
          <LinkButton href="/admin" variant="secondary">
            {t("nav.admin")}
          </LinkButton>
        </Card>
      )}
      <form action={signOutAction} className="md:hidden">
        <button type="submit" className="min-h-11 w-full rounded-lg border border-slate-300 bg-white font-semibold text-slate-800">
          {t("nav.signOut")}
        </button>
      </form>
    </div>
  );
}
