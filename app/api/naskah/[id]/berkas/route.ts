import { pdfDownloadHeaders } from "@/components/signing/pdf-download";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { documentPdf } from "@/lib/documents/document-detail";
import { DomainError } from "@/lib/errors";
import { sha256Hex } from "@/lib/files/file-store";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/naskah/<id>/berkas: the document's PDF for whoever may see it: the latest signed revision once
 * it went to its signers, a provisional rendering of the draft before that (the compose form's preview).
 * Anyone else gets the same 404 as for a missing document.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return text("Silakan masuk.", 401);
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return text("Tidak ditemukan.", 404);
  try {
    const ctx = await requestContext(actor);
    const pdf = await documentPdf(ctx, Number(id));
    return new Response(new Uint8Array(pdf.bytes), { headers: pdfDownloadHeaders(pdf.fileName, sha256Hex(pdf.bytes), "private, no-cache") });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text("Tidak ditemukan.", 404);
    throw error;
  }
}
