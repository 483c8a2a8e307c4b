import "server-only";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { documentTypes, officialDocuments } from "@/db/schema";
import type { Ctx, DbOrTx } from "@/lib/context";
import { ASSIGNMENT_TYPE_CODES, parseDetails } from "@/lib/documents/details";
import { invalid } from "@/lib/errors";

// A dinas luar resting on a Surat Tugas (or Surat Perintah, Surat Perjalanan Dinas) signed in Kawan needs no
// second approval: the signature was the superior's decision. The document counts once it is signed and numbered
// ("sent": the last signature numbers and sends it in one step) and only for the employees it names and the dates
// it gives.

export type SuratTugas = { id: number; number: string; subject: string; startDate: string | null; endDate: string | null };

/** SQL: the document's assignment names the employee (details are written by the compose form as JSON). */
const namesEmployee = (employeeId: number) =>
  sql`exists (select 1 from json_each(${officialDocuments.details}, '$.assignment.employeeIds') where json_each.value = ${employeeId})`;

function signedAssignments(db: DbOrTx, agencyId: number, employeeId: number, documentId?: number) {
  return db
    .select({ id: officialDocuments.id, number: officialDocuments.number, subject: officialDocuments.subject, details: officialDocuments.details })
    .from(officialDocuments)
    .innerJoin(documentTypes, eq(documentTypes.id, officialDocuments.documentTypeId))
    .where(
      and(
        eq(officialDocuments.agencyId, agencyId),
        eq(officialDocuments.status, "sent"),
        isNotNull(officialDocuments.number),
        inArray(documentTypes.code, [...ASSIGNMENT_TYPE_CODES]),
        namesEmployee(employeeId),
        documentId === undefined ? undefined : eq(officialDocuments.id, documentId),
      ),
    );
}

function toSuratTugas(row: { id: number; number: string | null; subject: string; details: string }): SuratTugas {
  const assignment = parseDetails(row.details).assignment;
  return { id: row.id, number: row.number ?? "", subject: row.subject, startDate: assignment?.startDate || null, endDate: assignment?.endDate || null };
}

/**
 * The signed Surat Tugas naming the employee, or a refusal under the form's field. A document of another agency,
 * one not yet signed, or one that does not name the employee all look the same: not available to them.
 */
export function suratTugasFor(db: DbOrTx, agencyId: number, employeeId: number, documentId: number): SuratTugas {
  const row = signedAssignments(db, agencyId, employeeId, documentId).get();
  if (!row) throw invalid({ officialDocumentId: "pengajuan.errors.suratTugasUnavailable" }, "pengajuan.errors.suratTugasUnavailable");
  return toSuratTugas(row);
}

/** For the form: the actor's signed Surat Tugas, newest first. */
export function suratTugasOptions(ctx: Pick<Ctx, "db" | "actor">, limit = 30): SuratTugas[] {
  return signedAssignments(ctx.db, ctx.actor.agencyId, ctx.actor.employeeId)
    .orderBy(desc(officialDocuments.documentDate), desc(officialDocuments.id))
    .limit(limit)
    .all()
    .map(toSuratTugas);
}
