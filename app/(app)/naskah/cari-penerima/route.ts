import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { parseSearchKinds, searchRecipients } from "@/lib/documents/recipient-search";

/**
 * GET /naskah/cari-penerima?q=…&kinds=position,unit,employee : up to 15 recipients (positions, units,
 * employees) of the signed-in employee's own agency, as { matches: PickedRecipient[] }. A GET route for
 * the same reason as /tandatangan/cari-pegawai: search-as-you-type with aborted stale requests.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const t = translator(actor.locale);
  const matches = searchRecipients({ db: getDb(), actor, now: new Date() }, params.get("q") ?? "", parseSearchKinds(params.get("kinds")), {
    vacant: t("compose.recipientSearch.vacant"),
    unit: t("compose.recipientSearch.unit"),
  });
  return Response.json({ matches }, { headers: { "cache-control": "private, no-store" } });
}
