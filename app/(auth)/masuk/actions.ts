"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/nextauth";
import type { ActionState } from "@/lib/actions/action-state";
import { translator } from "@/lib/i18n/catalog";

/**
 * Sign-in is the one action without an actor: Auth.js runs our credential check (lib/auth/sign-in.ts),
 * which throttles, audits and creates the server-side session.
 */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = translator("id");
  const identifier = String(formData.get("identifier") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const fieldErrors: Record<string, string> = {};
  if (!identifier) fieldErrors.identifier = t("validation.required");
  if (!password) fieldErrors.password = t("validation.required");
  if (identifier.length > 200 || password.length > 200) fieldErrors.identifier = t("signIn.invalid");
  if (Object.keys(fieldErrors).length) return { status: "error", message: t("errors.invalidInput"), fieldErrors };
  try {
    await signIn("credentials", { identifier, password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code?.startsWith("throttled:")) {
      return { status: "error", message: t("signIn.throttled", { minutes: error.code.split(":")[1] }), fieldErrors: {} };
    }
    if (error instanceof AuthError) return { status: "error", message: t("signIn.invalid"), fieldErrors: {} };
    throw error; // Next's redirect after success travels as an exception.
  }
  return { status: "ok" };
}
