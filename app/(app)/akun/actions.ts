"use server";

import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { setOwnLocale, switchActingAssignment } from "@/lib/auth/account";
import { signOut as endAuthSession } from "@/lib/auth/nextauth";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { signOut as recordSignOut } from "@/lib/auth/sign-in";
import { saveEmailPreferences } from "@/lib/notifications/email/preferences";
import {
  forgetDeviceAtSignOut,
  pushEndpointForm,
  pushSubscriptionForm,
  pushSubscriptionIdForm,
  removeDevice,
  subscribe,
  unsubscribe,
} from "@/lib/notifications/push/subscriptions";
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

// Web push on this device: the browser's subscription (PushSubscription.toJSON(), flattened) is stored for the
// signed-in employee only; turning it off names the endpoint, removing a listed device names its id.
export const savePushSubscriptionAction = defineAction(
  pushSubscriptionForm,
  (ctx, input) => subscribe(ctx, { endpoint: input.endpoint, keys: { p256dh: input.p256dh, auth: input.auth }, userAgent: input.userAgent }),
  { success: "notifications.push.saved" },
);

export const removePushSubscriptionAction = defineAction(pushEndpointForm, (ctx, input) => unsubscribe(ctx, input.endpoint), {
  success: "notifications.push.removed",
});

export const removePushDeviceAction = defineAction(pushSubscriptionIdForm, (ctx, input) => removeDevice(ctx, input.subscriptionId), {
  success: "notifications.push.deviceRemoved",
});

/**
 * Ends the session. The form may carry `pushEndpoint`, this browser's push subscription (the client fills it in):
 * it is removed first, so the next person on a shared phone does not receive this one's notifications.
 */
export async function signOutAction(first?: unknown, second?: unknown): Promise<void> {
  // A plain <form action> passes the form first; useActionState passes the previous state, then the form.
  const form = [first, second].find((a): a is FormData => a instanceof FormData);
  const actor = await currentActor();
  if (actor) {
    const ctx = await requestContext(actor);
    const endpoint = form?.get("pushEndpoint");
    if (typeof endpoint === "string" && endpoint !== "") forgetDeviceAtSignOut(ctx, endpoint);
    recordSignOut(ctx);
  }
  await endAuthSession({ redirectTo: "/masuk" });
}
