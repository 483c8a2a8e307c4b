"use client";

import { useState } from "react";
import Link from "next/link";
import { CircleCheck, CircleX, FileX2, ShieldAlert, TriangleAlert } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { FileField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";
import { formatNip } from "@/lib/org/nip";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export type VerifyVerdict = "valid" | "modified_after_signing" | "invalid" | "untrusted" | "revoked" | "no_signatures";

/** What the verify action returns, already translated, so this component only lays it out. */
export type VerifyResultView = {
  verdict: VerifyVerdict;
  heading: string;
  text: string;
  agencyNote: string;
  sha256Label: string;
  sha256: string;
  issued: { text: string; href: string; linkLabel: string } | null;
  notIssued: string;
  signatures: { heading: string; name: string; nip: string; time: string; checks: { ok: boolean; text: string }[] }[];
  labels: { signer: string; nip: string; time: string; ok: string; notOk: string };
};

const isView = (data: unknown): data is VerifyResultView => typeof data === "object" && data !== null && typeof (data as VerifyResultView).verdict === "string";

const STYLE: Record<VerifyVerdict, string> = {
  valid: "border-emerald-500 bg-emerald-50 text-emerald-950",
  modified_after_signing: "border-amber-500 bg-amber-50 text-amber-950",
  invalid: "border-red-500 bg-red-50 text-red-950",
  untrusted: "border-red-500 bg-red-50 text-red-950",
  revoked: "border-red-500 bg-red-50 text-red-950",
  no_signatures: "border-slate-400 bg-white text-slate-900",
};

function VerdictIcon({ verdict }: { verdict: VerifyVerdict }) {
  const cls = "size-10 shrink-0";
  if (verdict === "valid") return <CircleCheck aria-hidden className={`${cls} text-emerald-700`} />;
  if (verdict === "modified_after_signing") return <TriangleAlert aria-hidden className={`${cls} text-amber-700`} />;
  if (verdict === "no_signatures") return <FileX2 aria-hidden className={`${cls} text-slate-600`} />;
  if (verdict === "untrusted") return <ShieldAlert aria-hidden className={`${cls} text-red-700`} />;
  return <CircleX aria-hidden className={`${cls} text-red-700`} />;
}

function VerifyResult({ view, againLabel, onAgain }: { view: VerifyResultView; againLabel: string; onAgain: () => void }) {
  return (
    <div className="space-y-4" data-testid="verify-result">
      <section role="status" className={`flex items-start gap-3 rounded-2xl border-2 p-4 ${STYLE[view.verdict]}`} data-verdict={view.verdict}>
        <VerdictIcon verdict={view.verdict} />
        <div className="min-w-0 space-y-1">
          <h2 className="text-xl font-bold" data-testid="verify-verdict">
            {view.heading}
          </h2>
          <p className="text-sm">{view.text}</p>
          <p className="text-xs opacity-80">{view.agencyNote}</p>
        </div>
      </section>

      {view.signatures.length > 0 && (
        <ol className="space-y-3">
          {view.signatures.map((sig) => (
            <li key={sig.heading} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="verify-signature">
              <h3 className="font-semibold text-slate-900">{sig.heading}</h3>
              <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-600">{view.labels.signer}</dt>
                <dd className="font-medium break-words">{sig.name}</dd>
                {sig.nip && (
                  <>
                    <dt className="text-slate-600">{view.labels.nip}</dt>
                    <dd className="break-words">{formatNip(sig.nip)}</dd>
                  </>
                )}
                {sig.time && (
                  <>
                    <dt className="text-slate-600">{view.labels.time}</dt>
                    <dd>{sig.time}</dd>
                  </>
                )}
              </dl>
              <ul className="space-y-1">
                {sig.checks.map((check) => (
                  <li key={check.text} className={`flex items-start gap-2 ${check.ok ? "text-emerald-900" : "text-red-800"}`}>
                    <span aria-hidden className="w-4 shrink-0 text-center font-bold">
                      {check.ok ? "✓" : "✗"}
                    </span>
                    <span>
                      <span className="sr-only">{check.ok ? view.labels.ok : view.labels.notOk}: </span>
                      {check.text}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}

      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
        {view.issued ? (
          <p className="text-slate-900" data-testid="verify-issued">
            ✓ {view.issued.text}{" "}
            <Link href={view.issued.href} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4">
              {view.issued.linkLabel}
            </Link>
          </p>
        ) : (
          <p className="text-slate-800" data-testid="verify-not-issued">
            ✗ {view.notIssued}
          </p>
        )}
        <p className="text-slate-600">{view.sha256Label}</p>
        <p className="font-mono text-xs break-all text-slate-900">{view.sha256}</p>
      </section>

      <button
        type="button"
        onClick={onAgain}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 sm:w-auto"
      >
        {againLabel}
      </button>
    </div>
  );
}

/** Upload a PDF, get the verdict in place of the form (also without JavaScript), then check another. */
export function VerifyUploadForm({
  action,
  labels,
}: {
  action: Action;
  labels: { file: string; fileHint: string; submit: string; pending: string; again: string };
}) {
  const [round, setRound] = useState(0);
  return (
    <ActionForm
      key={round}
      action={action}
      submitLabel={labels.submit}
      pendingLabel={labels.pending}
      renderSuccess={(data) => (isView(data) ? <VerifyResult view={data} againLabel={labels.again} onAgain={() => setRound((n) => n + 1)} /> : null)}
    >
      <FileField name="file" label={labels.file} hint={labels.fileHint} accept="application/pdf,.pdf" />
    </ActionForm>
  );
}
