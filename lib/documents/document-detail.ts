import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  agencies,
  documentAttachments,
  documentDeliveries,
  documentEvents,
  documentRecipients,
  documentRevisions,
  documentSteps,
  documentTypes,
  documentVersions,
  employees,
  positions,
  signedDocuments,
} from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { displayName } from "@/lib/org/display-name";
import { actorPositionIds, visibleOfficialDocument, type OfficialDocument } from "./access";
import { diffLines, snapshotLines, type DiffLine, type DocumentSnapshot } from "./snapshot";
import { buildRenderInput } from "./render-model";
import { renderDocumentPdf } from "./render/render-document";

// What the detail page of an official document shows, and what the actor may do with it now.

export type DocumentDetail = Awaited<ReturnType<typeof documentDetail>>;

export function documentDetail(ctx: Ctx, documentId: number) {
  const doc = visibleOfficialDocument(ctx, documentId);
  const type = ctx.db.select().from(documentTypes).where(eq(documentTypes.id, doc.documentTypeId)).get();
  const drafter = ctx.db.select().from(employees).where(eq(employees.id, doc.drafterEmployeeId)).get();
  const drafterPosition = doc.drafterPositionId ? ctx.db.select({ name: positions.name }).from(positions).where(eq(positions.id, doc.drafterPositionId)).get() : null;
  const steps = ctx.db
    .select({ step: documentSteps, positionName: positions.name })
    .from(documentSteps)
    .innerJoin(positions, eq(positions.id, documentSteps.positionId))
    .where(eq(documentSteps.documentId, doc.id))
    .orderBy(asc(documentSteps.role), asc(documentSteps.sequence))
    .all();
  const actedBy = new Map(
    (() => {
      const ids = steps.map((s) => s.step.actedByEmployeeId).filter((id): id is number => id !== null);
      return ids.length ? ctx.db.select().from(employees).where(inArray(employees.id, ids)).all().map((e) => [e.id, displayName(e)] as const) : [];
    })(),
  );
  const recipients = ctx.db.select().from(documentRecipients).where(eq(documentRecipients.documentId, doc.id)).orderBy(asc(documentRecipients.kind), asc(documentRecipients.sequence)).all();
  const mine = actorPositionIds(ctx.actor);
  const isSender = doc.drafterEmployeeId === ctx.actor.employeeId || steps.some((s) => s.step.role === "signer" && (mine.includes(s.step.positionId) || s.step.actedByEmployeeId === ctx.actor.employeeId));
  // Read receipts are the sender's business (and the records clerk's); a recipient sees only their own.
  const deliveries = ctx.db
    .select({ delivery: documentDeliveries, positionName: positions.name, readerName: employees.name, readerFront: employees.titleFront, readerBack: employees.titleBack })
    .from(documentDeliveries)
    .innerJoin(positions, eq(positions.id, documentDeliveries.positionId))
    .leftJoin(employees, eq(employees.id, documentDeliveries.readByEmployeeId))
    .where(eq(documentDeliveries.documentId, doc.id))
    .orderBy(asc(documentDeliveries.id))
    .all()
    .filter((d) => isSender || ctx.actor.roles.has("records_clerk") || mine.includes(d.delivery.positionId))
    .map((d) => ({
      id: d.delivery.id,
      kind: d.delivery.kind,
      positionName: d.positionName,
      readAt: d.delivery.readAt,
      readerName: d.readerName ? displayName({ name: d.readerName, titleFront: d.readerFront ?? "", titleBack: d.readerBack ?? "" }) : null,
    }));
  const events = ctx.db.select().from(documentEvents).where(eq(documentEvents.documentId, doc.id)).orderBy(asc(documentEvents.id)).all();
  const versions = ctx.db
    .select({ version: documentVersions.version, kind: documentVersions.kind, note: documentVersions.note, createdAt: documentVersions.createdAt })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, doc.id))
    .orderBy(asc(documentVersions.version))
    .all();
  const attachments = ctx.db
    .select({ id: documentAttachments.id, fileName: documentAttachments.fileName, mediaType: documentAttachments.mediaType, size: documentAttachments.size })
    .from(documentAttachments)
    .where(eq(documentAttachments.documentId, doc.id))
    .all();
  const signing = doc.signedDocumentId ? ctx.db.select().from(signedDocuments).where(eq(signedDocuments.id, doc.signedDocumentId)).get() : null;
  const pendingStep = (role: "reviewer" | "signer") => steps.find((s) => s.step.role === role && s.step.status === "pending")?.step ?? null;
  const current = doc.status === "in_review" ? pendingStep("reviewer") : doc.status === "signing" ? pendingStep("signer") : null;
  const myTurn = !!current && ctx.actor.acting?.positionId === current.positionId;
  const holdsCurrent = !!current && mine.includes(current.positionId);
  const anySigned = steps.some((s) => s.step.role === "signer" && s.step.status === "done");
  const received =
    mine.length > 0 &&
    !!ctx.db
      .select({ id: documentDeliveries.id })
      .from(documentDeliveries)
      .where(and(eq(documentDeliveries.documentId, doc.id), inArray(documentDeliveries.positionId, mine)))
      .get();

  return {
    doc,
    typeName: type?.name ?? "",
    typeCode: type?.code ?? "",
    drafterName: drafter ? displayName(drafter) : "",
    drafterPositionName: drafterPosition?.name ?? "",
    reviewers: steps.filter((s) => s.step.role === "reviewer").map((s) => ({ ...s.step, positionName: s.positionName, actedByName: s.step.actedByEmployeeId ? actedBy.get(s.step.actedByEmployeeId) ?? "" : null })),
    signers: steps.filter((s) => s.step.role === "signer").map((s) => ({ ...s.step, positionName: s.positionName, actedByName: s.step.actedByEmployeeId ? actedBy.get(s.step.actedByEmployeeId) ?? "" : null })),
    recipients: recipients.filter((r) => r.kind === "to"),
    carbonCopies: recipients.filter((r) => r.kind === "cc"),
    deliveries,
    events,
    versions,
    attachments,
    verificationId: signing?.verificationId ?? null,
    can: {
      edit: doc.drafterEmployeeId === ctx.actor.employeeId && (doc.status === "draft" || doc.status === "returned"),
      review: doc.status === "in_review" && myTurn,
      sign: doc.status === "signing" && myTurn,
      returnIt: myTurn && (doc.status === "in_review" || (doc.status === "signing" && !anySigned)),
      switchPosition: !myTurn && holdsCurrent,
      reply: doc.status === "sent" && received,
      forward: doc.status === "sent" && (received || doc.drafterEmployeeId === ctx.actor.employeeId) && doc.securityClass !== "R" && doc.securityClass !== "SR",
      manualNumber: doc.status === "signing" && !doc.number && can(ctx.actor, "number.manual", { agencyId: doc.agencyId }),
    },
  };
}

