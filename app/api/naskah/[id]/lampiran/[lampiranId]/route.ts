import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { attachmentFile } from "@/lib/documents/document-files";
import { DomainError } from "@/lib/errors";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** GET /api/naskah/<id>/lampiran/<n>: an attachment, as a download, for whoever may see the document. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; lampiranId: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return text("Silakan masuk.", 401);
  const { id, lampiranId } = await params;
  if (!/^\d{1,12}$/.test(id) || !/^\d{1,12}$/.test(lampiranId)) return text("Tidak ditemukan.", 404);
  try {
    const { name, file } = attachmentFile({ db: getDb(), actor }, Number(id), Number(lampiranId));
    return new Response(new Uint8Array(file.data), {
      headers: {
        "content-type": file.mediaType,
        "content-disposition": `attachment; filename="${name.replace(/[^A-Za-z0-9 ._-]+/g, "_")}"`,
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
