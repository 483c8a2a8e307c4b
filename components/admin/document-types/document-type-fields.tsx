"use client";

import { useId, useState } from "react";
import { useFieldError } from "@/components/ui/action-form";
import { FieldShell } from "@/components/ui/fields";
import { renderNumber, TEMPLATE_MAX_LENGTH, templateProblem, type NumberValues } from "@/lib/numbering/template";

// Client-side controls of the document type form: the layout choice with an explanation per option, and the
// numbering template with a live example number.

/** The document the example number is rendered for; the label's {placeholders} name the same values. */
const SAMPLE_SEQUENCE = 7;
const SAMPLE_VALUES = { kode: "800.1.2", unit: "DISKOMINFO", sifat: "B" } as const satisfies NumberValues;

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** Same look as the shared TextField, in monospace for the template's tokens. */
const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-base text-slate-900 shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600";

/** One-of-several choice shown as cards, each option with a line explaining it. */
export function RadioCardsField({
  name,
  legend,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; description: string }[];
  defaultValue?: string;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.map((o) => (
        <label
          key={o.value}
          className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
        >
          <input type="radio" name={name} value={o.value} defaultChecked={o.value === defaultValue} className="mt-0.5 size-5 shrink-0 accent-brand-700" />
          <span className="min-w-0">
            <span className="block text-sm font-medium text-slate-900">{o.label}</span>
            <span className="block text-xs text-slate-600">{o.description}</span>
          </span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export type NumberingTemplateLabels = {
  label: string;
  hint: string;
  /** With {sequence}, {kode}, {unit} and {sifat} for the sample values. */
  example: string;
  /** Template problem texts by message key (numbering.template.*), with their {placeholders} unfilled. */
  problems: Record<string, string>;
  /** For a problem key without a text. */
  invalid: string;
};

/**
 * The numbering template input. Under it, as the admin types, the number a sample document would get this
 * month (in the agency's time zone), or why the template cannot be used. The server checks it again on save.
 */
export function NumberingTemplateField({
  name,
  defaultValue,
  timeZone,
  labels,
}: {
  name: string;
  defaultValue: string;
  timeZone: string;
  labels: NumberingTemplateLabels;
}) {
  const id = useId();
  const error = useFieldError(name);
  const [value, setValue] = useState(defaultValue);
  const [now] = useState(() => new Date());

  const template = value.trim();
  const problem = templateProblem(template);
  let example: string | null = null;
  if (!problem) {
    try {
      example = renderNumber(template, { sequence: SAMPLE_SEQUENCE, now, timeZone, values: SAMPLE_VALUES });
    } catch {
      example = null;
    }
  }
  const problemText = problem ? fill(labels.problems[problem.messageKey] ?? labels.invalid, problem.params) : null;

  return (
    <FieldShell id={id} label={labels.label} hint={labels.hint} error={error}>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        required
        maxLength={TEMPLATE_MAX_LENGTH}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${error ? `${id}-error` : `${id}-hint`} ${id}-example`}
        className={inputClass}
      />
      <div id={`${id}-example`} aria-live="polite" className="rounded-lg bg-slate-50 px-3 py-2 empty:hidden" data-testid="numbering-example">
        {problemText !== null ? (
          // The server's message for the same problem is already shown under the field.
          problemText !== error && <p className="text-sm text-amber-900">{problemText}</p>
        ) : (
          example !== null && (
            <>
              <p className="text-xs text-slate-600">
                {fill(labels.example, { sequence: SAMPLE_SEQUENCE, ...SAMPLE_VALUES })}
              </p>
              <p className="font-mono text-base break-all text-slate-900">{example}</p>
            </>
          )
        )}
      </div>
    </FieldShell>
  );
}