/** Two versions' snapshots as a line diff. */
export function compareVersions(ctx: Ctx, documentId: number, from: number, to: number): { from: number; to: number; lines: DiffLine[] } {
  const doc = visibleOfficialDocument(ctx, documentId);
  const load = (version: number) => {
    const row = ctx.db.select().from(documentVersions).where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.version, version))).get();
    if (!row) throw notFound();
    return JSON.parse(row.snapshot) as DocumentSnapshot;
  };
  return { from, to, lines: diffLines(snapshotLines(load(from)), snapshotLines(load(to))) };
}

/**
 * The PDF to show: once in signing, the latest signed revision (what the verifier checks); before that a
 * provisional rendering of the current draft (watermarked, number and date marked as not yet given).
 */
export async function documentPdf(ctx: Ctx, documentId: number): Promise<{ bytes: Buffer; final: boolean; fileName: string }> {
  const doc = visibleOfficialDocument(ctx, documentId);
  const fileName = fileNameOf(doc);
  if (doc.signedDocumentId) {
    const revision = ctx.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.signedDocumentId)).orderBy(desc(documentRevisions.sequence)).get();
    const file = revision ? sqliteFileStore.get(ctx.db, revision.fileSha256) : null;
    if (!file) throw notFound();
    return { bytes: file.data, final: doc.status === "sent", fileName };
  }
  if (doc.bodySource === "pdf") {
    const file = doc.bodyPdfSha256 ? sqliteFileStore.get(ctx.db, doc.bodyPdfSha256) : null;
    if (!file) throw notFound();
    return { bytes: file.data, final: false, fileName };
  }
  const rendered = await renderDocumentPdf(buildRenderInput(ctx.db, doc, { provisional: true }));
  return { bytes: rendered.pdf, final: false, fileName };
}

function fileNameOf(doc: OfficialDocument): string {
  const base = (doc.number ?? `konsep-${doc.id}`).replace(/[^A-Za-z0-9.-]+/g, "_");
  return `naskah-${base}.pdf`;
}

export function agencyTimeZone(ctx: Ctx): string {
  return ctx.db.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, ctx.actor.agencyId)).get()?.timeZone ?? "Asia/Jakarta";
}
