"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ArrowDown, ArrowUp, Search, UserPlus, X } from "lucide-react";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { formatNip } from "@/lib/org/nip";
import { FieldShell } from "@/components/ui/fields";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export type SignerOption = { id: number; name: string; nip: string; position: string };

export type SigningUploadLabels = {
  file: string;
  fileHint: string;
  fileRequired: string;
  fileTooLarge: string;
  notPdf: string;
  docTitle: string;
  docTitleHint: string;
  required: string;
  securityClass: string;
  securityClassHint: string;
  number: string;
  date: string;
  optional: string;
  signers: string;
  signersHint: string;
  me: string;
  addSelf: string;
  search: string;
  searchPlaceholder: string;
  searchHint: string;
  searching: string;
  noMatches: string;
  searchFailed: string;
  /** These contain "{name}" / "{n}". */
  add: string;
  remove: string;
  moveUp: string;
  moveDown: string;
  order: string;
  submit: string;
  pending: string;
  invalidInput: string;
  noSigners: string;
};

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-red-600";
const smallButton =
  "inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:opacity-40";

const described = (id: string, error?: string, hint?: string) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

/**
 * Upload a PDF with its title, class, number, date and ordered signers. Submitting with JavaScript does not
 * reset the form, so a rejected 20 MB file or a typo does not cost the user everything they entered; without
 * JavaScript the same server action runs as a plain form post (signing alone, "Saya sendiri").
 */
