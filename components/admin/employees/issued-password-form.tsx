"use client";

import { useState, type ReactNode } from "react";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/actions/action-state";
import { formatNip } from "@/lib/org/nip";
import { TemporaryPassword, type TemporaryPasswordLabels } from "./temporary-password";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** What lib/org/employees.ts returns when it issues a temporary password (createEmployee, resetEmployeePassword). */
type Issued = { employeeId: number; nip: string; displayName: string; temporaryPassword: string };

const isIssued = (data: unknown): data is Issued =>
  typeof data === "object" && data !== null && typeof (data as Issued).temporaryPassword === "string" && typeof (data as Issued).employeeId === "number";

/**
 * An ActionForm whose success issues a temporary password: the form is replaced by the password, shown
 * once (it lives only in this component's state and is never stored or put in a URL), plus follow-up links.
 * The wrapper around the server action only observes the result, so field errors and messages work as in
 * any ActionForm.
 */
export function IssuedPasswordForm({
  action,
  submitLabel,
  pendingLabel,
  submitVariant,
  doneTitle,
  passwordLabels,
  links,
  againLabel,
  children,
}: {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  submitVariant?: "primary" | "danger" | "secondary";
  doneTitle: string;
  /** `signInWith` may contain "{nip}". */
  passwordLabels: TemporaryPasswordLabels;
  /** Follow-up links; "{id}" in an href is replaced by the employee id. */
  links?: { href: string; label: string }[];
  /** Label of the button that shows the form again. */
  againLabel: string;
  children: ReactNode;
}) {
  const [issued, setIssued] = useState<Issued | null>(null);
  const [round, setRound] = useState(0);
  const observed: Action = async (previous, formData) => {
    const state = await action(previous, formData);
    if (state.status === "ok" && isIssued(state.data)) setIssued(state.data);
    return state;
  };

  if (issued) {
    return (
      <div className="space-y-4" role="status" data-testid="issued-password">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{doneTitle}</h2>
          <p className="text-sm text-slate-700">{issued.displayName}</p>
        </div>
        <TemporaryPassword password={issued.temporaryPassword} labels={{ ...passwordLabels, signInWith: passwordLabels.signInWith.replace("{nip}", formatNip(issued.nip)) }} />
        <div className="flex flex-col gap-2 sm:flex-row">
          {links?.map((link) => (
            <Link
              key={link.href}
              href={link.href.replace("{id}", String(issued.employeeId))}
              className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
            >
              {link.label}
            </Link>
          ))}
          <button
            type="button"
            onClick={() => {
              setIssued(null);
              setRound((n) => n + 1);
            }}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100"
          >
            {againLabel}
          </button>
        </div>
      </div>
    );
  }
  return (
    <ActionForm key={round} action={observed} submitLabel={submitLabel} pendingLabel={pendingLabel} submitVariant={submitVariant}>
      {children}
    </ActionForm>
  );
}
