"use client";

import { useId } from "react";
import { ClassificationPicker, type ClassificationPickerLabels } from "@/components/documents/classification-picker";
import { RecipientPicker, type RecipientPickerLabels } from "@/components/documents/recipient-picker";
import { useFieldError } from "@/components/ui/action-form";

// The custom controls of the Surat Masuk forms, each showing the error of the enclosing ActionForm under it.

/** Posts picked by search; the hidden input `name` holds `[{kind:"position",positionId}]` as JSON. */
export function PositionsField({ name, label, hint, max, labels }: { name: string; label: string; hint?: string; max: number; labels: RecipientPickerLabels }) {
  return <RecipientPicker name={name} label={label} hint={hint} initial={[]} kinds={["position"]} max={max} error={useFieldError(name)} labels={labels} />;
}

export function ClassificationField({ name, label, labels }: { name: string; label: string; labels: ClassificationPickerLabels }) {
  return <ClassificationPicker name={name} label={label} error={useFieldError(name)} labels={labels} />;
}

/** The agency's disposition instructions as checkboxes (`instructions`), plus "Lain-lain" as free text. */
export function InstructionChecklist({
  instructions,
  legend,
  otherLabel,
  otherHint,
}: {
  instructions: string[];
  legend: string;
  otherLabel: string;
  otherHint: string;
}) {
  const id = useId();
  const error = useFieldError("instructions");
  const otherError = useFieldError("otherInstruction");
  return (
    <fieldset className="space-y-1" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        {instructions.map((label) => (
          <label key={label} className="flex min-h-11 items-center gap-3 py-1 text-sm text-slate-800">
            <input type="checkbox" name="instructions" value={label} className="size-5 shrink-0 accent-brand-700" />
            <span className="wrap-anywhere">{label}</span>
          </label>
        ))}
      </div>
      <div className="space-y-1 pt-1">
        <label htmlFor={`${id}-other`} className="block text-sm font-medium text-slate-800">
          {otherLabel}
        </label>
        <input
          id={`${id}-other`}
          name="otherInstruction"
          maxLength={200}
          aria-describedby={`${id}-other-hint`}
          aria-invalid={otherError ? true : undefined}
          className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
        />
        <p id={`${id}-other-hint`} className="text-xs text-slate-600">
          {otherError ?? otherHint}
        </p>
      </div>
    </fieldset>
  );
}

/** A multi-line text field (notes, follow-up, reasons). */
export function TextAreaField({ name, label, hint, maxLength, rows = 3, optional }: { name: string; label: string; hint?: string; maxLength: number; rows?: number; optional?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="font-normal text-slate-600"> ({optional})</span>}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      />
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
