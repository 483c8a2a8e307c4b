import "server-only";
import { and, asc, count, desc, eq, inArray, lt, notExists, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { documentRevisions, documentSigners, employees, signedDocuments } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { sqliteFileStore } from "@/lib/files/file-store";
import { visibleDocument } from "./documents";

type QueryCtx = Pick<Ctx, "db" | "actor">;

/**
 * The actor's signing documents: ones they uploaded and ones they are a signer of, newest first,
 * with whether it is their turn now. Visibility is decided in SQL, so the list never leaks.
 */
export function mySigningDocuments(ctx: QueryCtx, { limit = 50, offset = 0 } = {}) {
  const me = ctx.actor.employeeId;
  const mine = ctx.db
    .select({ documentId: documentSigners.documentId })
    .from(documentSigners)
    .where(eq(documentSigners.signerEmployeeId, me));
  const rows = ctx.db
    .select()
    .from(signedDocuments)
    .where(and(eq(signedDocuments.agencyId, ctx.actor.agencyId), or(eq(signedDocuments.ownerEmployeeId, me), inArray(signedDocuments.id, mine))))
    .orderBy(desc(signedDocuments.createdAt), desc(signedDocuments.id))
    .limit(limit + 1)
    .offset(offset)
    .all();
  const ids = rows.slice(0, limit).map((r) => r.id);
  const nextSigner = new Map<number, number>();
  if (ids.length) {
    const pending = ctx.db
      .select({ documentId: documentSigners.documentId, signerEmployeeId: documentSigners.signerEmployeeId })
      .from(documentSigners)
      .where(and(inArray(documentSigners.documentId, ids), eq(documentSigners.status, "pending")))
      .orderBy(asc(documentSigners.sequence))
      .all();
    for (const row of pending) if (!nextSigner.has(row.documentId)) nextSigner.set(row.documentId, row.signerEmployeeId);
  }
  return {
    rows: rows.slice(0, limit).map((doc) => ({ ...doc, myTurn: doc.status === "signing" && nextSigner.get(doc.id) === me })),
    hasMore: rows.length > limit,
  };
}

/** Everything the detail page shows; refuses (not found) for anyone but the owner and the signers. */
export function signingDocumentDetail(ctx: QueryCtx, documentId: number) {
  const doc = visibleDocument(ctx, documentId);
  const signers = ctx.db
    .select({ signer: documentSigners, employee: { name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack, nip: employees.nip } })
    .from(documentSigners)
    .innerJoin(employees, eq(employees.id, documentSigners.signerEmployeeId))
    .where(eq(documentSigners.documentId, doc.id))
    .orderBy(asc(documentSigners.sequence))
    .all()
    .map(({ signer, employee }) => ({ ...signer, employeeName: displayName(employee), employeeNip: employee.nip }));
  const revisions = ctx.db.select().from(documentRevisions).where(eq(documentRevisions.documentId, doc.id)).orderBy(asc(documentRevisions.sequence)).all();
  const next = signers.find((s) => s.status === "pending") ?? null;
  return { document: doc, signers, revisions, nextSigner: next, myTurn: doc.status === "signing" && next?.signerEmployeeId === ctx.actor.employeeId };
}

/** A revision's bytes for the owner and signers (sequence omitted: the latest). */
export function signingDocumentFile(ctx: QueryCtx, documentId: number, sequence?: number): { bytes: Buffer; sha256: string; sequence: number } | null {
  const { revisions } = signingDocumentDetail(ctx, documentId);
  const revision = sequence === undefined ? revisions.at(-1) : revisions.find((r) => r.sequence === sequence);
  const file = revision ? sqliteFileStore.get(ctx.db, revision.fileSha256) : null;
  return revision && file ? { bytes: file.data, sha256: revision.fileSha256, sequence: revision.sequence } : null;
}

/** How many documents wait for the actor's signature now (their turn), for the home screen. */
export function countAwaitingMySignature(ctx: QueryCtx): number {
  const earlier = alias(documentSigners, "earlier");
  const row = ctx.db
    .select({ n: count() })
    .from(documentSigners)
    .innerJoin(signedDocuments, eq(signedDocuments.id, documentSigners.documentId))
    .where(
      and(
        eq(documentSigners.signerEmployeeId, ctx.actor.employeeId),
        eq(documentSigners.status, "pending"),
        eq(signedDocuments.status, "signing"),
        eq(signedDocuments.agencyId, ctx.actor.agencyId),
        notExists(
          ctx.db
            .select({ id: earlier.id })
            .from(earlier)
            .where(and(eq(earlier.documentId, documentSigners.documentId), eq(earlier.status, "pending"), lt(earlier.sequence, documentSigners.sequence))),
        ),
      ),
    )
    .get();
  return row?.n ?? 0;
}
