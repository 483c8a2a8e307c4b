"use client";

import { useState } from "react";
import Link from "next/link";
import { AlertTriangle, CheckCircle2, Download } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { FileField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";
import { formatNip } from "@/lib/org/nip";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** A checked row as the preview action returns it, its problems already translated. */
export type PreviewRow = {
  rowNumber: number;
  nip: string;
  name: string;
  email: string;
  unitName: string;
  positionName: string;
  problems: string[];
};

export type PreviewData = {
  kind: "preview";
  fileName: string;
  total: number;
  validCount: number;
  errorCount: number;
  rows: PreviewRow[];
  /** The normalised rows to send back on commit, where they are checked again in full. */
  commitRows: string;
};

export type CommittedData = {
  kind: "committed";
  created: { rowNumber: number; nip: string; displayName: string; email: string | null; temporaryPassword: string }[];
};

export type ImportWizardLabels = {
  file: string;
  upload: string;
  uploading: string;
  previewTitle: string;
  summary: string;
  fixAndRetry: string;
  allValid: string;
  commit: string;
  committing: string;
  uploadAnother: string;
  rowLabel: string;
  row: string;
  problemRows: string;
  readyRows: string;
  noPost: string;
  doneTitle: string;
  doneNotice: string;
  download: string;
  downloadName: string;
  importAnother: string;
  toList: string;
  columns: { nip: string; name: string; position: string; email: string; password: string };
  csvHeader: { row: string; nip: string; name: string; email: string; password: string };
};

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A cell for a CSV opened in Excel: quoted, and never read as a formula (names come from an uploaded file). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function downloadPasswords(data: CommittedData, labels: ImportWizardLabels) {
  const h = labels.csvHeader;
  const lines = [
    [h.row, h.nip, h.name, h.email, h.password].map(csvCell).join(";"),
    // The NIP with its conventional spaces stays text in Excel instead of being rounded as a number.
    ...data.created.map((c) => [String(c.rowNumber), formatNip(c.nip), c.displayName, c.email ?? "", c.temporaryPassword].map(csvCell).join(";")),
  ];
  // BOM + ';' so that Excel in an Indonesian locale opens it in columns with the right characters.
  const blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = labels.downloadName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Upload → preview (nothing written) → commit (all rows or none) → the temporary passwords, shown once.
 * Between the steps the checked rows stay in this component; the commit sends them back and the server
 * checks them again in full, so nothing from the browser is trusted.
 */
export function ImportWizard({ previewAction, commitAction, labels }: { previewAction: Action; commitAction: Action; labels: ImportWizardLabels }) {
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [committed, setCommitted] = useState<CommittedData | null>(null);
  const [round, setRound] = useState(0);
  const restart = () => {
    setPreview(null);
    setCommitted(null);
    setRound((n) => n + 1);
  };

  const observePreview: Action = async (previous, formData) => {
    const state = await previewAction(previous, formData);
    if (state.status === "ok" && (state.data as PreviewData | undefined)?.kind === "preview") setPreview(state.data as PreviewData);
    return state;
  };
  const observeCommit: Action = async (previous, formData) => {
    const state = await commitAction(previous, formData);
    if (state.status === "ok" && (state.data as CommittedData | undefined)?.kind === "committed") setCommitted(state.data as CommittedData);
    return state;
  };

  if (committed) {
    return (
      <section className="space-y-4" role="status" data-testid="import-result">
        <h2 className="flex items-center gap-2 text-lg font-semibold text-slate-900">
          <CheckCircle2 aria-hidden className="size-5 text-emerald-700" />
          {fill(labels.doneTitle, { count: committed.created.length })}
        </h2>
        <p className="rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">{labels.doneNotice}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <button
            type="button"
            onClick={() => downloadPasswords(committed, labels)}
            className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900"
          >
            <Download aria-hidden className="size-4" />
            {labels.download}
          </button>
          <button type="button" onClick={restart} className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100">
            {labels.importAnother}
          </button>
          <Link href="/admin/pegawai" className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100">
            {labels.toList}
          </Link>
        </div>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="import-passwords">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{labels.row}</th>
                <th scope="col" className="px-3 py-2">{labels.columns.name}</th>
                <th scope="col" className="px-3 py-2">{labels.columns.nip}</th>
                <th scope="col" className="px-3 py-2">{labels.columns.password}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {committed.created.map((c) => (
                <tr key={c.rowNumber}>
                  <td className="px-3 py-2 tabular-nums">{c.rowNumber}</td>
                  <td className="px-3 py-2">{c.displayName}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatNip(c.nip)}</td>
                  <td className="px-3 py-2 font-mono text-base select-all">{c.temporaryPassword}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }

  const uploadForm = (
    <ActionForm key={`upload-${round}`} action={observePreview} submitLabel={labels.upload} pendingLabel={labels.uploading}>
      <FileField name="file" label={labels.file} accept={ACCEPT} />
    </ActionForm>
  );
  if (!preview) return uploadForm;

  const problems = preview.rows.filter((r) => r.problems.length > 0);
  const ready = preview.rows.filter((r) => r.problems.length === 0);
  return (
    <section className="space-y-4" data-testid="import-preview">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold text-slate-900">{fill(labels.previewTitle, { file: preview.fileName })}</h2>
        <p className="text-sm text-slate-800" data-testid="import-summary">
          {fill(labels.summary, { total: preview.total, valid: preview.validCount, errors: preview.errorCount })}
        </p>
      </div>

      {problems.length > 0 ? (
        <>
          <p className="flex gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <AlertTriangle aria-hidden className="size-5 shrink-0" />
            {labels.fixAndRetry}
          </p>
          <h3 className="font-semibold text-slate-900">{labels.problemRows}</h3>
          <ul className="space-y-2" data-testid="import-problems">
            {problems.map((r) => (
              <li key={r.rowNumber} className="rounded-xl border border-red-200 bg-white p-3 text-sm shadow-sm">
                <p className="font-semibold text-slate-900">
                  {fill(labels.rowLabel, { row: r.rowNumber })}
                  {r.name && <span className="font-normal text-slate-700"> — {r.name}</span>}
                  {r.nip && <span className="font-normal text-slate-600 tabular-nums"> ({r.nip})</span>}
                </p>
                <ul className="mt-1 list-inside list-disc text-red-800">
                  {r.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {uploadForm}
        </>
      ) : (
        <div className="space-y-3">
          <p className="flex gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
            <CheckCircle2 aria-hidden className="size-5 shrink-0" />
            {labels.allValid}
          </p>
          <ActionForm action={observeCommit} submitLabel={fill(labels.commit, { count: preview.validCount })} pendingLabel={labels.committing}>
            <input type="hidden" name="fileName" value={preview.fileName} />
            <input type="hidden" name="rows" value={preview.commitRows} />
          </ActionForm>
          <button type="button" onClick={restart} className="inline-flex min-h-11 w-full items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 sm:w-auto">
            {labels.uploadAnother}
          </button>
        </div>
      )}

      {ready.length > 0 && (
        <details className="rounded-xl border border-slate-200 bg-white">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 font-medium text-brand-700">{fill(labels.readyRows, { count: ready.length })}</summary>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="import-ready">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{labels.row}</th>
                  <th scope="col" className="px-3 py-2">{labels.columns.name}</th>
                  <th scope="col" className="px-3 py-2">{labels.columns.nip}</th>
                  <th scope="col" className="px-3 py-2">{labels.columns.position}</th>
                  <th scope="col" className="px-3 py-2">{labels.columns.email}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ready.map((r) => (
                  <tr key={r.rowNumber} className="align-top">
                    <td className="px-3 py-2 tabular-nums">{r.rowNumber}</td>
                    <td className="px-3 py-2">{r.name}</td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatNip(r.nip)}</td>
                    <td className="px-3 py-2">{r.positionName ? `${r.positionName} — ${r.unitName}` : <span className="text-slate-500 italic">{labels.noPost}</span>}</td>
                    <td className="px-3 py-2">{r.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
