import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { assignments, documentDeliveries, documentRecipients, officialDocuments, positions } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import { documentNotice } from "@/lib/notifications/document-notices";
import { notifyPosition } from "@/lib/notifications/notify";
import { localDate } from "@/lib/time";
import { inForceOn } from "@/lib/org/assignment-in-force";
import { addParticipant } from "./access";
import { registerDeliveredDocument } from "@/lib/incoming/register";

// Delivery: the signed document reaches its internal recipients' inboxes. Inboxes belong to posts, so a
// unit is reached through its head's post and an employee through their own post (definitif first):
// whoever holds or acts in that post later finds it there too.

function headOfUnit(tx: Tx, unitId: number): number | null {
  const leaders = tx
    .select({ id: positions.id, superiorId: positions.superiorId, unitId: positions.unitId })
    .from(positions)
    .where(and(eq(positions.unitId, unitId), eq(positions.isLeader, true), eq(positions.active, true)))
    .orderBy(asc(positions.id))
    .all();
  // The head is the leader whose superior sits outside the unit (deputies report to the head).
  const ids = new Set(leaders.map((l) => l.id));
  return (leaders.find((l) => l.superiorId === null || !ids.has(l.superiorId)) ?? leaders[0])?.id ?? null;
}

function postOfEmployee(tx: Tx, employeeId: number, today: string): number | null {
  const rows = tx
    .select({ positionId: assignments.positionId, kind: assignments.kind })
    .from(assignments)
    .where(and(eq(assignments.employeeId, employeeId), inForceOn(today)))
    .all();
  return (rows.find((r) => r.kind === "definitif") ?? rows[0])?.positionId ?? null;
}

/** Inside the sending transaction: one inbox entry per receiving post; "to" wins over "cc" for the same post. */
export function deliverDocument(tx: Tx, ctx: Ctx, documentId: number, timeZone: string): { positions: number; external: number } {
  const today = localDate(ctx.now, timeZone);
  const doc = tx
    .select({ id: officialDocuments.id, subject: officialDocuments.subject, securityClass: officialDocuments.securityClass })
    .from(officialDocuments)
    .where(eq(officialDocuments.id, documentId))
    .get();
  const recipients = tx.select().from(documentRecipients).where(eq(documentRecipients.documentId, documentId)).orderBy(asc(documentRecipients.sequence)).all();
  const delivered = new Set<number>();
  let external = 0;
  for (const kind of ["to", "cc"] as const) {
    for (const r of recipients.filter((x) => x.kind === kind)) {
      const positionId =
        r.targetKind === "position" ? r.positionId : r.targetKind === "unit" && r.unitId ? headOfUnit(tx, r.unitId) : r.targetKind === "employee" && r.employeeId ? postOfEmployee(tx, r.employeeId, today) : null;
      if (r.targetKind === "external") external++;
      if (r.targetKind === "employee" && r.employeeId) addParticipant(tx, documentId, { role: kind, employeeId: r.employeeId });
      if (!positionId || delivered.has(positionId)) continue;
      delivered.add(positionId);
      tx.insert(documentDeliveries).values({ documentId, positionId, kind, deliveredAt: ctx.now }).run();
      addParticipant(tx, documentId, { role: kind, positionId });
      if (doc) notifyPosition(tx, ctx, positionId, documentNotice(kind === "to" ? "document_received" : "document_copied", doc));
      // An addressee's OPD also books it as a surat masuk, with an agenda number, ready for disposition.
      if (kind === "to") registerDeliveredDocument(tx, ctx, documentId, positionId, today);
    }
  }
  return { positions: delivered.size, external };
}
