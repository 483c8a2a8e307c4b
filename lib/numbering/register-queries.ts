import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { employees, issuedNumbers, numberingRegisters } from "@/db/schema";
import type { Tx } from "@/lib/context";
import { parseRegisterKey, type RegisterKey } from "./register-key";

// Read queries of the number registers (buku nomor), for the records clerk's pages. Every query filters by the
// agency in SQL; who may open those pages is the caller's check.

type Reader = Db | Tx;

export type RegisterSummary = {
  id: number;
  key: string;
  parsed: RegisterKey | null;
  series: string;
  year: number;
  lastSequence: number;
};

/** The agency's registers of a year (or all years, newest first), by key. */
export function listRegisters(db: Reader, agencyId: number, filter: { year?: number } = {}): RegisterSummary[] {
  return db
    .select({
      id: numberingRegisters.id,
      key: numberingRegisters.key,
      series: numberingRegisters.series,
      year: numberingRegisters.year,
      lastSequence: numberingRegisters.lastSequence,
    })
    .from(numberingRegisters)
    .where(and(eq(numberingRegisters.agencyId, agencyId), filter.year === undefined ? undefined : eq(numberingRegisters.year, filter.year)))
    .orderBy(desc(numberingRegisters.year), asc(numberingRegisters.key))
    .all()
    .map((r) => ({ ...r, parsed: parseRegisterKey(r.key) }));
}

export type IssuedNumberRow = {
  id: number;
  registerId: number;
  year: number;
  sequence: number | null;
  number: string;
  documentRef: string | null;
  kind: "automatic" | "manual";
  reason: string | null;
  issuedByEmployeeId: number;
  issuedByName: string;
  issuedAt: Date;
};

const rowColumns = {
  id: issuedNumbers.id,
  registerId: issuedNumbers.registerId,
  year: issuedNumbers.year,
  sequence: issuedNumbers.sequence,
  number: issuedNumbers.number,
  documentRef: issuedNumbers.documentRef,
  kind: issuedNumbers.kind,
  reason: issuedNumbers.reason,
  issuedByEmployeeId: issuedNumbers.issuedByEmployeeId,
  issuedByName: employees.name,
  issuedAt: issuedNumbers.issuedAt,
};

/** One page of a register's numbers (or of all the agency's numbers), newest first, with the total count. */
export function listIssuedNumbers(
  db: Reader,
  agencyId: number,
  filter: { registerId?: number; kind?: "automatic" | "manual"; limit?: number; offset?: number } = {},
): { rows: IssuedNumberRow[]; total: number } {
  const conditions: (SQL | undefined)[] = [
    eq(issuedNumbers.agencyId, agencyId),
    filter.registerId === undefined ? undefined : eq(issuedNumbers.registerId, filter.registerId),
    filter.kind === undefined ? undefined : eq(issuedNumbers.kind, filter.kind),
  ];
  const where = and(...conditions);
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = db
    .select(rowColumns)
    .from(issuedNumbers)
    .innerJoin(employees, eq(employees.id, issuedNumbers.issuedByEmployeeId))
    .where(where)
    .orderBy(desc(issuedNumbers.issuedAt), desc(issuedNumbers.id))
    .limit(limit)
    .offset(Math.max(filter.offset ?? 0, 0))
    .all();
  const total = db.select({ n: count() }).from(issuedNumbers).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The number given to a document ("document:123"), or null while it has none. */
export function numberOfDocument(db: Reader, agencyId: number, documentRef: string): IssuedNumberRow | null {
  return (
    db
      .select(rowColumns)
      .from(issuedNumbers)
      .innerJoin(employees, eq(employees.id, issuedNumbers.issuedByEmployeeId))
      .where(and(eq(issuedNumbers.agencyId, agencyId), eq(issuedNumbers.documentRef, documentRef)))
      .get() ?? null
  );
}
