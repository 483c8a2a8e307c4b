/**
 * A refusal or failure the user should understand. `messageKey` points into messages/*.json;
 * `params` fill its {placeholders}; `fieldErrors` map form fields to message keys.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "forbidden" | "not_found" | "invalid" | "conflict" | "throttled" | "unauthenticated",
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export const forbidden = () => new DomainError("forbidden", "errors.forbidden");
export const notFound = () => new DomainError("not_found", "errors.notFound");
export const invalid = (fieldErrors: Record<string, string>, messageKey = "errors.invalidInput") =>
  new DomainError("invalid", messageKey, {}, fieldErrors);
