import type { NumberingScope } from "@/db/schema";

// A register key names one number register of an agency (its year is a separate column):
//   "agency:SE"    one register for the whole agency, series SE (Surat Edaran of the Bupati)
//   "unit:12:ND"   one register per unit, here unit 12, series ND (Nota Dinas)
// The series is a document type code or the name of a book shared by several types; numbers must not repeat
// within an agency's series. Pure functions, no database.

/** A document type code or book name: upper-case letters, digits and hyphens, e.g. "ND", "SPRIN", "BUKU-SK". */
export const SERIES_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/;

export type RegisterKey = { scope: "agency"; series: string } | { scope: "unit"; unitId: number; series: string };

export function formatRegisterKey(key: RegisterKey): string {
  if (!SERIES_PATTERN.test(key.series)) throw new RangeError(`series ${JSON.stringify(key.series)}`);
  if (key.scope === "agency") return `agency:${key.series}`;
  if (!Number.isSafeInteger(key.unitId) || key.unitId < 1) throw new RangeError(`unit ${key.unitId}`);
  return `unit:${key.unitId}:${key.series}`;
}

/** The parsed key, or null when the text is not a register key. */
export function parseRegisterKey(text: string): RegisterKey | null {
  const agency = /^agency:([^:]+)$/.exec(text);
  if (agency) return SERIES_PATTERN.test(agency[1]) ? { scope: "agency", series: agency[1] } : null;
  const unit = /^unit:([1-9]\d{0,14}):([^:]+)$/.exec(text);
  if (unit && SERIES_PATTERN.test(unit[2])) return { scope: "unit", unitId: Number(unit[1]), series: unit[2] };
  return null;
}

/**
 * The register a document of this type, drafted for this unit, takes its number from: the agency's register
 * of the type, or the unit's own. `scope` defaults to the type's configured scope.
 */
export function registerKeyFor(
  docType: { code: string; numberingScope?: NumberingScope },
  unit: { id: number } | null,
  scope: NumberingScope = docType.numberingScope ?? "agency",
): string {
  if (scope === "agency") return formatRegisterKey({ scope, series: docType.code });
  if (!unit) throw new Error(`document type ${docType.code} is numbered per unit, but no unit was given`);
  return formatRegisterKey({ scope, unitId: unit.id, series: docType.code });
}
