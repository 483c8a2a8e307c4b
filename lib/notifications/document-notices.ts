import type { officialDocuments } from "@/db/schema";
import type { Notice } from "./notify";

// The notifications of the naskah flow, built in one place so every hook says the same thing the same way.

type Doc = Pick<typeof officialDocuments.$inferSelect, "id" | "subject" | "securityClass">;

export type DocumentNoticeKind = "review_requested" | "signature_requested" | "document_received" | "document_copied";

const MESSAGE: Record<DocumentNoticeKind, string> = {
  review_requested: "reviewRequested",
  signature_requested: "signatureRequested",
  document_received: "documentReceived",
  document_copied: "documentCopied",
};

const SUBJECT_MAX = 120;

/**
 * A notice about an official document, opening it. Rahasia and Sangat Rahasia documents are announced without
 * their subject: a notification outlives the post it was sent to (a Plh whose term ended keeps it, but no
 * longer sees the document), and a secret subject must not stay behind in it.
 */
export function documentNotice(what: DocumentNoticeKind, doc: Doc): Notice {
  const secret = doc.securityClass === "R" || doc.securityClass === "SR";
  const subject = doc.subject.trim().length > SUBJECT_MAX ? `${doc.subject.trim().slice(0, SUBJECT_MAX - 1)}…` : doc.subject.trim();
  return {
    kind: what === "document_copied" ? "document_received" : what,
    messageKey: `notifications.messages.${MESSAGE[what]}${secret ? "Secret" : ""}`,
    params: secret ? {} : { subject },
    href: `/naskah/${doc.id}`,
  };
}
