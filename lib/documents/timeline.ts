import "server-only";
import { documentEvents, DOCUMENT_EVENT_ACTIONS } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import { signingPositionLabel } from "@/lib/signing/signature-block";

export type DocumentEventAction = (typeof DOCUMENT_EVENT_ACTIONS)[number];

/** "Name — Plt. Kepala Dinas ...": who acted and under which post, frozen at the time. */
export function actorLabel(ctx: Pick<Ctx, "actor">): string {
  const post = signingPositionLabel(ctx.actor.acting);
  return post ? `${ctx.actor.displayName} — ${post}` : ctx.actor.displayName;
}

/** One step of the document's timeline, written in the same transaction as the change it records. */
export function recordEvent(tx: Tx, ctx: Ctx, documentId: number, action: DocumentEventAction, extra: { note?: string; version?: number | null } = {}): void {
  tx.insert(documentEvents)
    .values({
      documentId,
      action,
      actorEmployeeId: ctx.actor.employeeId,
      actorLabel: actorLabel(ctx),
      version: extra.version ?? null,
      note: extra.note ?? "",
      at: ctx.now,
    })
    .run();
}
