"use client";

import { createContext, startTransition, useActionState, useContext, type FormEvent, type ReactNode } from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const FormStateContext = createContext<ActionState>(idleState);

/** The field error for `name` from the last submission of the enclosing ActionForm. */
export function useFieldError(name: string): string | undefined {
  const state = useContext(FormStateContext);
  return state.status === "error" ? state.fieldErrors[name] : undefined;
}

/**
 * Submits through the action without React's automatic form reset: React 19 resets uncontrolled fields after
 * every action that returns, so a refused submission would throw away what the user typed. Without
 * JavaScript the browser posts the form to the same action, so the form still works before hydration.
 */
export function submitWithoutReset(formAction: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
}

/**
 * A form bound to a server action through useActionState: it works before JavaScript loads, shows the
 * action's message above the fields and each field's message under it.
 */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  children,
  className = "space-y-4",
  submitVariant = "primary",
  renderSuccess,
}: {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  children: ReactNode;
  className?: string;
  submitVariant?: "primary" | "danger" | "secondary";
  /** Replaces the form after success, e.g. to show a one-time password; rendered on the server too (no JS needed). */
  renderSuccess?: (data: unknown) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  if (renderSuccess && state.status === "ok") return renderSuccess(state.data);
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} onSubmit={submitWithoutReset(formAction)} className={className} noValidate>
        {state.status === "error" && (
          <p role="alert" data-testid="form-error" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        {state.status === "ok" && state.message && (
          <p role="status" data-testid="form-success" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {state.message}
          </p>
        )}
        {children}
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} variant={submitVariant} pending={pending} />
      </form>
    </FormStateContext.Provider>
  );
}

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-900",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
};

function SubmitButton({ label, pendingLabel, variant, pending }: { label: string; pendingLabel?: string; variant: keyof typeof variants; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`inline-flex min-h-11 w-full items-center justify-center rounded-lg px-4 py-2 font-semibold disabled:opacity-60 sm:w-auto ${variants[variant]}`}
    >
      {pending ? (pendingLabel ?? label) : label}
    </button>
  );
}
