import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { agencies, issuedNumbers, numberingRegisters, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { parseRegisterKey, type RegisterKey } from "./register-key";
import { numberingDate, renderNumber, templateProblem, type NumberValues } from "./template";

// Issuing numbers (nomor naskah dinas). The sequence (urut) runs per register per calendar year of the
// agency's time zone, restarts in January, and is given out only here, on the server.
//
// Gapless and duplicate-free because every issuance is one increment of the register row inside the caller's
// transaction: SQLite admits one writer at a time, so two finalisations can never read the same last
// sequence, and a transaction that fails after the increment (the document update, the audit row) rolls the
// increment back with it. Within one process better-sqlite3 runs transactions one after another; a caller that
// may race other processes on the same file must open its transaction with { behavior: "immediate" }, because a
// deferred transaction that has already read cannot take the write lock once another connection committed
// (SQLITE_BUSY, which busy_timeout does not retry).
//
// Manual numbers (the records clerk, during an outage) record the clerk's text in the register of the year
// without consuming the automatic sequence. Should the register later render exactly that text, the sequence
// is attributed to the manual number and issuance moves on to the next one, so the register still has
// neither gaps nor duplicates. Any other clash (the same text already issued from another register of the
// series, e.g. after a type moved from agency to unit registers) skips the sequence and audits the skip: a
// printed number must never mean two documents.

export type IssuedNumber = {
  id: number;
  registerId: number;
  registerKey: string;
  year: number;
  /** Null for a manual number the register has not reached. */
  sequence: number | null;
  number: string;
  documentRef: string | null;
  kind: "automatic" | "manual";
};

export const MANUAL_REASON_MIN = 10;
export const MANUAL_REASON_MAX = 500;
export const NUMBER_MAX = 100;
const DOCUMENT_REF_MAX = 100;
/** Skips in one issuance before giving up: more means a misconfigured register, not bad luck. */
const MAX_SKIPS = 1000;

function requireKey(text: string): RegisterKey {
  const key = parseRegisterKey(text);
  if (!key) throw invalid({ registerKey: "numbering.registerKeyInvalid" });
  return key;
}

function agencyTimeZone(tx: Tx, agencyId: number): string {
  const agency = tx.select({ timeZone: agencies.timeZone }).from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw notFound();
  return agency.timeZone;
}

/** A unit register must belong to a unit of the actor's agency; the key may have come from a form. */
function assertUnitOfAgency(tx: Tx, key: RegisterKey, agencyId: number): void {
  if (key.scope !== "unit") return;
  const unit = tx.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, key.unitId)).get();
  if (!unit) throw notFound();
  if (unit.agencyId !== agencyId) throw new DomainError("forbidden", "errors.forbidden");
}

function documentRefWithoutNumber(tx: Tx, agencyId: number, documentRef: string | null | undefined): string | null {
  const ref = documentRef?.trim() || null;
  if (ref === null) return null;
  if (ref.length > DOCUMENT_REF_MAX) throw invalid({ documentRef: "validation.tooLong" });
  const existing = tx
    .select({ number: issuedNumbers.number })
    .from(issuedNumbers)
    .where(and(eq(issuedNumbers.agencyId, agencyId), eq(issuedNumbers.documentRef, ref)))
    .get();
  if (existing) throw new DomainError("conflict", "numbering.alreadyNumbered", { number: existing.number });
  return ref;
}

function findNumber(tx: Tx, agencyId: number, series: string, number: string) {
  return tx
    .select()
    .from(issuedNumbers)
    .where(and(eq(issuedNumbers.agencyId, agencyId), eq(issuedNumbers.series, series), eq(issuedNumbers.number, number)))
    .get();
}

function assertInTransaction(ctx: Ctx, fn: string): void {
  if (!ctx.db.$client.inTransaction) throw new Error(`${fn} must run inside the caller's transaction`);
}

