import { createSerwistRoute } from "@serwist/turbopack";

// Builds app/sw.ts with esbuild at `next build` (the route is static) and serves it as /serwist/sw.js with
// Service-Worker-Allowed: / so that it controls the whole app. The precache list holds only what is the same for
// everyone (see app/sw.ts); each entry is revisioned by its content hash.
const serwist = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  globPatterns: [".next/static/**/*.css", "public/icons/*.{png,svg}", "public/offline.html"],
});

export const { dynamic, dynamicParams, revalidate, generateStaticParams } = serwist;

const FILES = new Set(["sw.js", "sw.js.map"]);

/** Serwist's handler answers 200 with an empty body for any other name (or throws without one): 404 instead. */
export async function GET(request: Request, context: { params: Promise<{ path?: string }> }): Promise<Response> {
  const { path } = await context.params;
  if (!path || !FILES.has(path)) return new Response("Tidak ditemukan", { status: 404 });
  return serwist.GET(request, { params: Promise.resolve({ path }) });
}
