import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { documentSigners, employees } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { normalizeNip } from "@/lib/org/nip";
import { agencyToday, currentPostLabels } from "@/lib/org/org-queries";

// Reads for the "Tandatangani PDF" screens: choosing signers and naming who is next.

type QueryCtx = Pick<Ctx, "db" | "actor" | "now">;

export const SIGNER_SEARCH_LIMIT = 10;

export type SignerCandidate = { id: number; name: string; nip: string; position: string };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active employees of the actor's agency matching a name (anywhere in it) or a NIP (from its start),
 * for choosing further signers; the actor is left out (they have "Saya sendiri"). At most 10.
 */
export function signerCandidates(ctx: QueryCtx, query: string): SignerCandidate[] {
  const q = query.trim().slice(0, 100);
  const digits = normalizeNip(q);
  const byNip = /^\d{4,}$/.test(digits);
  if (!byNip && q.replace(/\s+/g, "").length < 2) return [];
  const match = byNip
    ? sql`${employees.nip} LIKE ${`${escapeLike(digits)}%`} ESCAPE '\\'`
    : sql`${employees.name} LIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'`;
  const rows = ctx.db
    .select({ id: employees.id, name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack, nip: employees.nip })
    .from(employees)
    .where(and(eq(employees.agencyId, ctx.actor.agencyId), eq(employees.active, true), ne(employees.id, ctx.actor.employeeId), match))
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(SIGNER_SEARCH_LIMIT)
    .all();
  if (rows.length === 0) return [];
  const today = agencyToday(ctx.db, ctx.actor.agencyId, ctx.now);
  const posts = currentPostLabels(ctx.db, rows.map((r) => r.id), today);
  return rows.map((r) => ({ id: r.id, name: displayName(r), nip: r.nip, position: posts.get(r.id) ?? "" }));
}

/**
 * The display name of the next pending signer of each document, for "Menunggu <nama>" in the list.
 * Only called with ids that mySigningDocuments returned, so it reveals nothing beyond that list.
 */
export function nextSignerNames(ctx: Pick<Ctx, "db">, documentIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (documentIds.length === 0) return out;
  const rows = ctx.db
    .select({
      documentId: documentSigners.documentId,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
    })
    .from(documentSigners)
    .innerJoin(employees, eq(employees.id, documentSigners.signerEmployeeId))
    .where(and(inArray(documentSigners.documentId, documentIds), eq(documentSigners.status, "pending")))
    .orderBy(asc(documentSigners.sequence))
    .all();
  for (const row of rows) if (!out.has(row.documentId)) out.set(row.documentId, displayName(row));
  return out;
}
