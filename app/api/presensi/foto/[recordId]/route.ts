import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { recordSelfie } from "@/lib/attendance/recap/selfie";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/presensi/foto/<recordId>: the selfie taken with a check-in, for the employee and those who may see their
 * attendance (lib/attendance/recap/selfie.ts); 404 for everyone and everything else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ recordId: string }> }) {
  const actor = await currentActor();
  const t = translator(actor?.locale ?? "id");
  if (!actor || actor.mustChangePassword) return text(t("rekap.download.signIn"), 401);
  const { recordId } = await params;
  if (!/^\d{1,12}$/.test(recordId)) return text(t("rekap.download.notFound"), 404);
  try {
    const selfie = recordSelfie(await requestContext(actor), Number(recordId));
    const etag = `"${selfie.sha256}"`;
    const headers = {
      "content-type": selfie.mediaType,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      // The bytes never change for a record (content-addressed), but who may see them can: revalidate each time.
      "cache-control": "private, no-cache",
      etag,
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(selfie.data), { headers });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text(t("rekap.download.notFound"), 404);
    throw error;
  }
}
