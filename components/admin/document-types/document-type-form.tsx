import type { ReactNode } from "react";
import { DOCUMENT_CATEGORIES, DOCUMENT_LAYOUTS, NUMBERING_SCOPES } from "@/db/schema";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/action-state";
import type { DocumentType } from "@/lib/documents/document-types";
import { clientMessages, type Locale, type Translate } from "@/lib/i18n/catalog";
import { NumberingTemplateField, RadioCardsField, type NumberingTemplateLabels } from "./document-type-fields";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** What a new type starts with: a letter-style type numbered per unit. */
const NEW_TYPE = { category: "korespondensi", layout: "korespondensi", numberingTemplate: "{kode}/{urut}/{unit}/{tahun}", numberingScope: "unit" } as const;

/** The numbering.template.* texts, raw, for the client to fill with a problem's parameters. */
function templateProblemTexts(locale: Locale): Record<string, string> {
  const numbering = clientMessages(locale, ["numbering"]).numbering;
  const template = typeof numbering === "object" ? numbering.template : undefined;
  if (typeof template !== "object") return {};
  return Object.fromEntries(Object.entries(template).flatMap(([key, text]) => (typeof text === "string" ? [[`numbering.template.${key}`, text]] : [])));
}

/**
 * The create and edit form of a document type (the fields of `documentTypeForm`). `children` go first
 * inside the form, e.g. the hidden id of the edited type.
 */
export function DocumentTypeForm({
  action,
  submitLabel,
  type,
  defaultSortOrder = 0,
  timeZone,
  locale,
  t,
  children,
}: {
  action: Action;
  submitLabel: string;
  /** The edited type; null for a new one. */
  type: DocumentType | null;
  defaultSortOrder?: number;
  /** The agency's, for the example number's year and month. */
  timeZone: string;
  locale: Locale;
  t: Translate;
  children?: ReactNode;
}) {
  const templateLabels: NumberingTemplateLabels = {
    label: t("adminDocumentTypes.numberingTemplate"),
    hint: t("adminDocumentTypes.numberingTemplateHint"),
    example: t("adminDocumentTypes.example"),
    problems: templateProblemTexts(locale),
    invalid: t("validation.invalid"),
  };
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel={t("common.loading")}>
      {children}
      <TextField
        name="code"
        label={t("adminDocumentTypes.code")}
        hint={t("adminDocumentTypes.codeHint")}
        defaultValue={type?.code}
        required
        maxLength={20}
        autoComplete="off"
      />
      <TextField name="name" label={t("adminDocumentTypes.name")} hint={t("adminDocumentTypes.nameHint")} defaultValue={type?.name} required maxLength={100} />
      <SelectField
        name="category"
        label={t("adminDocumentTypes.category")}
        options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`naskah.category.${c}`) }))}
        defaultValue={type?.category ?? NEW_TYPE.category}
      />
      <RadioCardsField
        name="layout"
        legend={t("adminDocumentTypes.layout")}
        options={DOCUMENT_LAYOUTS.map((l) => ({ value: l, label: t(`adminDocumentTypes.layouts.${l}`), description: t(`adminDocumentTypes.layouts.${l}Hint`) }))}
        defaultValue={type?.layout ?? NEW_TYPE.layout}
      />
      <NumberingTemplateField
        name="numberingTemplate"
        defaultValue={type?.numberingTemplate ?? NEW_TYPE.numberingTemplate}
        timeZone={timeZone}
        labels={templateLabels}
      />
      <SelectField
        name="numberingScope"
        label={t("adminDocumentTypes.numberingScope")}
        hint={t("adminDocumentTypes.numberingScopeHint")}
        options={NUMBERING_SCOPES.map((s) => ({ value: s, label: t(`adminDocumentTypes.scopes.${s}`) }))}
        defaultValue={type?.numberingScope ?? NEW_TYPE.numberingScope}
      />
      <CheckboxField name="internal" label={t("adminDocumentTypes.internal")} defaultChecked={type?.internal ?? false} />
      <TextField
        name="sortOrder"
        type="number"
        inputMode="numeric"
        label={t("adminDocumentTypes.sortOrder")}
        hint={t("adminDocumentTypes.sortOrderHint")}
        defaultValue={String(type?.sortOrder ?? defaultSortOrder)}
      />
    </ActionForm>
  );
}
