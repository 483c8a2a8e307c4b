import "server-only";
import { headers } from "next/headers";
import type { RequestInfo } from "@/lib/context";

/** Client IP and user agent of the current request, for throttling and the audit trail. */
export async function currentRequestInfo(): Promise<RequestInfo> {
  const h = await headers();
  return requestInfoFromHeaders(h);
}

export function requestInfoFromHeaders(h: Headers): RequestInfo {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || "unknown", userAgent: h.get("user-agent") ?? "" };
}
