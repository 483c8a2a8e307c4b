import type { Translate } from "@/lib/i18n/catalog";
import incoming from "@/messages/id/incoming.json";
import type { PagePhotosLabels } from "./page-photos-field";

// The texts client components of Surat Masuk receive, built on the server in the reader's language; keys
// come from the Indonesian catalog group, as in components/documents/labels.ts.

export const pagePhotosLabels = (t: Translate) =>
  Object.fromEntries(Object.keys(incoming.incoming.photos).map((key) => [key, t(`incoming.photos.${key}`)])) as PagePhotosLabels;
