import type { RecipientPickerLabels } from "@/components/documents/recipient-picker";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";
import type { Translate } from "@/lib/i18n/catalog";
import { InstructionChecklist, PositionsField, TextAreaField } from "./form-fields";

/**
 * A disposition: posts below the actor's, ticked instructions plus "Lain-lain", a note, urgency, a deadline
 * and "tembuskan ke atasan". `parentId` is the received disposition forwarded further, or null for an
 * addressee disposing the letter itself.
 */
export function DisposeForm({
  action,
  letterId,
  parentId,
  instructions,
  t,
  recipientLabels,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  letterId: number;
  parentId: number | null;
  instructions: string[];
  t: Translate;
  recipientLabels: RecipientPickerLabels;
}) {
  const optional = (label: string) => `${label} (${t("common.optional")})`;
  return (
    <ActionForm action={action} submitLabel={t("incoming.dispose.submit")} pendingLabel={t("incoming.dispose.pending")} className="space-y-5">
      <input type="hidden" name="letterId" value={letterId} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <PositionsField name="toPositionIds" label={t("incoming.dispose.to")} hint={t("incoming.dispose.toHint")} max={30} labels={recipientLabels} />
      <InstructionChecklist
        instructions={instructions}
        legend={t("incoming.dispose.instructions")}
        otherLabel={optional(t("incoming.dispose.other"))}
        otherHint={t("incoming.dispose.otherHint")}
      />
      <TextAreaField name="note" label={t("incoming.dispose.note")} optional={t("common.optional")} maxLength={2000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="urgency"
          label={t("incoming.dispose.urgency")}
          defaultValue="biasa"
          options={["biasa", "segera", "amat_segera"].map((u) => ({ value: u, label: t(`naskah.urgency.${u}`) }))}
        />
        <TextField name="deadline" type="date" label={optional(t("incoming.dispose.deadline"))} />
      </div>
      <CheckboxField name="copySuperior" label={t("incoming.dispose.copySuperior")} />
    </ActionForm>
  );
}
