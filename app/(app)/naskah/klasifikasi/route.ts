import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { searchClassificationCodes } from "@/lib/reference/classification-search";

/**
 * GET /naskah/klasifikasi?q=… : up to 20 archive classification codes for the compose form's picker, as
 * { matches: { code, name, parents }[] }. A GET route rather than a server action: the picker fires one
 * request per pause in typing and aborts stale ones, which the router's one-at-a-time action queue would
 * not allow. The codes are public regulation, but the route still wants a session like every app route.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const matches = searchClassificationCodes(getDb(), q);
  return Response.json({ matches }, { headers: { "cache-control": "private, no-store" } });
}
