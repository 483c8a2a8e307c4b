"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Search, X } from "lucide-react";
import { FieldShell } from "@/components/ui/fields";

/** Keys are those of `compose.classification` in messages/{id,en}/naskah-compose.json. */
export type ClassificationPickerLabels = {
  placeholder: string;
  hint: string;
  searching: string;
  noMatches: string;
  searchFailed: string;
  /** With "{n}". */
  results: string;
  clear: string;
};

/** One row of GET /naskah/klasifikasi. */
export type ClassificationOption = { code: string; name: string; parents: string[] };

export const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

export type RemoteSearch<T> = { status: "idle" | "searching" | "done" | "failed"; matches: T[] };

/**
 * Search-as-you-type against one of our GET routes answering `{ matches }`: waits for a pause in typing,
 * aborts the request a newer query replaces, and keeps the previous matches on screen while the next
 * ones load (no flicker). `url` null means no search.
 */
export function useRemoteSearch<T>(url: string | null, delay = 200): RemoteSearch<T> {
  const [result, setResult] = useState<{ url: string; matches: T[]; failed?: boolean } | null>(null);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { matches: T[] };
        setResult({ url, matches: body.matches });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setResult({ url, matches: [], failed: true });
      }
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, delay]);
  if (!url) return { status: "idle", matches: [] };
  if (result?.url !== url) return { status: "searching", matches: result?.matches ?? [] };
  return { status: result.failed ? "failed" : "done", matches: result.matches };
}

const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white py-2 pr-11 pl-10 text-base text-slate-900 shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-red-600";

type Chosen = { code: string; label: string } | null;

/**
 * The archive classification code (kode klasifikasi): a combobox that searches the 3,023 codes by the start
 * of the code or by words of the name, with arrow keys, Enter and Escape, or a tap. The chosen code goes in
 * a hidden input; what is typed without choosing is never submitted.
 */
export function ClassificationPicker({
  name,
  label,
  initialCode,
  initialLabel,
  error,
  onChange,
  labels,
}: {
  name: string;
  label: string;
  initialCode?: string;
  /** As classificationLabel() gives it: "800.1.2.1 — Name". */
  initialLabel?: string;
  error?: string;
  /** Called with the chosen code, or null when the choice is cleared. */
  onChange?: (code: string | null) => void;
  labels: ClassificationPickerLabels;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen>(initialCode ? { code: initialCode, label: initialLabel || initialCode } : null);
  const [text, setText] = useState(chosen?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const query = text.trim();
  const searching = open && query !== "" && query !== chosen?.label;
  const search = useRemoteSearch<ClassificationOption>(searching ? `/naskah/klasifikasi?q=${encodeURIComponent(query)}` : null);
  const options = searching ? search.matches : [];
  const shown = open && options.length > 0;
  const highlighted = Math.min(active, options.length - 1);

  function choose(next: Chosen) {
    if (next?.code !== chosen?.code) onChange?.(next?.code ?? null);
    setChosen(next);
    setText(next?.label ?? "");
    setOpen(false);
  }

  const pick = (option: ClassificationOption) => choose({ code: option.code, label: `${option.code} — ${option.name}` });

  function clear() {
    choose(null);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((highlighted + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length);
    } else if (event.key === "Enter" && searching) {
      // Enter chooses; it never submits the form with a half-typed code.
      event.preventDefault();
      if (search.status === "done" && options[highlighted]) pick(options[highlighted]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setText(chosen?.label ?? "");
    }
  }

  const status =
    !searching ? "" : search.status === "failed" ? labels.searchFailed : search.status === "searching" ? labels.searching : options.length === 0 ? labels.noMatches : fill(labels.results, { n: options.length });

  return (
    <FieldShell id={id} label={label} hint={labels.hint} error={error}>
      <input type="hidden" name={name} value={chosen?.code ?? ""} />
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown ? `${id}-option-${highlighted}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${error ? `${id}-error` : `${id}-hint`} ${id}-status`}
          value={text}
          placeholder={labels.placeholder}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            // Leaving the field shows the chosen code again; emptying it clears the choice.
            if (!text.trim()) choose(null);
            else {
              setOpen(false);
              setText(chosen?.label ?? "");
            }
          }}
          onKeyDown={onKeyDown}
          className={inputClass}
        />
        {(chosen || text) && (
          <button
            type="button"
            onClick={clear}
            aria-label={labels.clear}
            title={labels.clear}
            className="absolute top-0 right-0 inline-flex size-11 items-center justify-center rounded-lg text-slate-600 hover:text-slate-900"
          >
            <X aria-hidden className="size-5" />
          </button>
        )}
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!shown}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded-lg border border-slate-300 bg-white py-1 shadow-lg"
        >
          {options.map((option, i) => (
            <li
              key={option.code}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === highlighted}
              // The input keeps focus (and the phone keyboard stays up) while an option is tapped.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
              onMouseMove={() => i !== highlighted && setActive(i)}
              className="flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 text-sm aria-selected:bg-brand-50"
            >
              <span className="line-clamp-2 text-slate-900">
                <span className="font-semibold tabular-nums">{option.code}</span> — {option.name}
              </span>
              {option.parents.length > 0 && <span className="truncate text-xs text-slate-600">{option.parents.join(" › ")}</span>}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-status`} role="status" aria-live="polite" className="sr-only">
        {status}
      </p>
      {searching && (search.status === "failed" || (search.status === "done" && options.length === 0)) && (
        <p className="text-sm text-slate-700" aria-hidden>
          {status}
        </p>
      )}
    </FieldShell>
  );
}
