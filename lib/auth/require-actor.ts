import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Ctx } from "@/lib/context";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { authSecret } from "./auth-secret";
import { currentRequestInfo } from "./request-info";
import { sessionIdFromCookie } from "./session-cookie";
import { loadActor } from "./sessions";

/** The signed-in actor of this request, or null. Cached per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const sid = await sessionIdFromCookie((name) => jar.get(name)?.value, authSecret());
  if (!sid) return null;
  return loadActor(getDb(), sid, new Date());
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  return actor;
}

/** The full lib context of this request. */
export async function requestContext(actor: Actor): Promise<Ctx> {
  return { db: getDb(), actor, now: new Date(), request: await currentRequestInfo() };
}

/** For pages: the actor if they hold the permission; otherwise the 403 page (app/forbidden.tsx). */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (actor.mustChangePassword) redirect("/ganti-kata-sandi");
  if (!can(actor, permission)) forbidden();
  return actor;
}
