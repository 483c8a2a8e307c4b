// Turning FormData strings into the typed input of the use cases. Empty fields become undefined (or null where
// the field may be left empty) so the schema reports them with its own message key; Indonesian users type a
// decimal comma ("0,5"), which is read as a point.

export type FormRecord = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** A number, or undefined when empty; NaN for text that is not a number (the schema refuses both). */
export function formNumber(v: unknown): number | undefined {
  const s = text(v);
  if (s === "") return undefined;
  return Number(s.includes(".") ? s : s.replace(",", "."));
}

/** Like formNumber, but an empty field means "none". */
export function formNumberOrNull(v: unknown): number | null {
  return text(v) === "" ? null : (formNumber(v) as number);
}

export const formText = (v: unknown): string => (typeof v === "string" ? v : "");

export const formTextOrNull = (v: unknown): string | null => (text(v) === "" ? null : text(v));

/** A checkbox posts "on" when ticked and nothing otherwise. */
export const formCheckbox = (v: unknown): boolean => v === "on" || v === "true" || v === true;

/** "" for the whole agency, else a unit id. */
export const formUnitId = (v: unknown): number | null => (text(v) === "" ? null : Number(text(v)));

/** The record behind z.preprocess: FormData arrives as a plain object (lib/actions/form-data.ts). */
export const asRecord = (raw: unknown): FormRecord => (typeof raw === "object" && raw !== null ? (raw as FormRecord) : {});
