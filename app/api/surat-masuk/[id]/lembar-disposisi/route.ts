import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { renderDispositionSheet } from "@/lib/incoming/disposition-sheet";
import { dispositionSheetFor } from "@/lib/incoming/sheet-data";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** GET /api/surat-masuk/<id>/lembar-disposisi: the printable disposition sheet, shown inline to print. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor || actor.mustChangePassword) return text("Silakan masuk.", 401);
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return text("Tidak ditemukan.", 404);
  try {
    const pdf = await renderDispositionSheet(dispositionSheetFor(await requestContext(actor), Number(id)));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="lembar-disposisi-${id}.pdf"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox",
        "cache-control": "private, no-cache",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) return text("Tidak ditemukan.", 404);
    throw error;
  }
}
