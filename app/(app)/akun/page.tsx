import type { Metadata } from "next";
import { getDb } from "@/db";
import { PushOptIn, type PushOptInTexts } from "@/components/notifications/push-opt-in";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField } from "@/components/ui/fields";
import { Card, LinkButton, PageHeader } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/require-actor";
import { agencyTimeZoneOf } from "@/lib/attendance/recap/scope";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { emailPreferencesOf } from "@/lib/notifications/email/preferences";
import { listForActor } from "@/lib/notifications/push/subscriptions";
import { publicKey } from "@/lib/notifications/push/vapid";
import { notificationSettingsOf } from "@/lib/notifications/settings";
import { SignOutForm } from "@/components/shell/sign-out-form";
import {
  removePushDeviceAction,
  removePushSubscriptionAction,
  saveEmailPreferencesAction,
  saveNotificationSettingsAction,
  savePushSubscriptionAction,
  setLocaleAction,
  signOutAction,
} from "./actions";

export const metadata: Metadata = { title: "Akun" };

const PUSH_TEXT_KEYS: (keyof PushOptInTexts)[] = [
  "title", "description", "stateUnsupported", "stateBlocked", "stateOff", "stateOn", "stateChecking", "enable", "disable", "working", "failed",
  "devicesTitle", "thisDevice", "removeDevice", "removeDeviceLabel",
];

export default async function AccountPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const notificationSettings = notificationSettingsOf({ db: getDb(), actor });
  const email = emailPreferencesOf({ db: getDb(), actor });
  const timeZone = agencyTimeZoneOf(getDb(), actor.agencyId);
  const pushDevices = listForActor({ db: getDb(), actor }).map((d) => ({
    id: d.id,
    label: d.label || t("notifications.push.unknownDevice"),
    endpointHash: d.endpointHash,
    since: t("notifications.push.deviceSince", { date: formatDateTime(d.createdAt, actor.locale, timeZone) }),
  }));
  const pushTexts = Object.fromEntries(PUSH_TEXT_KEYS.map((key) => [key, t(`notifications.push.${key}`)])) as PushOptInTexts;
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
      <PushOptIn
        publicKey={publicKey()}
        devices={pushDevices}
        texts={pushTexts}
        saveAction={savePushSubscriptionAction}
        removeAction={removePushSubscriptionAction}
        removeDeviceAction={removePushDeviceAction}
      />
      <Card title={t("notifications.email.settings.title")}>
        <ActionForm action={saveEmailPreferencesAction} submitLabel={t("common.save")}>
          <p className="text-sm text-slate-700">{t("notifications.email.settings.description")}</p>
          {/* Why no mail arrives, in words: the server sends none, or there is no address to send to. */}
          <p className="text-sm font-medium text-slate-800" data-testid="email-status">
            {!email.configured
              ? t("notifications.email.settings.notConfigured")
              : email.address
                ? t("notifications.email.settings.address", { email: email.address })
                : t("notifications.email.settings.noAddress")}
          </p>
          <CheckboxField name="enabled" label={t("notifications.email.settings.enabled")} defaultChecked={email.enabled} />
          <CheckboxField name="digest" label={t("notifications.email.settings.digest")} defaultChecked={email.digest} />
          <SelectField
            name="digestHour"
            label={t("notifications.email.settings.digestHour")}
            defaultValue={String(email.digestHour)}
            options={Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: t("notifications.email.settings.hourOption", { hour: String(hour).padStart(2, "0") }) }))}
          />
          <fieldset data-testid="email-settings">
            <legend className="text-sm font-medium text-slate-800">{t("notifications.email.settings.legend")}</legend>
            {email.kinds.map((k) => (
              <CheckboxField key={k.kind} name={`email_${k.kind}`} label={t(`notifications.kinds.${k.kind}`)} defaultChecked={k.email} />
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
      <SignOutForm action={signOutAction} className="md:hidden">
        <button type="submit" className="min-h-11 w-full rounded-lg border border-slate-300 bg-white font-semibold text-slate-800">
          {t("nav.signOut")}
        </button>
      </SignOutForm>
    </div>
  );
}
