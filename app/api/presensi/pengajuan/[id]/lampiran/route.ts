import { requestAttachment } from "@/lib/attendance/requests/access";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/presensi/pengajuan/<id>/lampiran: a request's supporting document (the doctor's letter) for the employee,
 * whoever holds the approving post today, and the personnel office. Anyone else gets the 404 of a missing request.
 * The stored type was recognised from the bytes on upload; the sandbox keeps even a PDF from running as our origin.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return text("Silakan masuk.", 401);
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return text("Tidak ditemukan.", 404);
  try {
    const found = requestAttachment(await requestContext(actor), Number(id));
    if (!found) return text("Tidak ditemukan.", 404);
    const { file } = found;
    const extension = file.mediaType === "application/pdf" ? "pdf" : file.mediaType === "image/png" ? "png" : "jpg";
    return new Response(new Uint8Array(file.data), {
      headers: {
        "content-type": file.mediaType,
        // Photos open in the browser; PDFs download, because phone browsers do not show them inline.
        "content-disposition": `${file.mediaType === "application/pdf" ? "attachment" : "inline"}; filename="lampiran-pengajuan-${id}.${extension}"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox",
        "cache-control": "private, no-cache",
        etag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text("Tidak ditemukan.", 404);
    throw error;
  }
}