/**
 * Gives the next number of a register to a document, inside the caller's (synchronous) transaction, and
 * audits it there ("number.issued"). Authorisation is the caller's: numbers are finalised by the system
 * after the last signature, under the records clerk's authority, whoever signed last. The template and the
 * values are checked before anything is written.
 */
export function issueNumber(
  tx: Tx,
  ctx: Ctx,
  input: { registerKey: string; template: string; values: NumberValues; documentRef?: string | null },
): IssuedNumber {
  assertInTransaction(ctx, "issueNumber");
  const key = requireKey(input.registerKey);
  const problem = templateProblem(input.template);
  if (problem) throw new DomainError("invalid", problem.messageKey, problem.params);
  const agencyId = ctx.actor.agencyId;
  const timeZone = agencyTimeZone(tx, agencyId);
  const at = { now: ctx.now, timeZone, values: input.values };
  renderNumber(input.template, { ...at, sequence: 1 }); // throws for a missing or malformed value
  assertUnitOfAgency(tx, key, agencyId);
  const documentRef = documentRefWithoutNumber(tx, agencyId, input.documentRef);
  const { year } = numberingDate(ctx.now, timeZone);

  // One statement creates the year's register at 1 or increments it: the write lock is taken here.
  let register = tx
    .insert(numberingRegisters)
    .values({ agencyId, key: input.registerKey, series: key.series, year, lastSequence: 1, createdAt: ctx.now })
    .onConflictDoUpdate({
      target: [numberingRegisters.agencyId, numberingRegisters.key, numberingRegisters.year],
      set: { lastSequence: sql`${numberingRegisters.lastSequence} + 1` },
    })
    .returning({ id: numberingRegisters.id, lastSequence: numberingRegisters.lastSequence })
    .get();

  let number = renderNumber(input.template, { ...at, sequence: register.lastSequence });
  for (let skips = 0; ; skips++) {
    const taken = findNumber(tx, agencyId, key.series, number);
    if (!taken) break;
    if (skips >= MAX_SKIPS) throw new DomainError("conflict", "numbering.numberTaken", { number });
    if (taken.kind === "manual" && taken.sequence === null) {
      tx.update(issuedNumbers)
        .set({ registerId: register.id, year, sequence: register.lastSequence })
        .where(eq(issuedNumbers.id, taken.id))
        .run();
      writeAudit(tx, ctx, {
        action: "number.manual_sequenced",
        entityType: "issued_number",
        entityId: taken.id,
        before: { registerId: taken.registerId, year: taken.year, sequence: null },
        after: { registerKey: input.registerKey, registerId: register.id, year, sequence: register.lastSequence, number },
      });
    } else {
      writeAudit(tx, ctx, {
        action: "number.sequence_skipped",
        entityType: "numbering_register",
        entityId: register.id,
        after: { registerKey: input.registerKey, year, sequence: register.lastSequence, number, takenBy: taken.id },
      });
    }
    register = tx
      .update(numberingRegisters)
      .set({ lastSequence: sql`${numberingRegisters.lastSequence} + 1` })
      .where(eq(numberingRegisters.id, register.id))
      .returning({ id: numberingRegisters.id, lastSequence: numberingRegisters.lastSequence })
      .get();
    number = renderNumber(input.template, { ...at, sequence: register.lastSequence });
  }

  const row = tx
    .insert(issuedNumbers)
    .values({
      agencyId,
      registerId: register.id,
      series: key.series,
      year,
      sequence: register.lastSequence,
      number,
      documentRef,
      kind: "automatic",
      issuedByEmployeeId: ctx.actor.employeeId,
      issuedAt: ctx.now,
    })
    .returning({ id: issuedNumbers.id })
    .get();
  const issued: IssuedNumber = {
    id: row.id,
    registerId: register.id,
    registerKey: input.registerKey,
    year,
    sequence: register.lastSequence,
    number,
    documentRef,
    kind: "automatic",
  };
  writeAudit(tx, ctx, { action: "number.issued", entityType: "issued_number", entityId: row.id, after: auditView(issued) });
  return issued;
}

