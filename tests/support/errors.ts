import { DomainError } from "@/lib/errors";

/**
 * "ok", or the refusal as "code:messageKey" (e.g. "not_found:errors.notFound"), for asserting who is refused
 * what. Takes the work itself (sync or async) or a promise already started.
 */
export async function codeOf(work: unknown): Promise<string> {
  try {
    await (typeof work === "function" ? (work as () => unknown)() : work);
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
}
