import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { notificationSettingsOf } from "@/lib/notifications/settings";
import { saveNotificationSettingsAction, setLocaleAction, signOutAction } from "./actions";

export const metadata: Metadata = { title: "Akun" };

export default async function AccountPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const notificationSettings = notificationSettingsOf({ db: getDb(), actor });
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
      <Card title={t("notifications.settings.title")}>
        <ActionForm action={saveNotificationSettingsAction} submitLabel={t("common.save")}>
          <p className="text-sm text-slate-700">{t("notifications.settings.description")}</p>
          <fieldset data-testid="notification-settings">
            <legend className="text-sm font-medium text-slate-800">{t("notifications.settings.legend")}</legend>
            {notificationSettings.map((s) => (
              <CheckboxField key={s.kind} name={s.kind} label={t(`notifications.kinds.${s.kind}`)} defaultChecked={s.inApp} />
            ))}
          </fieldset>
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
