"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { setOwnLocale, switchActingAssignment } from "@/lib/auth/account";
import { signOut as endAuthSession } from "@/lib/auth/nextauth";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { signOut as recordSignOut } from "@/lib/auth/sign-in";
import { idField } from "@/lib/validation";

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

export async function signOutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) recordSignOut(await requestContext(actor));
  await endAuthSession({ redirectTo: "/masuk" });
}
