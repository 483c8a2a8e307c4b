import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { myCertificates } from "@/lib/signing/certificate-queries";
import { certificatePem } from "@/lib/signing/certificates";

/** One of the signed-in employee's own certificates (public part only), as PEM. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Silakan masuk.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const id = new URL(request.url).searchParams.get("id") ?? "";
  const certificate = /^\d{1,12}$/.test(id) ? myCertificates({ db: getDb(), actor, now: new Date() }).find((c) => c.id === Number(id)) : undefined;
  if (!certificate) return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(certificatePem(certificate.certificateDer), {
    headers: {
      "content-type": "application/x-pem-file",
      "content-disposition": `attachment; filename="sertifikat-tte-${certificate.serialHex.slice(0, 12)}.pem"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
