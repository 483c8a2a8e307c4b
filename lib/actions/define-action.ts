import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { hasMessage, translator, type Translate } from "@/lib/i18n/catalog";
import type { ActionState } from "./action-state";
import { formDataToObject } from "./form-data";

type Options<R> = {
  /** Message key shown after success. */
  success?: string;
  /** Where to go after success. */
  redirectTo?: (result: R) => string;
  /** The one action allowed while a password change is pending: changing it. */
  allowPendingPasswordChange?: boolean;
  /**
   * false for saves that no other page shows yet (a draft's autosave every few seconds): skips refreshing
   * the route, which would re-render the page under the typing user for nothing.
   */
  revalidate?: boolean;
};

function fieldErrorsOf(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (out[field]) continue;
    // Schemas put message keys into their refinements; zod's own English texts become a generic message.
    out[field] = hasMessage(issue.message) ? t(issue.message) : t(issue.code === "too_big" ? "validation.tooLong" : "validation.invalid");
  }
  return out;
}

/**
 * The one path every form action takes: authenticate, refuse while a password change is pending, validate
 * with zod, run one lib function (which authorizes against the object and audits), map domain errors to
 * translated messages. Every exported server action is a public endpoint, so none may skip this.
 */
export function defineAction<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: Ctx, input: z.output<S>) => R | Promise<R>,
  options: Options<R> = {},
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    const actor = await currentActor();
    const t = translator(actor?.locale ?? "id");
    if (!actor) return { status: "error", message: t("errors.unauthenticated"), fieldErrors: {} };
    if (actor.mustChangePassword && !options.allowPendingPasswordChange) {
      return { status: "error", message: t("errors.mustChangePassword"), fieldErrors: {} };
    }
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      return { status: "error", message: t("errors.invalidInput"), fieldErrors: fieldErrorsOf(parsed.error, t) };
    }
    let result: R;
    try {
      result = await run(await requestContext(actor), parsed.data);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, t(v, error.params)]));
      return { status: "error", message: t(error.messageKey, error.params), fieldErrors };
    }
    // Every page is rendered per request from the database; this tells the router to drop what it holds,
    // so the submitting page and any page visited next show the change.
    if (options.revalidate !== false) revalidatePath("/", "layout");
    if (options.redirectTo) redirect(options.redirectTo(result));
    return { status: "ok", message: options.success ? t(options.success) : undefined, data: result };
  };
}
