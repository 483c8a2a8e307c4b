import { currentActor, requestContext } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { markNotificationRead } from "@/lib/notifications/read";
import { isAppPath } from "@/lib/notifications/notify";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
const goTo = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

/**
 * GET /notifikasi/<id>: marks the reader's own notification read and goes where it leads. Someone else's id
 * answers 404, like a missing one. The list links here with a plain <a>, not next/link, whose prefetch would
 * mark notifications read that were only scrolled past. Marking read is the only effect, and harmless if a
 * third party triggers it, so a GET is fine.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return goTo("/masuk");
  if (actor.mustChangePassword) return goTo("/ganti-kata-sandi");
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return text("Tidak ditemukan.", 404);
  try {
    const { href } = markNotificationRead(await requestContext(actor), Number(id));
    // Written only by lib/notifications, which accepts app paths only; checked again so this never redirects off-site.
    return goTo(isAppPath(href) ? href : "/notifikasi");
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return text("Tidak ditemukan.", 404);
    throw error;
  }
}
