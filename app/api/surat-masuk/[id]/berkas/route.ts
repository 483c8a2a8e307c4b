import { desc, eq } from "drizzle-orm";
import { documentRevisions, officialDocuments } from "@/db/schema";
import { pdfDownloadHeaders, pdfFileName } from "@/components/signing/pdf-download";
import { currentActor, requestContext } from "@/lib/auth/require-actor";
import type { Ctx } from "@/lib/context";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { DomainError } from "@/lib/errors";
import { sqliteFileStore, type StoredFile } from "@/lib/files/file-store";
import { visibleLetter, type IncomingLetter } from "@/lib/incoming/access";
import { letterDetail, type TreeNode } from "@/lib/incoming/letter-queries";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The letter's PDF: the clerk's scan, or for a letter delivered inside Kawan the latest revision of the
 * official document's signed PDF. Seeing the letter is the permission here: a reader down the disposition
 * tree is usually no participant of the sending document, so it is read from the tables, not documentPdf.
 */
function letterPdf(ctx: Ctx, letter: IncomingLetter): StoredFile | null {
  if (letter.fileSha256) return sqliteFileStore.get(ctx.db, letter.fileSha256);
  if (!letter.officialDocumentId) return null;
  const doc = ctx.db.select({ signedDocumentId: officialDocuments.signedDocumentId }).from(officialDocuments).where(eq(officialDocuments.id, letter.officialDocumentId)).get();
  if (!doc?.signedDocumentId) return null;
  const revision = ctx.db
    .select({ sha: documentRevisions.fileSha256 })
    .from(documentRevisions)
    .where(eq(documentRevisions.documentId, doc.signedDocumentId))
    .orderBy(desc(documentRevisions.sequence))
    .get();
  return revision ? sqliteFileStore.get(ctx.db, revision.sha) : null;
}

/** A follow-up file, only from a node of the tree the actor may see (never a sibling branch's). */
function followUpFile(ctx: Ctx, letterId: number, dispositionId: number): StoredFile | null {
  const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
  const node = flatten(letterDetail(ctx, letterId, agencyTimeZone(ctx)).tree).find((n) => n.id === dispositionId);
  return node?.followUpFileSha256 ? sqliteFileStore.get(ctx.db, node.followUpFileSha256) : null;
}

/**
 * GET /api/surat-masuk/<id>/berkas: the scanned letter for whoever may see the letter;
 * ?tindak-lanjut=<dispositionId>: the file attached to that disposition's follow-up (PDF or photo).
 * Anyone else gets the same 404 as for a missing letter.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return text("Silakan masuk.", 401);
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return text("Tidak ditemukan.", 404);
  const followUp = new URL(request.url).searchParams.get("tindak-lanjut");
  if (followUp !== null && !/^\d{1,12}$/.test(followUp)) return text("Tidak ditemukan.", 404);
  try {
    const ctx = await requestContext(actor);
    const letter = visibleLetter(ctx, Number(id));
    const file = followUp === null ? letterPdf(ctx, letter) : followUpFile(ctx, letter.id, Number(followUp));
    if (!file) return text("Tidak ditemukan.", 404);
    const base = pdfFileName(`surat-masuk-${letter.agendaNumber}-${letter.subject}`, followUp === null ? "" : `-tindak-lanjut-${followUp}`);
    if (file.mediaType === "application/pdf") {
      return new Response(new Uint8Array(file.data), { headers: pdfDownloadHeaders(base, file.sha256, "private, no-cache") });
    }
    // A photo: the stored type was recognised from its bytes when it was uploaded.
    const extension = file.mediaType === "image/png" ? ".png" : ".jpg";
    return new Response(new Uint8Array(file.data), {
      headers: {
        ...pdfDownloadHeaders(base.replace(/\.pdf$/, extension), file.sha256, "private, no-cache"),
        "content-type": file.mediaType,
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text("Tidak ditemukan.", 404);
    throw error;
  }
}
