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
 * once (it lives only in the action's result, never stored or put in a URL), plus follow-up links.
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
  const [round, setRound] = useState(0);
  const renderIssued = (data: unknown) =>
    isIssued(data) ? (
      <div className="space-y-4" role="status" data-testid="issued-password">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{doneTitle}</h2>
          <p className="text-sm text-slate-700">{data.displayName}</p>
        </div>
        <TemporaryPassword password={data.temporaryPassword} labels={{ ...passwordLabels, signInWith: passwordLabels.signInWith.replace("{nip}", formatNip(data.nip)) }} />
        <div className="flex flex-col gap-2 sm:flex-row">
          {links?.map((link) => (
            <Link
              key={link.href}
              href={link.href.replace("{id}", String(data.employeeId))}
              className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
            >
              {link.label}
            </Link>
          ))}
          <button
            type="button"
            onClick={() => setRound((n) => n + 1)}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100"
          >
            {againLabel}
          </button>
        </div>
      </div>
    ) : null;

  return (
    <ActionForm key={round} action={action} renderSuccess={renderIssued} submitLabel={submitLabel} pendingLabel={pendingLabel} submitVariant={submitVariant}>
      {children}
    </ActionForm>
  );
}
