"use client";

import { useActionState } from "react";
import { submitWithoutReset } from "@/components/ui/action-form";
import { idleState, type ActionState } from "@/lib/actions/action-state";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-900",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
};

/**
 * One button in a list row that posts a few hidden fields (delete this holiday, allow this employee). The
 * visible text is short; `accessibleLabel` names the row for screen readers, who otherwise hear ten "Hapus"
 * buttons. Errors and the success message appear under the button.
 */
export function InlineAction({
  action,
  fields,
  text,
  accessibleLabel,
  pendingText,
  variant = "secondary",
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  text: string;
  accessibleLabel?: string;
  pendingText: string;
  variant?: keyof typeof variants;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="flex shrink-0 flex-col items-start gap-1 sm:items-end" noValidate>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-60 ${variants[variant]}`}
      >
        {pending ? pendingText : text}
      </button>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-red-700 sm:max-w-56 sm:text-right">
          {state.message}
        </p>
      )}
      {state.status === "ok" && state.message && (
        <p role="status" className="text-sm text-emerald-800 sm:max-w-56 sm:text-right">
          {state.message}
        </p>
      )}
    </form>
  );
}
