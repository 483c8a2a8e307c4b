"use client";

import { useId, type ReactNode } from "react";
import { useFieldError } from "./action-form";

const inputClass =
  "block min-h-11 w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600 border-slate-300";

/** Label, control, and the hint or the error under it; for custom controls too. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The word shown as "(opsional)" after the label. */
  optional?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="font-normal text-slate-600"> ({optional})</span>}
      </label>
      {children}
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

type TextFieldProps = {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "tel" | "date" | "search" | "number";
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  maxLength?: number;
  placeholder?: string;
};

export function TextField({ name, label, hint, type = "text", defaultValue, ...rest }: TextFieldProps) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass}
        {...rest}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  options,
  defaultValue,
  emptyLabel,
}: {
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  emptyLabel?: string;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="size-5 accent-brand-700" />
        {label}
      </label>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function FileField({ name, label, hint, accept }: { name: string; label: string; hint?: string; accept?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="file" accept={accept} aria-invalid={error ? true : undefined} className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1`} />
    </FieldShell>
  );
}
