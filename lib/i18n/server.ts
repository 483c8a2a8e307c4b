import "server-only";
import { currentActor } from "@/lib/auth/require-actor";
import { translator, type Locale, type Translate } from "./catalog";

/** Translator for the current request: the signed-in employee's language, Indonesian otherwise. */
export async function getT(): Promise<{ t: Translate; locale: Locale }> {
  const actor = await currentActor();
  const locale = actor?.locale ?? "id";
  return { t: translator(locale), locale };
}
