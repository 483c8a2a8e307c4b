"use client";

import { useId } from "react";
import { FieldShell } from "@/components/ui/fields";
import { useFieldError } from "@/components/ui/action-form";

/** A few CIDR blocks, one per line or separated by commas: a small text area, no spell checking. */
export function NetworksField({ name, label, hint, defaultValue }: { name: string; label: string; hint?: string; defaultValue?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={2}
        maxLength={2000}
        defaultValue={defaultValue}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        placeholder="103.10.20.0/24, 2001:db8:10::/48"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      />
    </FieldShell>
  );
}
