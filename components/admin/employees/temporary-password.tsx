"use client";

import { useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";

export type TemporaryPasswordLabels = { title: string; notice: string; copy: string; copied: string; signInWith: string };

/** A temporary password shown once, large and copyable, with the warning that it will not be shown again. */
export function TemporaryPassword({ password, labels }: { password: string; labels: TemporaryPasswordLabels }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (insecure context, permissions): the password stays selectable on screen.
    }
  };
  return (
    <div className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4" data-testid="temporary-password-box">
      <p className="flex items-center gap-2 text-sm font-semibold text-amber-950">
        <KeyRound aria-hidden className="size-4" />
        {labels.title}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <output
          className="block select-all break-all rounded-lg bg-white px-3 py-2 font-mono text-2xl tracking-wider text-slate-900 ring-1 ring-amber-300"
          data-testid="temporary-password"
          aria-label={labels.title}
        >
          {password}
        </output>
        <button
          type="button"
          onClick={copy}
          className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-semibold text-slate-800 hover:bg-slate-100"
        >
          {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          <span aria-live="polite">{copied ? labels.copied : labels.copy}</span>
        </button>
      </div>
      <p className="text-sm text-slate-800">{labels.signInWith}</p>
      <p className="text-sm text-amber-950">{labels.notice}</p>
    </div>
  );
}
