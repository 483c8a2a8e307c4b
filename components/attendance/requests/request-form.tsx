"use client";

import { useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { ActionForm, useFieldError } from "@/components/ui/action-form";
import { TimeField } from "@/components/ui/time-field";
import { FieldShell, FileField, SelectField, TextField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";

// The new-request form. Which fields matter depends on the kind: leave type for cuti, the Surat Tugas for dinas
// luar, one date and two times for koreksi, the doctor's letter for sick days. Before JavaScript runs every field
// shows (the server ignores what the kind does not use); afterwards only the kind's own fields show, and hidden ones
// are disabled so they are not sent.

type Option = { value: string; label: string };

export type RequestFormLabels = {
  submit: string;
  pending: string;
  kind: string;
  chooseKind: string;
  leaveType: string;
  chooseLeaveType: string;
  leaveBalance: string;
  startDate: string;
  koreksiDate: string;
  endDate: string;
  datesHint: string;
  checkIn: string;
  checkOut: string;
  timeHint: string;
  reason: string;
  reasonHint: string;
  attachment: string;
  attachmentHint: string;
  optional: string;
  suratTugas: string;
  noSuratTugas: string;
  suratTugasHint: string;
  suratTugasNone: string;
  flexibleHint: string;
};

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

const subscribeNothing = () => () => {};

/** True once the form runs in the browser: until then every section stays visible for forms without JavaScript. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

function Section({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <fieldset disabled={!show} hidden={!show} className="space-y-4">
      {children}
    </fieldset>
  );
}

function ReasonField({ label, hint, maxLength }: { label: string; hint: string; maxLength: number }) {
  const id = useId();
  const error = useFieldError("reason");
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      />
    </FieldShell>
  );
}

export function RequestForm({
  action,
  labels,
  kinds,
  leaveTypes,
  suratTugas,
  reasonMax,
  initialKind = "",
}: {
  action: Action;
  labels: RequestFormLabels;
  kinds: Option[];
  leaveTypes: Option[];
  suratTugas: Option[];
  reasonMax: number;
  initialKind?: string;
}) {
  const hydrated = useHydrated();
  const [kind, setKind] = useState(initialKind);
  const shows = (...wanted: string[]) => !hydrated || wanted.includes(kind);
  const koreksi = hydrated && kind === "koreksi";
  return (
    <ActionForm action={action} submitLabel={labels.submit} pendingLabel={labels.pending} className="space-y-5">
      <div className="space-y-1">
        <SelectFieldWithChange name="kind" label={labels.kind} emptyLabel={labels.chooseKind} options={kinds} value={kind} onChange={setKind} />
        {shows("wfh", "wfa") && <p className="text-xs text-slate-600">{labels.flexibleHint}</p>}
      </div>

      <Section show={shows("cuti")}>
        <SelectField name="leaveType" label={labels.leaveType} emptyLabel={labels.chooseLeaveType} options={leaveTypes} />
        <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800">{labels.leaveBalance}</p>
      </Section>

      <Section show={shows("dinas_luar")}>
        {suratTugas.length > 0 ? (
          <SelectField name="officialDocumentId" label={`${labels.suratTugas} (${labels.optional})`} hint={labels.suratTugasHint} emptyLabel={labels.noSuratTugas} options={suratTugas} />
        ) : (
          <p className="text-sm text-slate-600">{labels.suratTugasNone}</p>
        )}
      </Section>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" type="date" label={koreksi ? labels.koreksiDate : labels.startDate} />
        <Section show={!koreksi}>
          <TextField name="endDate" type="date" label={labels.endDate} />
        </Section>
      </div>
      {!koreksi && <p className="-mt-3 text-xs text-slate-600">{labels.datesHint}</p>}

      <Section show={shows("koreksi")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TimeField name="checkIn" label={`${labels.checkIn} (${labels.optional})`} hint={labels.timeHint} />
          <TimeField name="checkOut" label={`${labels.checkOut} (${labels.optional})`} />
        </div>
      </Section>

      <ReasonField label={labels.reason} hint={labels.reasonHint} maxLength={reasonMax} />

      <Section show={!hydrated || !["koreksi", "wfh", "wfa"].includes(kind)}>
        <FileField name="attachment" label={labels.attachment} hint={labels.attachmentHint} accept="application/pdf,.pdf,image/jpeg,image/png" />
      </Section>
    </ActionForm>
  );
}

/** The kind select: like SelectField, and it tells the form which sections to show. */
function SelectFieldWithChange({
  name,
  label,
  emptyLabel,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  emptyLabel: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
