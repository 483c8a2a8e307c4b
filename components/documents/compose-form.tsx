"use client";

import { useActionState, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { submitWithoutReset } from "@/components/ui/action-form";
import type { ComposeData } from "@/lib/documents/compose-data";
import type { PickedRecipient } from "@/lib/documents/recipients";
import { BodyEditor, type BodyEditorLabels } from "./body-editor";
import { ClassificationPicker, type ClassificationPickerLabels } from "./classification-picker";
import { PdfViewer, type PdfViewerLabels } from "./pdf-viewer";
import { RecipientPicker, type RecipientPickerLabels } from "./recipient-picker";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

// The form starts from what lib/documents/compose-data.ts reads (a type-only import: nothing of the server module
// reaches the browser).
export type ComposeType = ComposeData["types"][number];
export type ComposeInitial = ComposeData["initial"];

export type ComposeLabels = Record<
  | "write"
  | "preview"
  | "type"
  | "securityClass"
  | "urgency"
  | "classification"
  | "subject"
  | "summary"
  | "attachmentCount"
  | "body"
  | "bodyFromPdf"
  | "recipients"
  | "carbonCopies"
  | "reviewers"
  | "reviewersHint"
  | "signers"
  | "signersHint"
  | "onBehalfOf"
  | "onBehalfOfHint"
  | "chain"
  | "details"
  | "basis"
  | "basisHint"
  | "people"
  | "purpose"
  | "destination"
  | "startDate"
  | "endDate"
  | "invitationDate"
  | "invitationTime"
  | "invitationPlace"
  | "invitationAgenda"
  | "saving"
  | "saved"
  | "saveFailed"
  | "unsaved"
  | "submit"
  | "submitting"
  | "saveEdit"
  | "editNote"
  | "optional",
  string
> & { security: Record<string, string>; urgencies: Record<string, string> };

const inputClass =
  "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && <p className="text-xs text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function SubmitButton({ label, pendingLabel, pending }: { label: string; pendingLabel: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      data-testid="compose-submit"
      className="inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

const ids = (picked: PickedRecipient[]) => picked.flatMap((p) => (p.kind === "position" ? [p.positionId] : p.kind === "employee" ? [p.employeeId] : []));

/**
 * The compose form of an official document. The drafter's copy autosaves a moment after every change
 * and refreshes the preview (beside the form on wide screens, behind a tab on phones); the reviewer's copy
 * (a direct edit) saves once, with a note, as a new version.
 */
export function ComposeForm({
  documentId,
  mode,
  types,
  initial,
  saveAction,
  submitAction,
  labels,
  editorLabels,
  classificationLabels,
  recipientLabels,
  viewerLabels,
}: {
  documentId: number;
  mode: "drafter" | "reviewer";
  types: ComposeType[];
  initial: ComposeInitial;
  saveAction: Action;
  submitAction: Action;
  labels: ComposeLabels;
  editorLabels: BodyEditorLabels;
  classificationLabels: ClassificationPickerLabels;
  recipientLabels: RecipientPickerLabels;
  viewerLabels: PdfViewerLabels;
}) {
  const [state, formAction, submitting] = useActionState(submitAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [typeId, setTypeId] = useState(initial.documentTypeId);
  const [reviewers, setReviewers] = useState(initial.reviewers);
  const [signers, setSigners] = useState(initial.signers);
  const [onBehalfOf, setOnBehalfOf] = useState(initial.onBehalfOf);
  const [people, setPeople] = useState(initial.assignedPeople);
  const [assignment, setAssignment] = useState({
    basis: (initial.details.assignment?.basis ?? []).join("\n"),
    purpose: initial.details.assignment?.purpose ?? "",
    destination: initial.details.assignment?.destination ?? "",
    startDate: initial.details.assignment?.startDate ?? "",
    endDate: initial.details.assignment?.endDate ?? "",
  });
  const [invitation, setInvitation] = useState({
    date: initial.details.invitation?.date ?? "",
    time: initial.details.invitation?.time ?? "",
    place: initial.details.invitation?.place ?? "",
    agenda: initial.details.invitation?.agenda ?? "",
  });
  const [save, setSave] = useState<{ status: "idle" | "dirty" | "saving" | "saved" | "error"; message?: string; at?: number; errors?: Record<string, string> }>({ status: "idle" });
  const [previewVersion, setPreviewVersion] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const type = types.find((t) => t.id === typeId) ?? types[0];
  const fieldErrors = { ...(save.errors ?? {}), ...(state.status === "error" ? state.fieldErrors : {}) };
  const autosave = mode === "drafter";

  const runSave = useCallback(async () => {
    if (!formRef.current) return;
    setSave({ status: "saving" });
    const result = await saveAction(idleState, new FormData(formRef.current));
    if (result.status === "ok") {
      const at = (result.data as { savedAt?: number } | undefined)?.savedAt ?? Date.now();
      setSave({ status: "saved", at });
      setPreviewVersion(at);
    } else if (result.status === "error") setSave({ status: "error", message: result.message, errors: result.fieldErrors });
  }, [saveAction]);

  const changed = useCallback(() => {
    if (!autosave) return;
    setSave((s) => ({ ...s, status: "dirty" }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runSave(), 1500);
  }, [autosave, runSave]);

  // Hidden inputs driven by state change after render: schedule the save once React has written them.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    changed();
  }, [typeId, reviewers, signers, onBehalfOf, people, assignment, invitation, changed]);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const signerPlan = ids(signers).map((positionId, i) => ({ positionId, onBehalfOfPositionId: i === 0 ? (ids(onBehalfOf)[0] ?? null) : null }));
  const details =
    type?.detailKind === "assignment"
      ? { assignment: { ...assignment, basis: assignment.basis.split("\n").map((l) => l.trim()).filter(Boolean), employeeIds: ids(people) } }
      : type?.detailKind === "invitation"
        ? { invitation }
        : {};
  const saveStatus =
    save.status === "saving"
      ? labels.saving
      : save.status === "saved"
        ? labels.saved.replace("{time}", save.at ? new Date(save.at).toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" }) : "")
        : save.status === "error"
          ? (save.message ?? labels.saveFailed)
          : save.status === "dirty"
            ? labels.unsaved
            : "";
  const previewUrl = `/api/naskah/${documentId}/berkas?v=${previewVersion}`;

  return (
    <div className="lg:grid lg:grid-cols-2 lg:gap-6">
      <div role="tablist" aria-label={labels.write} className="sticky top-14 z-10 -mx-4 mb-3 flex border-b border-slate-200 bg-white px-4 lg:hidden">
        {(["write", "preview"] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`min-h-11 flex-1 border-b-2 text-sm font-semibold ${tab === name ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600"}`}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={submitWithoutReset(formAction)}
        onInput={changed}
        noValidate
        className={`space-y-4 ${tab === "write" ? "" : "hidden lg:block"}`}
        data-testid="compose-form"
      >
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="reviewers" value={JSON.stringify(ids(reviewers))} />
        <input type="hidden" name="signers" value={JSON.stringify(signerPlan)} />
        <input type="hidden" name="details" value={JSON.stringify(details)} />
        {state.status === "error" && (
          <p role="alert" data-testid="form-error" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.message}
          </p>
        )}
        <Field id="documentTypeId" label={labels.type} error={fieldErrors.documentTypeId}>
          <select id="documentTypeId" name="documentTypeId" value={typeId} onChange={(e) => setTypeId(Number(e.target.value))} className={inputClass} disabled={mode === "reviewer"}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {mode === "reviewer" && <input type="hidden" name="documentTypeId" value={typeId} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="securityClass" label={labels.securityClass} error={fieldErrors.securityClass}>
            <select id="securityClass" name="securityClass" defaultValue={initial.securityClass} className={inputClass}>
              {Object.entries(labels.security).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="urgency" label={labels.urgency} error={fieldErrors.urgency}>
            <select id="urgency" name="urgency" defaultValue={initial.urgency} className={inputClass}>
              {Object.entries(labels.urgencies).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ClassificationPicker
          name="classificationCode"
          label={labels.classification}
          initialCode={initial.classificationCode}
          initialLabel={initial.classificationLabel}
          error={fieldErrors.classificationCode}
          labels={classificationLabels}
          onChange={changed}
        />
        <Field id="subject" label={labels.subject} error={fieldErrors.subject}>
          <input id="subject" name="subject" defaultValue={initial.subject} maxLength={500} className={inputClass} aria-invalid={!!fieldErrors.subject} />
        </Field>
        <RecipientPicker
          name="recipients"
          label={labels.recipients}
          initial={initial.recipients}
          kinds={type?.internal ? ["position", "unit", "employee"] : ["position", "unit", "employee", "external"]}
          onChange={changed}
          error={fieldErrors.recipients}
          labels={recipientLabels}
        />
        <RecipientPicker
          name="carbonCopies"
          label={`${labels.carbonCopies} (${labels.optional})`}
          initial={initial.carbonCopies}
          kinds={type?.internal ? ["position", "unit", "employee"] : ["position", "unit", "employee", "external"]}
          onChange={changed}
          error={fieldErrors.carbonCopies}
          labels={recipientLabels}
        />

        {type?.detailKind === "assignment" && (
          <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{labels.details}</legend>
            <Field id="basis" label={labels.basis} hint={labels.basisHint}>
              <textarea id="basis" rows={3} value={assignment.basis} onChange={(e) => setAssignment({ ...assignment, basis: e.target.value })} className={inputClass} />
            </Field>
            <RecipientPicker name="assignedPeople" label={labels.people} initial={initial.assignedPeople} kinds={["employee"]} onChange={setPeople} error={fieldErrors.details} labels={recipientLabels} />
            <Field id="purpose" label={labels.purpose}>
              <textarea id="purpose" rows={3} value={assignment.purpose} onChange={(e) => setAssignment({ ...assignment, purpose: e.target.value })} className={inputClass} />
            </Field>
            <Field id="destination" label={labels.destination}>
              <input id="destination" value={assignment.destination} onChange={(e) => setAssignment({ ...assignment, destination: e.target.value })} className={inputClass} />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id="startDate" label={labels.startDate}>
                <input id="startDate" type="date" value={assignment.startDate} onChange={(e) => setAssignment({ ...assignment, startDate: e.target.value })} className={inputClass} />
              </Field>
              <Field id="endDate" label={labels.endDate}>
                <input id="endDate" type="date" value={assignment.endDate} onChange={(e) => setAssignment({ ...assignment, endDate: e.target.value })} className={inputClass} />
              </Field>
            </div>
          </fieldset>
        )}
        {type?.detailKind === "invitation" && (
          <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{labels.details}</legend>
            {fieldErrors.details && <p className="text-sm text-red-700">{fieldErrors.details}</p>}
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id="invitationDate" label={labels.invitationDate}>
                <input id="invitationDate" type="date" value={invitation.date} onChange={(e) => setInvitation({ ...invitation, date: e.target.value })} className={inputClass} />
              </Field>
              <Field id="invitationTime" label={labels.invitationTime}>
                <input id="invitationTime" value={invitation.time} placeholder="09.00 WIB – selesai" onChange={(e) => setInvitation({ ...invitation, time: e.target.value })} className={inputClass} />
              </Field>
            </div>
            <Field id="invitationPlace" label={labels.invitationPlace}>
              <input id="invitationPlace" value={invitation.place} onChange={(e) => setInvitation({ ...invitation, place: e.target.value })} className={inputClass} />
            </Field>
            <Field id="invitationAgenda" label={labels.invitationAgenda}>
              <textarea id="invitationAgenda" rows={2} value={invitation.agenda} onChange={(e) => setInvitation({ ...invitation, agenda: e.target.value })} className={inputClass} />
            </Field>
          </fieldset>
        )}

        {initial.bodySource === "editor" ? (
          <BodyEditor name="body" initialBody={initial.body} onChange={changed} label={labels.body} error={fieldErrors.body} labels={editorLabels} />
        ) : (
          <>
            <input type="hidden" name="body" value={JSON.stringify(initial.body)} />
            <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{labels.bodyFromPdf}</p>
            {fieldErrors.body && <p className="text-sm text-red-700">{fieldErrors.body}</p>}
          </>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="attachmentCount" label={labels.attachmentCount} error={fieldErrors.attachmentCount}>
            <input id="attachmentCount" name="attachmentCount" type="number" min={0} max={999} inputMode="numeric" defaultValue={initial.attachmentCount} className={inputClass} />
          </Field>
          <Field id="summary" label={`${labels.summary} (${labels.optional})`} error={fieldErrors.summary}>
            <input id="summary" name="summary" defaultValue={initial.summary} maxLength={2000} className={inputClass} />
          </Field>
        </div>

        {mode === "drafter" ? (
          <fieldset className="space-y-3 rounded-xl border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-800">{labels.chain}</legend>
            <RecipientPicker name="reviewerPicks" label={`${labels.reviewers} (${labels.optional})`} initial={initial.reviewers} kinds={["position"]} ordered max={10} onChange={setReviewers} error={fieldErrors.reviewers} labels={recipientLabels} />
            <p className="text-xs text-slate-600">{labels.reviewersHint}</p>
            <RecipientPicker name="signerPicks" label={labels.signers} initial={initial.signers} kinds={["position"]} ordered max={5} onChange={setSigners} error={fieldErrors.signers} labels={recipientLabels} />
            <p className="text-xs text-slate-600">{labels.signersHint}</p>
            <RecipientPicker name="onBehalfOfPick" label={`${labels.onBehalfOf} (${labels.optional})`} initial={initial.onBehalfOf} kinds={["position"]} max={1} onChange={setOnBehalfOf} labels={recipientLabels} />
            <p className="text-xs text-slate-600">{labels.onBehalfOfHint}</p>
          </fieldset>
        ) : (
          <Field id="note" label={`${labels.editNote} (${labels.optional})`}>
            <input id="note" name="note" maxLength={1000} className={inputClass} />
          </Field>
        )}

        <div className="sticky bottom-16 z-10 -mx-4 flex flex-col gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 sm:flex-row sm:items-center md:bottom-0">
          <SubmitButton label={mode === "drafter" ? labels.submit : labels.saveEdit} pendingLabel={labels.submitting} pending={submitting} />
          {autosave && (
            <p role="status" aria-live="polite" data-testid="autosave-status" className="text-sm text-slate-600">
              {saveStatus}
            </p>
          )}
        </div>
      </form>
      <section aria-label={labels.preview} className={`${tab === "preview" ? "" : "hidden lg:block"} lg:sticky lg:top-20 lg:self-start`}>
        <PdfViewer src={previewUrl} title={labels.preview} labels={viewerLabels} />
      </section>
    </div>
  );
}
