"use client";

import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";

type Option = { value: string; label: string };

/** Switches the acting assignment (own post or Plt/Plh post). Submits on change; the button covers no-JS. */
export function ActingSwitcher({
  action,
  options,
  current,
  label,
  submitLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  options: Option[];
  current: string;
  label: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="flex w-full items-center gap-2 md:w-auto" data-testid="acting-switcher">
      <label htmlFor="acting-assignment" className="sr-only">
        {label}
      </label>
      <select
        id="acting-assignment"
        name="assignmentId"
        defaultValue={current}
        disabled={pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="min-h-11 w-full truncate rounded-lg border border-white/30 bg-brand-900 px-2 text-sm text-white md:w-80"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="min-h-11 rounded-lg bg-white px-3 text-sm font-semibold text-brand-900">
          {submitLabel}
        </button>
      </noscript>
      {state.status === "error" && <span className="text-xs text-red-100">{state.message}</span>}
    </form>
  );
}
