import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { units } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, DbOrTx } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { hasMessage } from "@/lib/i18n/catalog";

// What every attendance-configuration use case does first: check the permission against the actor's own agency
// (the only agency whose rules an admin may touch), and validate its input with the same schema the form action
// uses, so a direct call with bad input is refused exactly like a form post.

/** The actor's agency id, once they may configure attendance there; otherwise "forbidden". */
export function configurableAgency(ctx: Pick<Ctx, "actor">): number {
  assertCan(ctx.actor, "attendance.configure", { agencyId: ctx.actor.agencyId });
  return ctx.actor.agencyId;
}

/**
 * The parsed input, or `invalid` with one message key per form field (the first path segment, as defineAction
 * does). Schemas put message keys into every check; anything else becomes the generic "validation.invalid".
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!fieldErrors[field]) fieldErrors[field] = hasMessage(issue.message) ? issue.message : "validation.invalid";
  }
  throw invalid(fieldErrors);
}

/**
 * The scope of a schedule or site: null (the whole agency) or a unit of the agency. An inactive unit only when
 * the row already points to it (`keep`), so editing an old row does not force a new scope on it.
 */
export function assertScopeUnit(db: DbOrTx, agencyId: number, unitId: number | null, keep: number | null = null): void {
  if (unitId === null) return;
  const unit = db.select({ active: units.active }).from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId))).get();
  if (!unit || (!unit.active && unitId !== keep)) throw invalid({ unitId: "presensiAdmin.scopeInvalid" });
}
