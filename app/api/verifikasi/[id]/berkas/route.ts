import { pdfDownloadHeaders, pdfFileName } from "@/components/signing/pdf-download";
import { getDb } from "@/db";
import { publicSignedFile, publicVerification } from "@/lib/signing/verification";

/**
 * GET /api/verifikasi/<verification id>/berkas: the final signed file, public like the verification page;
 * never for Rahasia / Sangat Rahasia documents or documents still being signed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDb();
  const bytes = publicSignedFile(db, id);
  const verification = bytes ? publicVerification(db, id) : null;
  if (!bytes || !verification?.found || !verification.finalSha256) {
    return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const name = pdfFileName(verification.title ?? "dokumen", "-ditandatangani");
  // The final file of a completed document never changes again.
  return new Response(new Uint8Array(bytes), { headers: pdfDownloadHeaders(name, verification.finalSha256, "public, max-age=300") });
}