const auditView = (n: IssuedNumber) => ({
  registerKey: n.registerKey,
  year: n.year,
  sequence: n.sequence,
  number: n.number,
  documentRef: n.documentRef,
  kind: n.kind,
});

/**
 * Records a number the records clerk gave by hand (during an outage), with the reason, inside the caller's
 * transaction; audited "number.manual_issued". Refused to anyone without "number.manual", without a reason of
 * at least 10 characters, and for a number the agency already issued in the series. The automatic sequence
 * is not consumed (see the top of this file).
 */
export function issueManualNumberInTx(
  tx: Tx,
  ctx: Ctx,
  input: { registerKey: string; number: string; reason: string; documentRef?: string | null },
): IssuedNumber {
  assertCan(ctx.actor, "number.manual", { agencyId: ctx.actor.agencyId });
  assertInTransaction(ctx, "issueManualNumberInTx");
  const key = requireKey(input.registerKey);
  const number = input.number.trim().replace(/\s+/g, " ");
  const reason = input.reason.trim();
  const fieldErrors: Record<string, string> = {};
  if (number === "") fieldErrors.number = "validation.required";
  else if (number.length > NUMBER_MAX) fieldErrors.number = "validation.tooLong";
  if (reason.length < MANUAL_REASON_MIN) fieldErrors.reason = "numbering.manualReasonTooShort";
  else if (reason.length > MANUAL_REASON_MAX) fieldErrors.reason = "validation.tooLong";
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);

  const agencyId = ctx.actor.agencyId;
  const timeZone = agencyTimeZone(tx, agencyId);
  assertUnitOfAgency(tx, key, agencyId);
  if (findNumber(tx, agencyId, key.series, number)) {
    throw new DomainError("conflict", "numbering.numberTaken", { number }, { number: "numbering.numberTaken" });
  }
  const documentRef = documentRefWithoutNumber(tx, agencyId, input.documentRef);
  const { year } = numberingDate(ctx.now, timeZone);

  // The year's register, created if need be, but its lastSequence untouched.
  const register = tx
    .insert(numberingRegisters)
    .values({ agencyId, key: input.registerKey, series: key.series, year, lastSequence: 0, createdAt: ctx.now })
    .onConflictDoUpdate({
      target: [numberingRegisters.agencyId, numberingRegisters.key, numberingRegisters.year],
      set: { lastSequence: sql`${numberingRegisters.lastSequence}` },
    })
    .returning({ id: numberingRegisters.id })
    .get();
  const row = tx
    .insert(issuedNumbers)
    .values({
      agencyId,
      registerId: register.id,
      series: key.series,
      year,
      sequence: null,
      number,
      documentRef,
      kind: "manual",
      reason,
      issuedByEmployeeId: ctx.actor.employeeId,
      issuedAt: ctx.now,
    })
    .returning({ id: issuedNumbers.id })
    .get();
  const issued: IssuedNumber = {
    id: row.id,
    registerId: register.id,
    registerKey: input.registerKey,
    year,
    sequence: null,
    number,
    documentRef,
    kind: "manual",
  };
  writeAudit(tx, ctx, {
    action: "number.manual_issued",
    entityType: "issued_number",
    entityId: row.id,
    after: { ...auditView(issued), reason },
  });
  return issued;
}

/** issueManualNumberInTx in a transaction of its own, for a clerk recording a number outside any other change. */
export function issueManualNumber(
  ctx: Ctx,
  input: { registerKey: string; number: string; reason: string; documentRef?: string | null },
): IssuedNumber {
  assertCan(ctx.actor, "number.manual", { agencyId: ctx.actor.agencyId });
  return ctx.db.transaction((tx) => issueManualNumberInTx(tx, ctx, input), { behavior: "immediate" });
}
