import { pdfDownloadHeaders, pdfFileName } from "@/components/signing/pdf-download";
import { getDb } from "@/db";
import { currentActor } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { signingDocumentDetail, signingDocumentFile } from "@/lib/signing/document-queries";

const notFound = () => new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /api/tandatangan/<id>/berkas[?versi=<n>]: a revision of a signing document (the latest without
 * ?versi), for its owner and its signers only; anyone else gets the same 404 as for a missing document.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return new Response("Silakan masuk.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  const version = new URL(request.url).searchParams.get("versi");
  if (!/^\d{1,12}$/.test(id) || (version !== null && !/^\d{1,6}$/.test(version))) return notFound();
  const ctx = { db: getDb(), actor };
  try {
    const file = signingDocumentFile(ctx, Number(id), version === null ? undefined : Number(version));
    if (!file) return notFound();
    const { document, revisions } = signingDocumentDetail(ctx, Number(id));
    const latest = file.sequence === revisions.at(-1)?.sequence;
    const suffix = file.sequence === 1 ? "" : latest && document.status === "signed" ? "-ditandatangani" : `-versi-${file.sequence}`;
    return new Response(new Uint8Array(file.bytes), { headers: pdfDownloadHeaders(pdfFileName(document.title, suffix), file.sha256, "private, no-cache") });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return notFound();
    throw error;
  }
}
