import "server-only";
import { and, count, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { documentDeliveries, documentSteps, documentTypes, officialDocuments, positions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { startOfLocalDay } from "@/lib/time";
import { participantCondition, visibleCondition } from "./access";

// The document lists of the Naskah menu. Every list is a query over what the actor may see (access.ts)
// with the list's own condition, filters and a page; inboxes (masuk, tembusan) follow the post the actor
// acts under, like the paper tray of that desk.

export const DOCUMENT_LISTS = ["konsep", "paraf", "tandatangan", "keluar", "masuk", "tembusan"] as const;
export type DocumentList = (typeof DOCUMENT_LISTS)[number];

export type ListFilter = {
  q?: string;
  typeId?: number;
  securityClass?: string;
  urgency?: string;
  /** Local dates YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number;
};

export type DocumentListRow = {
  id: number;
  typeName: string;
  subject: string;
  number: string | null;
  securityClass: string;
  urgency: string;
  status: string;
  at: Date;
  /** Inbox lists: whether the post has not opened it yet. */
  unread: boolean;
  fromLabel: string | null;
  /** In review or signing: the step now waiting (1-based) of how many, e.g. paraf 2 of 3. */
  progress: { step: number; of: number } | null;
};

export const PAGE_SIZE = 20;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterConditions(f: ListFilter, timeZone: string, dateColumn: typeof officialDocuments.updatedAt | typeof documentDeliveries.deliveredAt): (SQL | undefined)[] {
  const q = f.q?.trim().slice(0, 100);
  const like = q ? `%${escapeLike(q)}%` : null;
  return [
    like ? (or(sql`${officialDocuments.subject} like ${like} escape '\\'`, sql`${officialDocuments.number} like ${like} escape '\\'`) as SQL) : undefined,
    f.typeId ? eq(officialDocuments.documentTypeId, f.typeId) : undefined,
    f.securityClass ? eq(officialDocuments.securityClass, f.securityClass as "B") : undefined,
    f.urgency ? eq(officialDocuments.urgency, f.urgency as "biasa") : undefined,
    f.from ? gte(dateColumn, startOfLocalDay(f.from, timeZone)) : undefined,
    f.to ? lt(dateColumn, new Date(startOfLocalDay(f.to, timeZone).getTime() + 86_400_000)) : undefined,
  ];
}

const baseColumns = {
  id: officialDocuments.id,
  typeName: documentTypes.name,
  subject: officialDocuments.subject,
  number: officialDocuments.number,
  securityClass: officialDocuments.securityClass,
  urgency: officialDocuments.urgency,
  status: officialDocuments.status,
};

function listCondition(ctx: Ctx, list: Exclude<DocumentList, "masuk" | "tembusan">): SQL {
  const acting = ctx.actor.acting?.positionId ?? -1;
  switch (list) {
    case "konsep":
      return and(eq(officialDocuments.drafterEmployeeId, ctx.actor.employeeId), inArray(officialDocuments.status, ["draft", "returned"])) as SQL;
    case "paraf":
      return and(eq(officialDocuments.status, "in_review"), eq(officialDocuments.currentPositionId, acting)) as SQL;
    case "tandatangan":
      return and(eq(officialDocuments.status, "signing"), eq(officialDocuments.currentPositionId, acting)) as SQL;
    case "keluar":
      return and(eq(officialDocuments.status, "sent"), participantCondition(ctx.actor, ["drafter", "signer"])) as SQL;
  }
}

export function listDocuments(ctx: Ctx, list: DocumentList, filter: ListFilter, timeZone: string): { rows: DocumentListRow[]; hasMore: boolean; page: number } {
  const page = Math.max(1, Math.min(filter.page ?? 1, 10_000));
  const offset = (page - 1) * PAGE_SIZE;
  let rows: Omit<DocumentListRow, "progress">[];
  if (list === "masuk" || list === "tembusan") {
    const acting = ctx.actor.acting?.positionId ?? -1;
    rows = ctx.db
      .select({ ...baseColumns, at: documentDeliveries.deliveredAt, readAt: documentDeliveries.readAt, fromLabel: positions.name })
      .from(documentDeliveries)
      .innerJoin(officialDocuments, eq(officialDocuments.id, documentDeliveries.documentId))
      .innerJoin(documentTypes, eq(documentTypes.id, officialDocuments.documentTypeId))
      .leftJoin(positions, eq(positions.id, officialDocuments.drafterPositionId))
      .where(
        and(
          eq(documentDeliveries.positionId, acting),
          eq(documentDeliveries.kind, list === "masuk" ? "to" : "cc"),
          eq(officialDocuments.agencyId, ctx.actor.agencyId),
          ...filterConditions(filter, timeZone, documentDeliveries.deliveredAt),
        ),
      )
      .orderBy(desc(documentDeliveries.deliveredAt), desc(documentDeliveries.id))
      .limit(PAGE_SIZE + 1)
      .offset(offset)
      .all()
      .map(({ readAt, ...r }) => ({ ...r, unread: readAt === null }));
  } else {
    rows = ctx.db
      .select({ ...baseColumns, at: officialDocuments.updatedAt, fromLabel: positions.name })
      .from(officialDocuments)
      .innerJoin(documentTypes, eq(documentTypes.id, officialDocuments.documentTypeId))
      .leftJoin(positions, eq(positions.id, officialDocuments.drafterPositionId))
      .where(and(visibleCondition(ctx.actor), listCondition(ctx, list), ...filterConditions(filter, timeZone, officialDocuments.updatedAt)))
      .orderBy(desc(officialDocuments.updatedAt), desc(officialDocuments.id))
      .limit(PAGE_SIZE + 1)
      .offset(offset)
      .all()
      .map((r) => ({ ...r, unread: false }));
  }
  const pageRows = rows.slice(0, PAGE_SIZE);
  return { rows: withProgress(ctx, pageRows), hasMore: rows.length > PAGE_SIZE, page };
}

/** "Step k of n" for the documents of a page still in review or signing, in one query. */
function withProgress(ctx: Ctx, rows: Omit<DocumentListRow, "progress">[]): DocumentListRow[] {
  const moving = rows.filter((r) => r.status === "in_review" || r.status === "signing").map((r) => r.id);
  const steps = moving.length
    ? ctx.db
        .select({ documentId: documentSteps.documentId, role: documentSteps.role, status: documentSteps.status })
        .from(documentSteps)
        .where(inArray(documentSteps.documentId, moving))
        .all()
    : [];
  return rows.map((r) => {
    const role = r.status === "in_review" ? "reviewer" : r.status === "signing" ? "signer" : null;
    const mine = role ? steps.filter((s) => s.documentId === r.id && s.role === role) : [];
    return { ...r, progress: mine.length ? { step: Math.min(mine.length, mine.filter((s) => s.status === "done").length + 1), of: mine.length } : null };
  });
}

export type ListCounts = Record<DocumentList, number>;

/** Pending work per list: drafts, paraf and signatures waiting, and unread inbox entries. */
export function documentListCounts(ctx: Ctx): ListCounts {
  const acting = ctx.actor.acting?.positionId ?? -1;
  const countWhere = (where: SQL) => ctx.db.select({ n: count() }).from(officialDocuments).where(and(visibleCondition(ctx.actor), where)).get()?.n ?? 0;
  const unread = (kind: "to" | "cc") =>
    ctx.db
      .select({ n: count() })
      .from(documentDeliveries)
      .where(and(eq(documentDeliveries.positionId, acting), eq(documentDeliveries.kind, kind), isNull(documentDeliveries.readAt)))
      .get()?.n ?? 0;
  return {
    konsep: countWhere(listCondition(ctx, "konsep")),
    paraf: countWhere(listCondition(ctx, "paraf")),
    tandatangan: countWhere(listCondition(ctx, "tandatangan")),
    keluar: 0,
    masuk: unread("to"),
    tembusan: unread("cc"),
  };
}
