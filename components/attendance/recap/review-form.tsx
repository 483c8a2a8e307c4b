"use client";

import { useActionState, useId } from "react";
import { Check, X } from "lucide-react";
import { submitWithoutReset } from "@/components/ui/action-form";
import { idleState, type ActionState } from "@/lib/actions/action-state";

export type ReviewFormLabels = { note: string; noteHint: string; accept: string; reject: string; pending: string };

/**
 * Accept or reject one flagged clock record: one form, the pressed button names the decision; the note is required
 * when rejecting (the server says so). Works before JavaScript loads.
 */
export function ReviewForm({
  action,
  recordId,
  unitId,
  labels,
  noteMax,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  recordId: number;
  /** The unit the team page shows, to come back to it. */
  unitId: number | null;
  labels: ReviewFormLabels;
  noteMax: number;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const id = useId();
  const noteError = state.status === "error" ? state.fieldErrors.note : undefined;
  const button = "inline-flex min-h-11 flex-1 items-center justify-center gap-2 rounded-lg px-4 py-2 font-semibold disabled:opacity-60 sm:flex-none";
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-3" noValidate>
      <input type="hidden" name="recordId" value={recordId} />
      {unitId !== null && <input type="hidden" name="unit" value={unitId} />}
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
        <button type="submit" name="decision" value="accept" disabled={pending} className={`${button} bg-brand-700 text-white hover:bg-brand-900`}>
          <Check aria-hidden className="size-5" />
          {pending ? labels.pending : labels.accept}
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className={`${button} border border-red-300 bg-white text-red-800 hover:bg-red-50`}>
          <X aria-hidden className="size-5" />
          {labels.reject}
        </button>
      </div>
    </form>
  );
}
