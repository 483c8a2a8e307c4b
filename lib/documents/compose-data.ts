import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { classificationCodes, documentAttachments, documentRecipients, documentSteps, employees, positions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError, forbidden } from "@/lib/errors";
import { displayName } from "@/lib/org/display-name";
import { listDocumentTypes } from "./document-types";
import { visibleOfficialDocument, type OfficialDocument } from "./access";
import { bodySchema, emptyBody, type Body } from "./content";
import { detailKindOf, parseDetails, type DocumentDetails } from "./details";
import type { PickedRecipient } from "./recipients";
import { currentStepFor } from "./review";

// What the compose form starts from: the saved draft with every picked person, post and code labelled.

export type ComposeData = {
  doc: OfficialDocument;
  mode: "drafter" | "reviewer";
  types: { id: number; name: string; code: string; internal: boolean; detailKind: "assignment" | "invitation" | null }[];
  initial: {
    documentTypeId: number;
    securityClass: string;
    urgency: string;
    classificationCode: string;
    classificationLabel: string;
    subject: string;
    summary: string;
    attachmentCount: number;
    body: Body;
    bodySource: "editor" | "pdf";
    recipients: PickedRecipient[];
    carbonCopies: PickedRecipient[];
    reviewers: PickedRecipient[];
    signers: PickedRecipient[];
    onBehalfOf: PickedRecipient[];
    details: DocumentDetails;
    assignedPeople: PickedRecipient[];
  };
  attachments: { id: number; fileName: string; size: number }[];
};

function asPicked(r: typeof documentRecipients.$inferSelect): PickedRecipient {
  if (r.targetKind === "position" && r.positionId) return { kind: "position", positionId: r.positionId, label: r.label };
  if (r.targetKind === "unit" && r.unitId) return { kind: "unit", unitId: r.unitId, label: r.label };
  if (r.targetKind === "employee" && r.employeeId) return { kind: "employee", employeeId: r.employeeId, label: r.label };
  return { kind: "external", name: r.label, address: r.address, label: r.label, sublabel: r.address };
}

/** The drafter edits a draft or a returned document; the current reviewer edits one in review. */
export function composeData(ctx: Ctx, documentId: number): ComposeData {
  const doc = visibleOfficialDocument(ctx, documentId);
  let mode: ComposeData["mode"];
  if (doc.status === "draft" || doc.status === "returned") {
    if (doc.drafterEmployeeId !== ctx.actor.employeeId) throw forbidden();
    mode = "drafter";
  } else if (doc.status === "in_review") {
    currentStepFor(ctx.db, ctx, doc, "reviewer");
    mode = "reviewer";
  } else throw new DomainError("conflict", "naskah.draft.notEditable");

  const recipients = ctx.db.select().from(documentRecipients).where(eq(documentRecipients.documentId, doc.id)).orderBy(asc(documentRecipients.sequence)).all();
  const steps = ctx.db
    .select({ step: documentSteps, name: positions.name })
    .from(documentSteps)
    .innerJoin(positions, eq(positions.id, documentSteps.positionId))
    .where(eq(documentSteps.documentId, doc.id))
    .orderBy(asc(documentSteps.sequence))
    .all();
  const onBehalfId = steps.find((s) => s.step.role === "signer" && s.step.onBehalfOfPositionId)?.step.onBehalfOfPositionId ?? null;
  const onBehalf = onBehalfId ? ctx.db.select({ id: positions.id, name: positions.name }).from(positions).where(eq(positions.id, onBehalfId)).get() : null;
  const details = parseDetails(doc.details);
  const peopleIds = details.assignment?.employeeIds ?? [];
  const people = peopleIds.length ? ctx.db.select().from(employees).where(inArray(employees.id, peopleIds)).all() : [];
  const code = doc.classificationCode ? ctx.db.select().from(classificationCodes).where(eq(classificationCodes.code, doc.classificationCode)).get() : null;
  const body = bodySchema.safeParse(JSON.parse(doc.body || "[]"));
  const position = (s: (typeof steps)[number]): PickedRecipient => ({ kind: "position", positionId: s.step.positionId, label: s.name });

  return {
    doc,
    mode,
    types: listDocumentTypes(ctx.db, ctx.actor.agencyId)
      .filter((t) => t.active || t.id === doc.documentTypeId)
      .map((t) => ({ id: t.id, name: t.name, code: t.code, internal: t.internal, detailKind: detailKindOf(t.code) })),
    initial: {
      documentTypeId: doc.documentTypeId,
      securityClass: doc.securityClass,
      urgency: doc.urgency,
      classificationCode: doc.classificationCode,
      classificationLabel: code ? `${code.code} — ${code.name}` : "",
      subject: doc.subject,
      summary: doc.summary,
      attachmentCount: doc.attachmentCount,
      body: body.success && body.data.length > 0 ? body.data : emptyBody(),
      bodySource: doc.bodySource,
      recipients: recipients.filter((r) => r.kind === "to").map(asPicked),
      carbonCopies: recipients.filter((r) => r.kind === "cc").map(asPicked),
      reviewers: steps.filter((s) => s.step.role === "reviewer").map(position),
      signers: steps.filter((s) => s.step.role === "signer").map(position),
      onBehalfOf: onBehalf ? [{ kind: "position", positionId: onBehalf.id, label: onBehalf.name }] : [],
      details,
      assignedPeople: peopleIds.flatMap((id) => {
        const e = people.find((p) => p.id === id);
        return e ? [{ kind: "employee" as const, employeeId: e.id, label: displayName(e) }] : [];
      }),
    },
    attachments: ctx.db
      .select({ id: documentAttachments.id, fileName: documentAttachments.fileName, size: documentAttachments.size })
      .from(documentAttachments)
      .where(and(eq(documentAttachments.documentId, doc.id)))
      .all(),
  };
}
