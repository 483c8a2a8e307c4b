"use client";

import { useId } from "react";
import { FieldShell } from "@/components/ui/fields";
import { useFieldError } from "@/components/ui/action-form";

/** A 24-hour time ("07:30") with the shared label, hint and error; phones show their own time picker. */
export function TimeField({ name, label, hint, defaultValue }: { name: string; label: string; hint?: string; defaultValue?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="time"
        step={60}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      />
    </FieldShell>
  );
}
