"use server";

import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { setOwnLocale, switchActingAssignment } from "@/lib/auth/account";
import { signOut as endAuthSession } from "@/lib/auth/nextauth";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { signOut as recordSignOut } from "@/lib/auth/sign-in";
import { saveEmailPreferences } from "@/lib/notifications/email/preferences";
import { saveNotificationSettings } from "@/lib/notifications/settings";
import { checkbox, idField } from "@/lib/validation";

export const switchActingAction = defineAction(
  z.object({ assignmentId: idField }),
  (ctx, input) => switchActingAssignment(ctx, input.assignmentId),
  { allowPendingPasswordChange: true },
);

export const setLocaleAction = defineAction(
  z.object({ locale: z.enum(["id", "en"]) }),
  (ctx, input) => setOwnLocale(ctx, input.locale),
  { success: "account.languageSaved" },
);

// One checkbox per kind; an unticked box is absent from the form, which the checkbox field reads as off.
const notificationSettingsSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, checkbox])) as Record<NotificationKind, typeof checkbox>,
);

export const saveNotificationSettingsAction = defineAction(notificationSettingsSchema, (ctx, input) => saveNotificationSettings(ctx, input), {
  success: "notifications.settings.saved",
});

// The e-mail form: the main switch, the digest with its hour (a select, so always present: a form without it is
// not this form) and one checkbox per kind, named email_<kind> beside the in-app form's <kind>.
const emailPreferencesSchema = z.object({
  enabled: checkbox,
  digest: checkbox,
  digestHour: z.coerce.number("validation.invalid").int("validation.invalid").min(0, "validation.invalid").max(23, "validation.invalid"),
  ...(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`email_${kind}`, checkbox])) as Record<`email_${NotificationKind}`, typeof checkbox>),
});

export const saveEmailPreferencesAction = defineAction(
  emailPreferencesSchema,
  (ctx, input) =>
    saveEmailPreferences(ctx, {
      enabled: input.enabled,
      digest: input.digest,
      digestHour: input.digestHour,
      kinds: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, input[`email_${kind}`]])),
    }),
  { success: "notifications.email.settings.saved" },
);

export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) recordSignOut(await requestContext(actor));
  await endAuthSession({ redirectTo: "/masuk" });
}
