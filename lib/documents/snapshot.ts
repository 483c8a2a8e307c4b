import "server-only";
import { asc, eq } from "drizzle-orm";
import { documentRecipients, documentTypes, documentVersions, officialDocuments } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import type { OfficialDocument } from "./access";
import { bodyPlainText, bodySchema } from "./content";

// Versions of a document: what the drafter (or a reviewer editing directly) submitted, frozen as
// readable text so any two versions can be compared line by line long after the types or posts change.

export type DocumentSnapshot = {
  typeName: string;
  securityClass: string;
  urgency: string;
  classificationCode: string;
  subject: string;
  summary: string;
  attachmentCount: number;
  recipients: string[];
  carbonCopies: string[];
  details: string;
  bodyText: string;
  bodyPdfSha256: string | null;
};

export function takeSnapshot(tx: Tx, doc: OfficialDocument): DocumentSnapshot {
  const type = tx.select({ name: documentTypes.name }).from(documentTypes).where(eq(documentTypes.id, doc.documentTypeId)).get();
  const recipients = tx.select().from(documentRecipients).where(eq(documentRecipients.documentId, doc.id)).orderBy(asc(documentRecipients.sequence)).all();
  const body = bodySchema.safeParse(JSON.parse(doc.body || "[]"));
  const line = (r: (typeof recipients)[number]) => (r.address ? `${r.label}, ${r.address}` : r.label);
  return {
    typeName: type?.name ?? "",
    securityClass: doc.securityClass,
    urgency: doc.urgency,
    classificationCode: doc.classificationCode,
    subject: doc.subject,
    summary: doc.summary,
    attachmentCount: doc.attachmentCount,
    recipients: recipients.filter((r) => r.kind === "to").map(line),
    carbonCopies: recipients.filter((r) => r.kind === "cc").map(line),
    details: doc.details === "{}" ? "" : doc.details,
    bodyText: doc.bodySource === "editor" && body.success ? bodyPlainText(body.data) : "",
    bodyPdfSha256: doc.bodySource === "pdf" ? doc.bodyPdfSha256 : null,
  };
}

/** Stores the document's current content as its next version, inside the caller's transaction. */
export function recordVersion(tx: Tx, ctx: Ctx, documentId: number, kind: "submitted" | "revised" | "reviewer_edit", note = ""): number {
  const doc = tx.select().from(officialDocuments).where(eq(officialDocuments.id, documentId)).get();
  if (!doc) throw new Error(`document ${documentId} vanished`);
  const version = doc.version + 1;
  tx.insert(documentVersions)
    .values({ documentId, version, kind, snapshot: JSON.stringify(takeSnapshot(tx, doc)), createdByEmployeeId: ctx.actor.employeeId, note, createdAt: ctx.now })
    .run();
  tx.update(officialDocuments).set({ version }).where(eq(officialDocuments.id, documentId)).run();
  return version;
}


export type DiffLine = { kind: "same" | "added" | "removed"; text: string };

/** Line diff by longest common subsequence: versions are short, so the quadratic table is fine. */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  if (n * m > 4_000_000) return [...before.map((text) => ({ kind: "removed" as const, text })), ...after.map((text) => ({ kind: "added" as const, text }))];
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: "same", text: before[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: "removed", text: before[i++] });
    else out.push({ kind: "added", text: after[j++] });
  }
  while (i < n) out.push({ kind: "removed", text: before[i++] });
  while (j < m) out.push({ kind: "added", text: after[j++] });
  return out;
}

/** A snapshot as labelled lines, the unit of comparison between versions. */
export function snapshotLines(s: DocumentSnapshot): string[] {
  return [
    `Jenis: ${s.typeName}`,
    `Sifat: ${s.securityClass}`,
    `Urgensi: ${s.urgency}`,
    `Klasifikasi: ${s.classificationCode}`,
    `Hal: ${s.subject}`,
    ...(s.summary ? [`Isi ringkas: ${s.summary}`] : []),
    `Lampiran: ${s.attachmentCount}`,
    ...s.recipients.map((r) => `Yth.: ${r}`),
    ...s.carbonCopies.map((r) => `Tembusan: ${r}`),
    ...(s.details ? [`Rincian: ${s.details}`] : []),
    ...(s.bodyPdfSha256 ? [`Isi (PDF): ${s.bodyPdfSha256.slice(0, 12)}`] : []),
    ...s.bodyText.split("\n"),
  ];
}
