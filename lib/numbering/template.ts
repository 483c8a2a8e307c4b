import type { SECURITY_CLASSES as SCHEMA_SECURITY_CLASSES } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { localDate } from "@/lib/time";

// Numbering templates: literal text with tokens in braces, e.g. "{sifat}/{kode}/{urut:4}/{unit}/{tahun}".
// Pure functions without database or server imports, so a client form can preview numbers with them too.

export const TEMPLATE_TOKENS = ["kode", "urut", "unit", "tahun", "bulan", "bulan_romawi", "sifat"] as const;
export type TemplateToken = (typeof TEMPLATE_TOKENS)[number];

export const TEMPLATE_MAX_LENGTH = 100;
/** {urut:N} pads to N digits; wider is never seen on paper and would hide a typing mistake. */
export const SEQUENCE_MAX_WIDTH = 6;

const SECURITY_CLASSES = ["B", "T", "R", "SR"] as const;
export type SecurityClass = (typeof SECURITY_CLASSES)[number];
// Kept in step with the schema's list (a type error otherwise) without importing the schema into client bundles.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const classesMatchSchema: Same<SecurityClass, (typeof SCHEMA_SECURITY_CLASSES)[number]> = true;
void classesMatchSchema;

/** What the document contributes to its number. Only the tokens the template uses are required. */
export type NumberValues = {
  /** Archive classification code, e.g. "800.1.2". */
  kode?: string;
  /** The unit's short name, e.g. "BKPSDM". */
  unit?: string;
  /** Security class letter: B, T, R or SR. */
  sifat?: SecurityClass;
};

/** A template problem as a message key (messages/*.json) with its parameters, for a form field. */
export type TemplateProblem = { messageKey: string; params: Record<string, string | number> };

type Part = { kind: "text"; text: string } | { kind: "token"; token: TemplateToken; width: number | null };

const TOKEN_PATTERN = /^([a-z_]+)(?::(\d{1,2}))?$/;
const KODE_PATTERN = /^\d{3}(\.\d+)*$/;
const ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

const problem = (messageKey: string, params: Record<string, string | number> = {}): TemplateProblem => ({ messageKey, params });

function parse(template: string): { parts: Part[] } | { problem: TemplateProblem } {
  if (template.trim() === "") return { problem: problem("numbering.template.required") };
  if (template.length > TEMPLATE_MAX_LENGTH) return { problem: problem("numbering.template.tooLong", { max: TEMPLATE_MAX_LENGTH }) };
  const parts: Part[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const close = template.indexOf("}", i);
    if (close >= 0 && (open < 0 || close < open)) return { problem: problem("numbering.template.unbalancedBrace") };
    if (open < 0) {
      parts.push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) parts.push({ kind: "text", text: template.slice(i, open) });
    const end = template.indexOf("}", open);
    const nextOpen = template.indexOf("{", open + 1);
    if (end < 0 || (nextOpen >= 0 && nextOpen < end)) return { problem: problem("numbering.template.unbalancedBrace") };
    const body = template.slice(open + 1, end);
    const match = TOKEN_PATTERN.exec(body);
    const token = match?.[1] as TemplateToken | undefined;
    if (!match || !token || !(TEMPLATE_TOKENS as readonly string[]).includes(token)) {
      return { problem: problem("numbering.template.unknownToken", { token: `{${body}}` }) };
    }
    let width: number | null = null;
    if (match[2] !== undefined) {
      width = Number(match[2]);
      if (token !== "urut") return { problem: problem("numbering.template.unknownToken", { token: `{${body}}` }) };
      if (width < 1 || width > SEQUENCE_MAX_WIDTH) return { problem: problem("numbering.template.badWidth", { max: SEQUENCE_MAX_WIDTH }) };
    }
    parts.push({ kind: "token", token, width });
    i = end + 1;
  }
  if (!parts.some((p) => p.kind === "token" && p.token === "urut")) return { problem: problem("numbering.template.missingSequence") };
  return { parts };
}

/** Why a template cannot be used, or null when it can. */
export function templateProblem(template: string): TemplateProblem | null {
  const parsed = parse(template);
  return "problem" in parsed ? parsed.problem : null;
}

/** The tokens a valid template uses (so a form knows which fields the number needs); empty when invalid. */
export function templateTokens(template: string): Set<TemplateToken> {
  const parsed = parse(template);
  if ("problem" in parsed) return new Set();
  return new Set(parsed.parts.flatMap((p) => (p.kind === "token" ? [p.token] : [])));
}

export function romanMonth(month: number): string {
  const roman = ROMAN_MONTHS[month - 1];
  if (!roman) throw new RangeError(`month ${month}`);
  return roman;
}

/**
 * Year and month of the instant on the agency's calendar: a number issued at 2026-12-31T17:30Z belongs to
 * 2027 in WIB (UTC+7), and the register's sequence restarts with it.
 */
export function numberingDate(now: Date, timeZone: string): { year: number; month: number } {
  const date = localDate(now, timeZone);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

function valueFor(token: "kode" | "unit" | "sifat", values: NumberValues): string {
  const raw = values[token];
  const value = typeof raw === "string" ? raw.trim() : "";
  if (value === "") throw new DomainError("invalid", "numbering.missingValue", { token: `{${token}}` });
  const wellFormed =
    token === "kode"
      ? KODE_PATTERN.test(value)
      : token === "sifat"
        ? (SECURITY_CLASSES as readonly string[]).includes(value)
        : value.length <= 50 && !/[{}]/.test(value);
  if (!wellFormed) throw new DomainError("invalid", "numbering.invalidValue", { token: `{${token}}` });
  return value;
}

function render(
  template: string,
  sequence: string | ((width: number | null) => string),
  at: { now: Date; timeZone: string },
  values: NumberValues,
  missing: string | null,
): string {
  const parsed = parse(template);
  if ("problem" in parsed) throw new DomainError("invalid", parsed.problem.messageKey, parsed.problem.params);
  const { year, month } = numberingDate(at.now, at.timeZone);
  return parsed.parts
    .map((part) => {
      if (part.kind === "text") return part.text;
      switch (part.token) {
        case "urut":
          return typeof sequence === "string" ? sequence : sequence(part.width);
        case "tahun":
          return String(year);
        case "bulan":
          return String(month).padStart(2, "0");
        case "bulan_romawi":
          return romanMonth(month);
        default:
          if (missing === null) return valueFor(part.token, values);
          try {
            return valueFor(part.token, values);
          } catch {
            return missing;
          }
      }
    })
    .join("");
}

/**
 * Renders a final number. Throws a DomainError ("invalid") for an unusable template or a value the
 * template needs but the document lacks, before anything is written.
 */
export function renderNumber(
  template: string,
  input: { sequence: number; now: Date; timeZone: string; values: NumberValues },
): string {
  if (!Number.isInteger(input.sequence) || input.sequence < 1) throw new RangeError(`sequence ${input.sequence}`);
  const digits = String(input.sequence);
  return render(template, (width) => (width ? digits.padStart(width, "0") : digits), input, input.values, null);
}

/**
 * The number as a draft shows it before signature: everything but the sequence, which only the server gives
 * out at finalisation. `placeholder` stands where the urut will be, and for values not chosen yet (a draft
 * without an archive code). Still throws for an unusable template.
 */
export function renderProvisionalNumber(
  template: string,
  input: { now: Date; timeZone: string; values: NumberValues; placeholder?: string },
): string {
  const placeholder = input.placeholder ?? "…";
  return render(template, placeholder, input, input.values, placeholder);
}
