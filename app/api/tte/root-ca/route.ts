import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { agencies } from "@/db/schema";
import { currentActor } from "@/lib/auth/require-actor";
import { requestInfoFromHeaders } from "@/lib/auth/request-info";
import { agencyRootCertificate, ensureAgencyAuthorityById } from "@/lib/signing/authority";
import { certificatePem } from "@/lib/signing/certificates";

/**
 * The agency root certificate, public: whoever checks a signed PDF needs it to trust the signature.
 * Which agency: ?instansi=<id>, else the signed-in employee's, else the only agency of this installation.
 * ?format=cer gives DER with a .cer name, which Adobe Reader's import dialog lists; the default is PEM.
 * Created on first request if the agency has none yet (the key is generated once; a race keeps one).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const db = getDb();
  const requested = url.searchParams.get("instansi");
  let agencyId: number | null = null;
  if (requested !== null) {
    agencyId = /^\d{1,9}$/.test(requested) ? Number(requested) : null;
  } else {
    agencyId = (await currentActor())?.agencyId ?? null;
    if (agencyId === null && (db.select({ n: count() }).from(agencies).get()?.n ?? 0) === 1) {
      agencyId = db.select({ id: agencies.id }).from(agencies).get()?.id ?? null;
    }
  }
  if (agencyId === null) return new Response("Sertifikat akar tidak ditemukan: sebutkan ?instansi=<id>.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

  let der = agencyRootCertificate(db, agencyId);
  if (!der) der = (await ensureAgencyAuthorityById(db, agencyId, new Date(), requestInfoFromHeaders(request.headers)))?.certificateDer ?? null;
  if (!der) return new Response("Instansi tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

  const asDer = url.searchParams.get("format") === "cer";
  const body = asDer ? new Uint8Array(der) : certificatePem(der);
  return new Response(body, {
    headers: {
      "content-type": asDer ? "application/pkix-cert" : "application/x-pem-file",
      "content-disposition": `attachment; filename="${asDer ? "kawan-root-ca.cer" : "kawan-root-ca.pem"}"`,
      "x-content-type-options": "nosniff",
      // Varies with the signed-in agency when no ?instansi is given, so only the browser may keep it.
      "cache-control": requested !== null ? "public, max-age=3600" : "private, max-age=3600",
    },
  });
}
