import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { documentParticipants, officialDocuments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx, DbOrTx, Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";

// Who may see an official document. One rule, used by the detail page, every action and every list:
// - its participants: by post (whoever holds or acts in it now) or by person (who acted, even after moving);
//   participants are the drafter, the review chain, the signers, the recipients, tembusan and, later,
//   those who receive it by disposition;
// - the agency's records clerks, once it left the drafter's hands, unless it is Rahasia or Sangat Rahasia:
//   secret documents are seen by the named people only.
// Anyone else gets "not found", never "forbidden": the answer must not confirm that a document exists.

export type OfficialDocument = typeof officialDocuments.$inferSelect;

/** Every post the actor holds or acts in today; access follows all of them, whichever one is selected. */
export const actorPositionIds = (actor: Actor): number[] => [...new Set(actor.assignments.map((a) => a.positionId))];

/** SQL condition "the actor is a participant of official_documents.id", for list queries. */
export function participantCondition(actor: Actor, roles?: (typeof documentParticipants.$inferSelect)["role"][]): SQL {
  const positionIds = actorPositionIds(actor);
  const who = positionIds.length
    ? or(eq(documentParticipants.employeeId, actor.employeeId), inArray(documentParticipants.positionId, positionIds))
    : eq(documentParticipants.employeeId, actor.employeeId);
  return sql`exists (select 1 from ${documentParticipants} where ${documentParticipants.documentId} = ${officialDocuments.id} and ${and(
    who,
    roles ? inArray(documentParticipants.role, roles) : undefined,
  )})`;
}

/** SQL condition "the actor may see official_documents row", for list queries. */
export function visibleCondition(actor: Actor): SQL {
  const clerk = actor.roles.has("records_clerk")
    ? sql`(${officialDocuments.securityClass} in ('B', 'T') and ${officialDocuments.status} <> 'draft')`
    : sql`0`;
  return and(eq(officialDocuments.agencyId, actor.agencyId), or(participantCondition(actor), clerk)) as SQL;
}

/** The document if the actor may see it; "not found" otherwise. */
export function visibleOfficialDocument(ctx: Pick<Ctx, "db" | "actor">, documentId: number, tx: DbOrTx = ctx.db): OfficialDocument {
  if (!Number.isSafeInteger(documentId) || documentId < 1) throw notFound();
  const doc = tx
    .select()
    .from(officialDocuments)
    .where(and(eq(officialDocuments.id, documentId), visibleCondition(ctx.actor)))
    .get();
  if (!doc) throw notFound();
  return doc;
}

export function isParticipant(ctx: Pick<Ctx, "db" | "actor">, documentId: number, tx: DbOrTx = ctx.db): boolean {
  return !!tx
    .select({ id: officialDocuments.id })
    .from(officialDocuments)
    .where(and(eq(officialDocuments.id, documentId), participantCondition(ctx.actor)))
    .get();
}

/** Adds a participant row unless the same one exists. */
export function addParticipant(
  tx: Tx,
  documentId: number,
  p: { role: (typeof documentParticipants.$inferSelect)["role"]; positionId?: number | null; employeeId?: number | null },
): void {
  const positionId = p.positionId ?? null;
  const employeeId = p.employeeId ?? null;
  const exists = tx
    .select({ id: documentParticipants.id })
    .from(documentParticipants)
    .where(
      and(
        eq(documentParticipants.documentId, documentId),
        eq(documentParticipants.role, p.role),
        positionId === null ? sql`${documentParticipants.positionId} is null` : eq(documentParticipants.positionId, positionId),
        employeeId === null ? sql`${documentParticipants.employeeId} is null` : eq(documentParticipants.employeeId, employeeId),
      ),
    )
    .get();
  if (!exists) tx.insert(documentParticipants).values({ documentId, role: p.role, positionId, employeeId }).run();
}
