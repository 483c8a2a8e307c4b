import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { agencies, dispositions, employees, incomingLetterAddressees, positions, units } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { SECURITY_LABELS, URGENCY_LABELS, documentDateLabel } from "@/lib/documents/labels";
import { letterheadFor } from "@/lib/documents/render-model";
import { displayName } from "@/lib/org/display-name";
import { localDate } from "@/lib/time";
import { seesWholeTree, visibleLetter, visibleNodes } from "./access";
import type { DispositionSheetInput } from "./disposition-sheet";
import { activeInstructions } from "./instructions";

// The lembar disposisi of a letter: its register's letterhead, the letter, and its first disposition (the
// addressee's first batch), limited to what the reader may see; a blank sheet to fill by hand before that.

export function dispositionSheetFor(ctx: Ctx, letterId: number): DispositionSheetInput {
  const letter = visibleLetter(ctx, letterId);
  const agency = ctx.db.select().from(agencies).where(eq(agencies.id, letter.agencyId)).get()!;
  const register = ctx.db.select().from(units).where(eq(units.id, letter.registerUnitId)).get()!;
  const addressees = ctx.db.select({ positionId: incomingLetterAddressees.positionId }).from(incomingLetterAddressees).where(eq(incomingLetterAddressees.letterId, letter.id)).all();
  const all = ctx.db.select().from(dispositions).where(eq(dispositions.letterId, letter.id)).orderBy(asc(dispositions.id)).all();
  const seen = visibleNodes(all, ctx.actor, { wholeTree: seesWholeTree(ctx.db, ctx.actor, letter), addressedPositionIds: addressees.map((a) => a.positionId) });
  const first = seen.find((d) => d.parentId === null && d.kind === "to" && d.state !== "withdrawn");
  // The first batch: what the same post sent in the same act (same instant), as one sheet lists it.
  const batch = first ? seen.filter((d) => d.parentId === null && d.kind === "to" && d.state !== "withdrawn" && d.fromPositionId === first.fromPositionId && d.createdAt.getTime() === first.createdAt.getTime()) : [];
  const names = new Map(
    (batch.length ? ctx.db.select({ id: positions.id, name: positions.name }).from(positions).where(inArray(positions.id, [...batch.map((d) => d.toPositionId), first!.fromPositionId])).all() : []).map((p) => [p.id, p.name]),
  );
  const disposer = first ? ctx.db.select().from(employees).where(eq(employees.id, first.fromEmployeeId)).get() : null;
  const ticked = new Set(first ? (JSON.parse(first.instructions) as string[]) : []);
  const listed = activeInstructions(ctx.db, letter.agencyId);
  return {
    paperSize: agency.paperSize,
    letterhead: letterheadFor(ctx.db, agency, { name: register.name, isRoot: register.parentId === null }),
    letter: {
      senderAgency: letter.senderAgency,
      senderName: letter.senderName,
      letterNumber: letter.letterNumber,
      letterDate: documentDateLabel(letter.letterDate),
      receivedDate: documentDateLabel(letter.receivedDate),
      agendaNumber: letter.agendaNumber,
      securityLabel: SECURITY_LABELS[letter.securityClass],
      urgencyLabel: URGENCY_LABELS[letter.urgency],
      subject: letter.subject,
      summary: letter.summary,
    },
    disposition: first
      ? {
          toPositions: batch.map((d) => names.get(d.toPositionId) ?? ""),
          // The agency's list in its order, plus anything ticked that the list no longer has ("Lain-lain: ...").
          instructions: [...listed.map((label) => ({ label, ticked: ticked.has(label) })), ...[...ticked].filter((t) => !listed.includes(t)).map((label) => ({ label, ticked: true }))],
          note: first.note,
          deadline: first.deadline ? documentDateLabel(first.deadline) : null,
          disposerName: disposer ? displayName(disposer) : "",
          disposerPosition: names.get(first.fromPositionId) ?? "",
          dateLabel: documentDateLabel(localDate(first.createdAt, agency.timeZone)),
        }
      : null,
    blankInstructions: first ? undefined : listed,
  };
}
