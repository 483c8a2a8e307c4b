import { ZodError } from "zod";
import { currentActor } from "@/lib/auth/require-actor";
import { requestInfoFromHeaders } from "@/lib/auth/request-info";
import { getDb } from "@/db";
import { recordClockGrouped } from "@/lib/attendance/clock";
import { DomainError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { translator } from "@/lib/i18n/catalog";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * POST /api/presensi: a check-in or check-out from the attendance screen (JSON, see clockInputSchema). A route
 * handler rather than a server action: the phone retries it with the same request key when the network drops,
 * and the 07.30 rush benchmark drives it directly. Answers { record } or { error: { key, message, params } }.
 */
export async function POST(request: Request) {
  const actor = await currentActor();
  const t = translator(actor?.locale ?? "id");
  if (!actor || actor.mustChangePassword) return json({ error: { key: "errors.unauthenticated", message: t("errors.unauthenticated") } }, 401);
  if (!isSameOrigin(request)) return json({ error: { key: "errors.forbidden", message: t("errors.forbidden") } }, 403);
  const body = await request.json().catch(() => null);
  try {
    const record = await recordClockGrouped({ db: getDb(), actor, now: new Date(), request: requestInfoFromHeaders(request.headers) }, body);
    return json({ record });
  } catch (error) {
    if (error instanceof ZodError || body === null) return json({ error: { key: "presensi.clock.badRequest", message: t("presensi.clock.badRequest") } }, 400);
    if (error instanceof DomainError) {
      const status = error.code === "invalid" ? 422 : error.code === "forbidden" ? 403 : error.code === "not_found" ? 404 : 409;
      return json({ error: { key: error.messageKey, message: t(error.messageKey, error.params), params: error.params } }, status);
    }
    throw error;
  }
}
