import "server-only";
import { headers } from "next/headers";

/**
 * Where QR codes point: KAWAN_PUBLIC_URL when configured (set it in production: the address is signed
 * into the document forever), else the origin this request came to.
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = process.env.KAWAN_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
