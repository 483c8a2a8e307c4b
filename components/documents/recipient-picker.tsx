"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { ArrowDown, ArrowUp, Briefcase, Building2, Globe, Plus, Search, User, X } from "lucide-react";
import { MAX_RECIPIENTS, recipientKey, type PickedRecipient, type RecipientRef } from "@/lib/documents/recipients";
import { fill, useRemoteSearch } from "./classification-picker";

/** Keys are those of `compose.recipients` in messages/{id,en}/naskah-compose.json. */
export type RecipientPickerLabels = {
  search: string;
  searchPositions: string;
  placeholder: string;
  placeholderPositions: string;
  searchHint: string;
  searchHintPositions: string;
  searching: string;
  noMatches: string;
  searchFailed: string;
  /** The following contain "{n}", "{name}" or "{max}". */
  results: string;
  empty: string;
  add: string;
  remove: string;
  moveUp: string;
  moveDown: string;
  order: string;
  added: string;
  removed: string;
  duplicate: string;
  maxReached: string;
  kindPosition: string;
  kindUnit: string;
  kindEmployee: string;
  kindExternal: string;
  external: string;
  externalName: string;
  externalAddress: string;
  externalAdd: string;
  externalNameRequired: string;
  optional: string;
};

export type RecipientKind = PickedRecipient["kind"];
const ALL_KINDS: RecipientKind[] = ["position", "unit", "employee", "external"];

/** The reference alone, as the server action parses it (recipientListSchema). */
function refOf(r: PickedRecipient): RecipientRef {
  switch (r.kind) {
    case "position":
      return { kind: "position", positionId: r.positionId };
    case "unit":
      return { kind: "unit", unitId: r.unitId };
    case "employee":
      return { kind: "employee", employeeId: r.employeeId };
    case "external":
      return { kind: "external", name: r.name, address: r.address };
  }
}

const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 aria-[invalid=true]:border-red-600";
const smallButton =
  "inline-flex size-11 shrink-0 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 disabled:opacity-40";

function KindIcon({ kind, labels }: { kind: RecipientKind; labels: RecipientPickerLabels }) {
  const [Icon, text] = {
    position: [Briefcase, labels.kindPosition],
    unit: [Building2, labels.kindUnit],
    employee: [User, labels.kindEmployee],
    external: [Globe, labels.kindExternal],
  }[kind] as [typeof User, string];
  return (
    <>
      <Icon aria-hidden className="size-4 shrink-0 text-slate-600" />
      <span className="sr-only">{text}: </span>
    </>
  );
}

/**
 * Addressees, carbon copies, a review chain or signers: internal recipients (positions, units, employees)
 * found by search and external ones typed as name and address, shown as removable chips, or as a numbered
 * list with move buttons when `ordered`. Two hidden inputs carry the choice: `name` with the references
 * (RecipientRef[] as JSON) and `${name}Labels` with what was shown (PickedRecipient[]), so the server can
 * show the same chips again when it returns the form with an error.
 */
