import { getDb } from "@/db";
import { getAgency } from "@/lib/org/agency";
import { sqliteFileStore } from "@/lib/files/file-store";

/** The agency logo is public (it is printed on every letter); served with the type sniffed at upload. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDb();
  const agency = /^\d{1,12}$/.test(id) ? getAgency(db, Number(id)) : null;
  const file = agency?.logoSha256 ? sqliteFileStore.get(db, agency.logoSha256) : null;
  if (!file) return new Response("Tidak ditemukan.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.mediaType,
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=3600",
      etag: `"${file.sha256}"`,
    },
  });
}
