"use client";

import { useActionState } from "react";
import { ChevronDown, ChevronUp } from "lucide-react";
import { submitWithoutReset } from "@/components/ui/action-form";
import { idleState, type ActionState } from "@/lib/actions/action-state";

const button =
  "inline-flex size-11 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * Up and down for one instruction: one form, the pressed button names the direction. The buttons carry
 * their full meaning in aria-label and title (the icons alone say nothing to a screen reader).
 */
export function MoveButtons({
  action,
  instructionId,
  upLabel,
  downLabel,
  first,
  last,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  instructionId: number;
  upLabel: string;
  downLabel: string;
  first: boolean;
  last: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="flex shrink-0 flex-col items-end gap-1" noValidate>
      <input type="hidden" name="instructionId" value={instructionId} />
      <div className="flex gap-2">
        <button type="submit" name="direction" value="up" disabled={pending || first} aria-label={upLabel} title={upLabel} className={button}>
          <ChevronUp aria-hidden className="size-5" />
        </button>
        <button type="submit" name="direction" value="down" disabled={pending || last} aria-label={downLabel} title={downLabel} className={button}>
          <ChevronDown aria-hidden className="size-5" />
        </button>
      </div>
      {state.status === "error" && (
        <p role="alert" className="max-w-48 text-right text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
