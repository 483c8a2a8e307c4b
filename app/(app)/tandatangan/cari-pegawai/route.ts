import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { signerCandidates } from "@/lib/signing/signer-search";

/**
 * GET /tandatangan/cari-pegawai?q=… : up to 10 active employees of the signed-in employee's own agency,
 * for the signer picker. A GET route rather than a server action: the picker fires one request per
 * pause in typing and aborts stale ones, which the router's one-at-a-time action queue would not allow.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const matches = signerCandidates({ db: getDb(), actor, now: new Date() }, q);
  return Response.json({ matches }, { headers: { "cache-control": "private, no-store" } });
}