export function RecipientPicker({
  name,
  label,
  initial,
  kinds = ALL_KINDS,
  max = MAX_RECIPIENTS,
  ordered = false,
  onChange,
  error,
  hint,
  labels,
}: {
  name: string;
  label: string;
  initial: PickedRecipient[];
  kinds?: RecipientKind[];
  max?: number;
  /** Numbered, with move up / move down buttons (review chain, signers). */
  ordered?: boolean;
  onChange?: (recipients: PickedRecipient[]) => void;
  error?: string;
  hint?: string;
  labels: RecipientPickerLabels;
}) {
  const id = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<PickedRecipient[]>(initial);
  const [announcement, setAnnouncement] = useState("");
  const searchKinds = kinds.filter((k) => k !== "external");
  const full = list.length >= max;

  function update(next: PickedRecipient[], message: string) {
    setList(next);
    setAnnouncement(message);
    onChange?.(next);
  }

  /** Adds unless already there; returns whether it was added. */
  function add(recipient: PickedRecipient): boolean {
    const key = recipientKey(recipient);
    if (list.some((r) => recipientKey(r) === key)) {
      setAnnouncement(fill(labels.duplicate, { name: recipient.label }));
      return false;
    }
    if (full) return false;
    update([...list, recipient], fill(labels.added, { name: recipient.label }));
    return true;
  }

  function remove(index: number) {
    const removed = list[index];
    update(
      list.filter((_, i) => i !== index),
      fill(labels.removed, { name: removed.label }),
    );
    searchInput.current?.focus();
  }

  function move(index: number, by: -1 | 1) {
    const next = [...list];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    update(next, "");
  }

  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input type="hidden" name={name} value={JSON.stringify(list.map(refOf))} />
      <input type="hidden" name={`${name}Labels`} value={JSON.stringify(list)} />

      {list.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.empty}</p>
      ) : ordered ? (
        <ol className="space-y-2" data-testid={`${name}-list`}>
          {list.map((r, i) => (
            <li key={recipientKey(r)} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2">
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white" aria-label={fill(labels.order, { n: i + 1 })}>
                {i + 1}
              </span>
              <RecipientText recipient={r} labels={labels} className="min-w-0 flex-1 basis-[calc(100%-2.5rem)] sm:basis-0" />
              <span className="ml-auto flex gap-2">
                <button type="button" className={smallButton} onClick={() => move(i, -1)} disabled={i === 0} aria-label={fill(labels.moveUp, { name: r.label })}>
                  <ArrowUp aria-hidden className="size-5" />
                </button>
                <button type="button" className={smallButton} onClick={() => move(i, 1)} disabled={i === list.length - 1} aria-label={fill(labels.moveDown, { name: r.label })}>
                  <ArrowDown aria-hidden className="size-5" />
                </button>
                <button type="button" className={smallButton} onClick={() => remove(i)} aria-label={fill(labels.remove, { name: r.label })}>
                  <X aria-hidden className="size-5" />
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid={`${name}-list`}>
          {list.map((r, i) => (
            <li key={recipientKey(r)} className="flex max-w-full min-h-11 items-center gap-1 rounded-3xl border border-slate-300 bg-slate-50 py-1 pl-3">
              <RecipientText recipient={r} labels={labels} className="min-w-0" />
              <button
                type="button"
                onClick={() => remove(i)}
                aria-label={fill(labels.remove, { name: r.label })}
                title={fill(labels.remove, { name: r.label })}
                className="-my-1 inline-flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-200"
              >
                <X aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}

      {full ? (
        max > 1 && <p className="text-sm text-slate-700">{fill(labels.maxReached, { max })}</p>
      ) : (
        <>
          {searchKinds.length > 0 && (
            <RecipientSearch id={`${id}-search`} inputRef={searchInput} kinds={searchKinds} exclude={list.map(recipientKey)} onPick={add} labels={labels} />
          )}
          {kinds.includes("external") && <ExternalRecipientForm id={`${id}-external`} onAdd={add} labels={labels} />}
        </>
      )}

      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RecipientText({ recipient, labels, className }: { recipient: PickedRecipient; labels: RecipientPickerLabels; className: string }) {
  return (
    <span className={`text-sm ${className}`}>
      <span className="flex items-center gap-1.5 font-medium wrap-anywhere text-slate-900">
        <KindIcon kind={recipient.kind} labels={labels} />
        <span className="min-w-0">{recipient.label}</span>
      </span>
      {recipient.sublabel && <span className="block text-xs wrap-anywhere text-slate-600">{recipient.sublabel}</span>}
    </span>
  );
}

/** The combobox over GET /naskah/cari-penerima; a pick is added to the list and the field is cleared for the next. */
function RecipientSearch({
  id,
  inputRef,
  kinds,
  exclude,
  onPick,
  labels,
}: {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  kinds: RecipientKind[];
  exclude: string[];
  onPick: (r: PickedRecipient) => boolean;
  labels: RecipientPickerLabels;
}) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = text.trim();
  const digits = q.replace(/\s+/g, "");
  const searchable = /^\d{4,}$/.test(digits) || (!/^\d+$/.test(digits) && digits.length >= 2);
  const search = useRemoteSearch<PickedRecipient>(searchable ? `/naskah/cari-penerima?q=${encodeURIComponent(q)}&kinds=${kinds.join(",")}` : null);
  const options = searchable ? search.matches.filter((m) => !exclude.includes(recipientKey(m))) : [];
  const shown = open && options.length > 0;
  const highlighted = Math.min(active, options.length - 1);
  const onlyPositions = kinds.length === 1 && kinds[0] === "position";
  const listId = `${id}-list`;

  function pick(option: PickedRecipient) {
    if (onPick(option)) {
      setText("");
      setActive(0);
    }
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((highlighted + (event.key === "ArrowDown" ? 1 : -1) + options.length) % options.length);
    } else if (event.key === "Enter") {
      // Enter adds the highlighted match instead of submitting the whole form.
      event.preventDefault();
      if (shown && search.status === "done" && options[highlighted]) pick(options[highlighted]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const status = !searchable
    ? ""
    : search.status === "failed"
      ? labels.searchFailed
      : search.status === "searching"
        ? labels.searching
        : options.length === 0
          ? labels.noMatches
          : fill(labels.results, { n: options.length });

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {onlyPositions ? labels.searchPositions : labels.search}
      </label>
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={shown}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={shown ? `${id}-option-${highlighted}` : undefined}
          aria-describedby={`${id}-hint ${id}-status`}
          value={text}
          placeholder={onlyPositions ? labels.placeholderPositions : labels.placeholder}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          className={`${inputClass} pl-10`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={onlyPositions ? labels.searchPositions : labels.search}
          hidden={!shown}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded-lg border border-slate-300 bg-white py-1 shadow-lg"
        >
          {options.map((option, i) => (
            <li
              key={recipientKey(option)}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === highlighted}
              aria-label={fill(labels.add, { name: option.label })}
              // The input keeps focus (and the phone keyboard stays up) while an option is tapped.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
              onMouseMove={() => i !== highlighted && setActive(i)}
              className="flex min-h-11 cursor-pointer items-center gap-2 px-3 py-1.5 aria-selected:bg-brand-50"
            >
              <Plus aria-hidden className="size-4 shrink-0 text-brand-700" />
              <RecipientText recipient={option} labels={labels} className="min-w-0" />
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {onlyPositions ? labels.searchHintPositions : labels.searchHint}
      </p>
      <p id={`${id}-status`} role="status" aria-live="polite" className={searchable && (search.status === "failed" || (search.status === "done" && options.length === 0)) ? "text-sm text-slate-700" : "sr-only"}>
        {status}
      </p>
    </div>
  );
}

/** Name and address of a party outside the agency; the fields have no name, so they are not submitted themselves. */
function ExternalRecipientForm({ id, onAdd, labels }: { id: string; onAdd: (r: PickedRecipient) => boolean; labels: RecipientPickerLabels }) {
  const [recipientName, setRecipientName] = useState("");
  const [address, setAddress] = useState("");
  const [problem, setProblem] = useState("");
  const nameInput = useRef<HTMLInputElement>(null);

  function submit() {
    const trimmed = recipientName.trim();
    if (!trimmed) {
      setProblem(labels.externalNameRequired);
      nameInput.current?.focus();
      return;
    }
    const added = onAdd({ kind: "external", name: trimmed, address: address.trim(), label: trimmed, ...(address.trim() ? { sublabel: address.trim() } : {}) });
    if (added) {
      setRecipientName("");
      setAddress("");
    }
    setProblem("");
    nameInput.current?.focus();
  }

  // Enter in either field adds the recipient instead of submitting the whole form.
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    submit();
  };

  return (
    <div className="space-y-2 rounded-lg border border-dashed border-slate-300 p-3" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="text-sm font-medium text-slate-800">
        {labels.external}
      </p>
      <Field id={`${id}-name`} label={labels.externalName} error={problem}>
        <input
          ref={nameInput}
          id={`${id}-name`}
          type="text"
          value={recipientName}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setRecipientName(e.target.value)}
          onKeyDown={onEnter}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-name-error` : undefined}
          className={inputClass}
        />
      </Field>
      <Field id={`${id}-address`} label={`${labels.externalAddress} (${labels.optional})`}>
        <input id={`${id}-address`} type="text" value={address} maxLength={500} autoComplete="off" onChange={(e) => setAddress(e.target.value)} onKeyDown={onEnter} className={inputClass} />
      </Field>
      <button
        type="button"
        onClick={submit}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        <Plus aria-hidden className="size-5" />
        {labels.externalAdd}
      </button>
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-slate-800">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
