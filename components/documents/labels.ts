import type { Translate } from "@/lib/i18n/catalog";
import compose from "@/messages/id/naskah-compose.json";
import naskah from "@/messages/id/naskah.json";
import type { BodyEditorLabels } from "./body-editor";
import type { ClassificationPickerLabels } from "./classification-picker";
import type { ComposeLabels } from "./compose-form";
import type { PdfViewerLabels } from "./pdf-viewer";
import type { RecipientPickerLabels } from "./recipient-picker";

// The texts client components of the Naskah area receive, built on the server in the reader's language.
// Each component's labels are one catalog group, so its keys come from the Indonesian catalog itself and
// a key added there reaches the component without touching this file. Placeholders stay for the client.

function group<T>(t: Translate, prefix: string, keys: object): T {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, t(`${prefix}.${key}`)])) as T;
}

export const bodyEditorLabels = (t: Translate) => group<BodyEditorLabels>(t, "compose.editor", compose.compose.editor);
export const classificationPickerLabels = (t: Translate) => group<ClassificationPickerLabels>(t, "compose.classification", compose.compose.classification);
export const recipientPickerLabels = (t: Translate) => group<RecipientPickerLabels>(t, "compose.recipients", compose.compose.recipients);
export const pdfViewerLabels = (t: Translate) => group<PdfViewerLabels>(t, "compose.pdf", compose.compose.pdf);

export const composeLabels = (t: Translate): ComposeLabels => ({
  ...group<Omit<ComposeLabels, "security" | "urgencies">>(t, "naskah.compose", naskah.naskah.compose),
  security: group<Record<string, string>>(t, "naskah.security", naskah.naskah.security),
  urgencies: group<Record<string, string>>(t, "naskah.urgency", naskah.naskah.urgency),
});
