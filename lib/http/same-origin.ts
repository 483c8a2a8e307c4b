/**
 * A state-changing request from a script must come from our own pages: the browser sets Origin on every POST,
 * and a page elsewhere cannot make it look like ours. Server actions get this check from Next.js; route
 * handlers that write call this one.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