export function SigningUploadForm({
  action,
  labels,
  maxBytes,
  classes,
  me,
}: {
  action: Action;
  labels: SigningUploadLabels;
  maxBytes: number;
  classes: { value: string; label: string }[];
  me: SignerOption;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [signers, setSigners] = useState<SignerOption[]>([me]);
  const ids = { file: useId(), title: useId(), cls: useId(), number: useId(), date: useId(), search: useId() };
  const serverErrors = state.status === "error" ? state.fieldErrors : {};
  const error = (name: string) => clientErrors[name] ?? serverErrors[name];
  const signerError = clientErrors.signer ?? serverErrors.signer ?? serverErrors.signers;

  async function checkFile(file: File | undefined): Promise<string | undefined> {
    if (!file || file.size === 0) return labels.fileRequired;
    if (file.size > maxBytes) return labels.fileTooLarge;
    const head = await file.slice(0, 1024).text().catch(() => "");
    if (!head.includes("%PDF-")) return labels.notPdf;
    return undefined;
  }

  async function onFileChange(file: File | undefined) {
    const problem = file ? await checkFile(file) : undefined;
    setClientErrors((current) => {
      const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== "file"));
      return problem ? { ...rest, file: problem } : rest;
    });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const problems: Record<string, string> = {};
    const fileProblem = await checkFile(data.get("file") as File | undefined);
    if (fileProblem) problems.file = fileProblem;
    if (!String(data.get("title") ?? "").trim()) problems.title = labels.required;
    if (signers.length === 0) problems.signer = labels.noSigners;
    setClientErrors(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      form.querySelector<HTMLElement>(first === "signer" ? `#${CSS.escape(ids.search)}` : `[name="${first}"]`)?.focus();
      return;
    }
    startTransition(() => formAction(data));
  }

  const move = (index: number, by: -1 | 1) =>
    setSigners((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item);
      return next;
    });

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state.status === "error" && (
        <p role="alert" data-testid="form-error" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {/* A problem with one field is told under that field; the top says where to look. */}
          {Object.values(state.fieldErrors).includes(state.message) ? labels.invalidInput : state.message}
        </p>
      )}
      {state.status !== "error" && Object.keys(clientErrors).length > 0 && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {labels.invalidInput}
        </p>
      )}

      <FieldShell id={ids.file} label={labels.file} hint={labels.fileHint} error={error("file")}>
        <input
          id={ids.file}
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          onChange={(e) => void onFileChange(e.target.files?.[0])}
          {...described(ids.file, error("file"), labels.fileHint)}
          className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1`}
        />
      </FieldShell>

      <FieldShell id={ids.title} label={labels.docTitle} hint={labels.docTitleHint} error={error("title")}>
        <input id={ids.title} name="title" type="text" maxLength={200} autoComplete="off" {...described(ids.title, error("title"), labels.docTitleHint)} className={inputClass} />
      </FieldShell>

      <FieldShell id={ids.cls} label={labels.securityClass} hint={labels.securityClassHint} error={error("securityClass")}>
        <select id={ids.cls} name="securityClass" defaultValue="B" {...described(ids.cls, error("securityClass"), labels.securityClassHint)} className={inputClass}>
          {classes.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </FieldShell>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FieldShell id={ids.number} label={labels.number} optional={labels.optional} error={error("documentNumber")}>
          <input id={ids.number} name="documentNumber" type="text" maxLength={100} autoComplete="off" {...described(ids.number, error("documentNumber"))} className={inputClass} />
        </FieldShell>
        <FieldShell id={ids.date} label={labels.date} optional={labels.optional} error={error("documentDate")}>
          <input id={ids.date} name="documentDate" type="date" {...described(ids.date, error("documentDate"))} className={inputClass} />
        </FieldShell>
      </div>

      <fieldset className="space-y-2" aria-describedby={`${ids.search}-signers-hint`}>
        <legend className="text-sm font-medium text-slate-800">{labels.signers}</legend>
        <p id={`${ids.search}-signers-hint`} className="text-xs text-slate-600">
          {labels.signersHint}
        </p>
        <ol className="space-y-2" data-testid="signer-list">
          {signers.map((s, i) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2">
              <input type="hidden" name="signer" value={s.id} />
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white" aria-label={fill(labels.order, { n: i + 1 })}>
                {i + 1}
              </span>
              <span className="min-w-0 flex-1 basis-[calc(100%-2.5rem)] text-sm sm:basis-0">
                {s.id === me.id && <span className="mb-0.5 inline-block rounded bg-brand-100 px-1.5 text-xs font-semibold text-brand-900">{labels.me}</span>}
                <span className="block font-medium break-words text-slate-900">{s.name}</span>
                <span className="block text-xs break-words text-slate-600">
                  {s.position ? `${s.position} · ` : ""}NIP {formatNip(s.nip)}
                </span>
              </span>
              <span className="ml-auto flex gap-2">
                <button type="button" className={smallButton} onClick={() => move(i, -1)} disabled={i === 0} aria-label={fill(labels.moveUp, { name: s.name })}>
                  <ArrowUp aria-hidden className="size-5" />
                </button>
                <button type="button" className={smallButton} onClick={() => move(i, 1)} disabled={i === signers.length - 1} aria-label={fill(labels.moveDown, { name: s.name })}>
                  <ArrowDown aria-hidden className="size-5" />
                </button>
                <button type="button" className={smallButton} onClick={() => setSigners((list) => list.filter((x) => x.id !== s.id))} aria-label={fill(labels.remove, { name: s.name })}>
                  <X aria-hidden className="size-5" />
                </button>
              </span>
            </li>
          ))}
        </ol>
        {signerError && <p className="text-sm text-red-700">{signerError}</p>}
        {!signers.some((s) => s.id === me.id) && (
          <button
            type="button"
            onClick={() => setSigners((list) => [me, ...list])}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            <UserPlus aria-hidden className="size-5" />
            {labels.addSelf}
          </button>
        )}
        <SignerSearch id={ids.search} labels={labels} exclude={signers.map((s) => s.id)} onPick={(s) => setSigners((list) => [...list, s])} />
      </fieldset>

      <button
        type="submit"
        disabled={pending}
        className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto"
      >
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  );
}

/** Search-as-you-type over the agency's employees (GET /tandatangan/cari-pegawai), newest request wins. */
function SignerSearch({ id, labels, exclude, onPick }: { id: string; labels: SigningUploadLabels; exclude: number[]; onPick: (s: SignerOption) => void }) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ q: string; matches: SignerOption[] } | { q: string; failed: true } | null>(null);
  const [searching, setSearching] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const q = query.trim();
  const digits = q.replace(/\s+/g, "");
  const searchable = /^\d{4,}$/.test(digits) || (!/^\d+$/.test(digits) && digits.length >= 2);

  useEffect(() => {
    if (!searchable) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const response = await fetch(`/tandatangan/cari-pegawai?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { matches: SignerOption[] };
        setResult({ q, matches: body.matches });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setResult({ q, failed: true });
      } finally {
        if (!controller.signal.aborted) setSearching(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, searchable]);

  const current = searchable && result?.q === q ? result : null;
  const matches = current && "matches" in current ? current.matches : [];
  const status = !searchable ? "idle" : searching || !current ? "searching" : "failed" in current ? "failed" : "done";
  const shown = matches.filter((m) => !exclude.includes(m.id));
  return (
    <div className="space-y-1 rounded-lg border border-dashed border-slate-300 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {labels.search}
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
        <input
          ref={input}
          id={id}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the only match instead of submitting the whole form.
            if (e.key !== "Enter") return;
            e.preventDefault();
            if (shown.length === 1) {
              onPick(shown[0]);
              setQuery("");
            }
          }}
          placeholder={labels.searchPlaceholder}
          autoComplete="off"
          aria-describedby={`${id}-hint ${id}-status`}
          className={`${inputClass} pl-10`}
        />
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {labels.searchHint}
      </p>
      <p id={`${id}-status`} role="status" aria-live="polite" className="text-sm text-slate-700">
        {status === "searching" ? labels.searching : status === "failed" ? labels.searchFailed : status === "done" && shown.length === 0 ? labels.noMatches : ""}
      </p>
      {shown.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="signer-matches">
          {shown.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(m);
                  setQuery("");
                  input.current?.focus();
                }}
                aria-label={fill(labels.add, { name: m.name })}
                className="flex min-h-11 w-full items-center gap-3 px-3 py-2 text-left hover:bg-brand-50"
              >
                <UserPlus aria-hidden className="size-5 shrink-0 text-brand-700" />
                <span className="min-w-0 text-sm">
                  <span className="block font-medium break-words text-slate-900">{m.name}</span>
                  <span className="block text-xs break-words text-slate-600">
                    {m.position ? `${m.position} · ` : ""}NIP {formatNip(m.nip)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
