"use client";

import { useActionState, useId } from "react";
import { Check, X } from "lucide-react";
import { submitWithoutReset } from "@/components/ui/action-form";
import { idleState, type ActionState } from "@/lib/actions/action-state";

export type DecisionFormLabels = { note: string; noteHint: string; yes: string; no: string; pending: string };

/**
 * A yes-or-no decision with a note (approve a request, accept a flagged record): one form, the pressed button posts
 * `decision` as `values.yes` or `values.no`; whether the note is required is the server's rule. Works before
 * JavaScript loads.
 */
export function DecisionForm({
  action,
  hidden,
  values,
  labels,
  noteMax,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** What the decision is about (its id, where to come back to), posted as hidden fields. */
  hidden: Record<string, string | number>;
  values: { yes: string; no: string };
  labels: DecisionFormLabels;
  noteMax: number;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const id = useId();
  const noteError = state.status === "error" ? state.fieldErrors.note : undefined;
  const button = "inline-flex min-h-11 flex-1 items-center justify-center gap-2 rounded-lg px-4 py-2 font-semibold disabled:opacity-60 sm:flex-none";
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-3" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "error" && (
        <p role="alert" data-testid="form-error" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
          {labels.note}
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={noteMax}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={`${id}-note-help`}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
        />
        <p id={`${id}-note-help`} className={noteError ? "text-sm text-red-700" : "text-xs text-slate-600"}>
          {noteError ?? labels.noteHint}
        </p>
      </div>
      <div className="flex gap-2">
        <button type="submit" name="decision" value={values.yes} disabled={pending} className={`${button} bg-brand-700 text-white hover:bg-brand-900`}>
          <Check aria-hidden className="size-5" />
          {pending ? labels.pending : labels.yes}
        </button>
        <button type="submit" name="decision" value={values.no} disabled={pending} className={`${button} border border-red-300 bg-white text-red-800 hover:bg-red-50`}>
          <X aria-hidden className="size-5" />
          {labels.no}
        </button>
      </div>
    </form>
  );
}
