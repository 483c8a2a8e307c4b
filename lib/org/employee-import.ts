import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, employees, positions, units } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError, invalid } from "@/lib/errors";
import { optionalEmail, phoneField } from "@/lib/validation";
import { assignmentSnapshot } from "./assignments";
import { displayName } from "./display-name";
import { employeeSnapshot, generateTemporaryPassword, hashTemporaryPasswords } from "./employees";
import { IMPORT_MAX_ROWS, parseEmployeeFile, type ImportColumn, type ImportRow } from "./import-file";
import { nipProblem, normalizeNip } from "./nip";
import { agencyToday, currentHolders } from "./org-queries";

// Bulk onboarding from the spreadsheet BKD/BKPSDM already keeps. Two steps: the upload is checked and shown
// row by row (nothing written), then the admin commits the checked rows, which are checked again in full
// inside the one transaction that writes them: all rows or none.

type Reader = Db | Tx;

export type { ImportRow } from "./import-file";

export type ImportIssue = { field: ImportColumn; messageKey: string; params?: Record<string, string | number> };

/** A row as it will be written (normalised), its problems, and the post it resolves to. */
export type CheckedImportRow = ImportRow & { issues: ImportIssue[]; positionId: number | null; unitName: string; positionName: string };

export type ImportPreview = { fileName: string; rows: CheckedImportRow[]; errorCount: number; validCount: number };

export type ImportedEmployee = { employeeId: number; rowNumber: number; nip: string; displayName: string; email: string | null; temporaryPassword: string };

const OPEN_END = "9999-12-31";

/**
 * Spreadsheets drop the leading zero of a phone number typed as a number (81234567890) and often write the
 * country code without the plus (6281234567890).
 */
export function normalizeImportedPhone(raw: string): string {
  const phone = raw.trim();
  if (/^8\d{7,13}$/.test(phone)) return `0${phone}`;
  if (/^62\d{8,14}$/.test(phone)) return `+${phone}`;
  return phone;
}

/** Names compare case-insensitively with spacing normalised. */
const nameKey = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

type UnitRow = { id: number; parentId: number | null; name: string; shortName: string; active: boolean };
type PositionRow = { id: number; unitId: number; name: string; isLeader: boolean };

/** Everything the row checks read, loaded once per check (a regency has a few thousand units and posts). */
function loadLookups(db: Reader, agencyId: number, today: string, rows: ImportRow[]) {
  const allUnits = db
    .select({ id: units.id, parentId: units.parentId, name: units.name, shortName: units.shortName, active: units.active })
    .from(units)
    .where(eq(units.agencyId, agencyId))
    .all();
  const unitById = new Map<number, UnitRow>(allUnits.map((u) => [u.id, u]));
  const unitsByKey = new Map<string, UnitRow[]>();
  for (const unit of allUnits) {
    if (!unit.active) continue;
    const keys = new Set([nameKey(unit.name), nameKey(unit.shortName)].filter(Boolean));
    for (const key of keys) unitsByKey.set(key, [...(unitsByKey.get(key) ?? []), unit]);
  }
  const positionsByUnit = new Map<number, PositionRow[]>();
  const activePositions = db
    .select({ id: positions.id, unitId: positions.unitId, name: positions.name, isLeader: positions.isLeader })
    .from(positions)
    .where(and(eq(positions.agencyId, agencyId), eq(positions.active, true)))
    .all();
  for (const p of activePositions) positionsByUnit.set(p.unitId, [...(positionsByUnit.get(p.unitId) ?? []), p]);

  // Leader posts are held by one definitif holder at a time; the import starts each post today, open-ended.
  const leaderIds = activePositions.filter((p) => p.isLeader).map((p) => p.id);
  const holders = currentHolders(db, leaderIds, today, true);
  const leaderHolder = new Map<number, string>();
  for (const [positionId, list] of holders) {
    const own = list.find((h) => h.kind === "definitif" && (h.endDate ?? OPEN_END) >= today);
    if (own) leaderHolder.set(positionId, own.name);
  }

  const existingNips = new Set<string>();
  const existingEmails = new Set<string>();
  const nips = [...new Set(rows.map((r) => normalizeNip(r.nip)).filter(Boolean))];
  const emails = [...new Set(rows.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];
  for (let i = 0; i < nips.length; i += 500) {
    for (const r of db.select({ nip: employees.nip }).from(employees).where(inArray(employees.nip, nips.slice(i, i + 500))).all()) existingNips.add(r.nip);
  }
  for (let i = 0; i < emails.length; i += 500) {
    const found = db
      .select({ email: sql<string>`lower(${employees.email})` })
      .from(employees)
      .where(inArray(sql`lower(${employees.email})`, emails.slice(i, i + 500)))
      .all();
    for (const r of found) existingEmails.add(r.email);
  }
  return { unitById, unitsByKey, positionsByUnit, leaderHolder, existingNips, existingEmails };
}

type Lookups = ReturnType<typeof loadLookups>;

/**
 * Finds the unit a cell names: by name or short name, case-insensitive. Names repeat across OPDs
 * ("Sekretariat", "Subbagian Umum"), so "Dinas Kesehatan > Sekretariat" names the unit under its parent.
 */
function resolveUnit(lookups: Lookups, text: string): { unit: UnitRow } | { issue: ImportIssue } {
  const segments = text.split(">").map(nameKey).filter(Boolean);
  const matches = (unit: UnitRow | undefined, segment: string) => !!unit && (nameKey(unit.name) === segment || nameKey(unit.shortName) === segment);
  let candidates = lookups.unitsByKey.get(segments[segments.length - 1] ?? "") ?? [];
  for (let s = segments.length - 2, up = 1; s >= 0; s--, up++) {
    candidates = candidates.filter((unit) => {
      let ancestor: UnitRow | undefined = unit;
      for (let i = 0; i < up && ancestor; i++) ancestor = ancestor.parentId == null ? undefined : lookups.unitById.get(ancestor.parentId);
      return matches(ancestor, segments[s]);
    });
  }
  if (candidates.length === 1) return { unit: candidates[0] };
  return { issue: { field: "unit", messageKey: candidates.length === 0 ? "employeeImport.unitUnknown" : "employeeImport.unitAmbiguous", params: { unit: text } } };
}

/** Checks every row against the file itself and the database; returns the rows normalised with their issues. */
export function checkImportRows(db: Reader, agencyId: number, today: string, rows: ImportRow[]): CheckedImportRow[] {
  const lookups = loadLookups(db, agencyId, today, rows);
  const nipRow = new Map<string, number>();
  const emailRow = new Map<string, number>();
  const leaderRow = new Map<number, number>();

  return rows.map((raw) => {
    const issues: ImportIssue[] = [];
    const add = (field: ImportColumn, messageKey: string, params?: Record<string, string | number>) => issues.push({ field, messageKey, ...(params ? { params } : {}) });

    const nip = normalizeNip(raw.nip);
    const nipIssue = raw.nipWasNumber ? "employeeImport.nipStoredAsNumber" : nip === "" ? "validation.required" : nipProblem(nip);
    if (nipIssue) add("nip", nipIssue);
    else if (nipRow.has(nip)) add("nip", "employeeImport.nipDuplicateInFile", { row: nipRow.get(nip)! });
    else if (lookups.existingNips.has(nip)) add("nip", "employees.nipTaken");
    if (nip && !nipRow.has(nip)) nipRow.set(nip, raw.rowNumber);

    const name = raw.name.trim();
    if (!name) add("name", "validation.required");
    else if (name.length > 200) add("name", "validation.tooLong");

    const emailParse = optionalEmail.safeParse(raw.email);
    const email = emailParse.success ? emailParse.data : null;
    if (!emailParse.success) add("email", emailParse.error.issues[0]?.message ?? "validation.email");
    else if (email && emailRow.has(email)) add("email", "employeeImport.emailDuplicateInFile", { row: emailRow.get(email)! });
    else if (email && lookups.existingEmails.has(email)) add("email", "employees.emailTaken");
    if (email && !emailRow.has(email)) emailRow.set(email, raw.rowNumber);

    const phoneText = normalizeImportedPhone(raw.phone);
    const phoneParse = phoneField.safeParse(phoneText);
    if (!phoneParse.success) add("phone", "validation.phone");

    let positionId: number | null = null;
    let unitName = "";
    let positionName = "";
    const unitText = raw.unit.trim();
    const positionText = raw.position.trim();
    if (unitText && !positionText) add("position", "validation.required");
    else if (positionText && !unitText) add("unit", "validation.required");
    else if (unitText && positionText) {
      const resolved = resolveUnit(lookups, unitText);
      if ("issue" in resolved) issues.push(resolved.issue);
      else {
        unitName = resolved.unit.name;
        const found = (lookups.positionsByUnit.get(resolved.unit.id) ?? []).filter((p) => nameKey(p.name) === nameKey(positionText));
        if (found.length !== 1) {
          add("position", found.length === 0 ? "employeeImport.positionUnknown" : "employeeImport.positionAmbiguous", { position: positionText, unit: resolved.unit.name });
        } else {
          const position = found[0];
          positionName = position.name;
          const holder = position.isLeader ? lookups.leaderHolder.get(position.id) : undefined;
          if (holder) add("position", "employeeImport.positionHeld", { holder });
          else if (position.isLeader && leaderRow.has(position.id)) add("position", "employeeImport.positionTakenInFile", { row: leaderRow.get(position.id)! });
          else {
            positionId = position.id;
            if (position.isLeader) leaderRow.set(position.id, raw.rowNumber);
          }
        }
      }
    }

    return {
      rowNumber: raw.rowNumber,
      nip,
      name,
      position: positionText,
      unit: unitText,
      email: email ?? "",
      phone: phoneParse.success ? phoneParse.data : phoneText,
      issues,
      positionId: issues.length === 0 ? positionId : null,
      unitName,
      positionName,
    };
  });
}

const countErrors = (rows: CheckedImportRow[]) => rows.filter((r) => r.issues.length > 0).length;

/** Step 1: reads the uploaded file and checks every row. Writes nothing. */
export async function previewEmployeeImport(ctx: Ctx, file: { name: string; bytes: Uint8Array }): Promise<ImportPreview> {
  assertCan(ctx.actor, "employee.import");
  const rows = await parseEmployeeFile(file);
  const checked = checkImportRows(ctx.db, ctx.actor.agencyId, agencyToday(ctx.db, ctx.actor.agencyId, ctx.now), rows);
  const errorCount = countErrors(checked);
  return { fileName: file.name, rows: checked, errorCount, validCount: checked.length - errorCount };
}

/** Keeps only the fields a row may carry, as bounded text: the rows come back from the browser. */
function sanitizeRow(row: ImportRow): ImportRow {
  const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");
  return {
    rowNumber: Number.isInteger(row.rowNumber) && row.rowNumber > 0 ? row.rowNumber : 0,
    nip: text(row.nip, 40),
    name: text(row.name, 300),
    position: text(row.position, 300),
    unit: text(row.unit, 300),
    email: text(row.email, 300),
    phone: text(row.phone, 40),
    ...(row.nipWasNumber === true ? { nipWasNumber: true } : {}),
  };
}

/**
 * Step 2: creates every employee of the checked rows, each with a temporary password (returned once) that
 * must be changed at first sign-in and, when the row names a post, that post (definitif) from today.
 * The rows are not trusted: they are checked again inside the writing transaction, and one failing row
 * means nothing is written.
 */
export async function commitEmployeeImport(ctx: Ctx, input: { fileName: string; rows: ImportRow[] }): Promise<{ created: ImportedEmployee[] }> {
  assertCan(ctx.actor, "employee.import");
  const agencyId = ctx.actor.agencyId;
  if (input.rows.length === 0) throw invalid({}, "employeeImport.noRows");
  if (input.rows.length > IMPORT_MAX_ROWS) throw new DomainError("invalid", "employeeImport.tooManyRows", { max: IMPORT_MAX_ROWS });
  const rows = input.rows.map(sanitizeRow);
  const fileName = input.fileName.slice(0, 200);
  const today = agencyToday(ctx.db, agencyId, ctx.now);

  // Fail before the slow hashing when the rows are plainly wrong.
  const errors = countErrors(checkImportRows(ctx.db, agencyId, today, rows));
  if (errors > 0) throw new DomainError("invalid", "employeeImport.hasErrors", { count: errors });

  const passwords = rows.map(() => generateTemporaryPassword());
  const hashes = await hashTemporaryPasswords(passwords);

  return ctx.db.transaction((tx) => {
    // The database may have changed while hashing (another admin, another import): check again.
    const checked = checkImportRows(tx, agencyId, today, rows);
    const failing = countErrors(checked);
    if (failing > 0) throw new DomainError("invalid", "employeeImport.changedSincePreview", { count: failing });
    const created: ImportedEmployee[] = checked.map((row, i) => {
      const employee = tx
        .insert(employees)
        .values({
          agencyId,
          nip: row.nip,
          name: row.name,
          email: row.email || null,
          phone: row.phone,
          passwordHash: hashes[i],
          mustChangePassword: true,
          active: true,
          createdAt: ctx.now,
        })
        .returning()
        .get();
      const assignment =
        row.positionId == null
          ? null
          : tx
              .insert(assignments)
              .values({ employeeId: employee.id, positionId: row.positionId, kind: "definitif", startDate: today, endDate: null, decreeNumber: "", createdAt: ctx.now })
              .returning()
              .get();
      writeAudit(tx, ctx, {
        action: "employee.created",
        entityType: "employee",
        entityId: employee.id,
        after: { ...employeeSnapshot(employee), roles: [], assignment: assignment ? { id: assignment.id, ...assignmentSnapshot(assignment) } : null, source: "import", rowNumber: row.rowNumber },
      });
      return { employeeId: employee.id, rowNumber: row.rowNumber, nip: employee.nip, displayName: displayName(employee), email: employee.email, temporaryPassword: passwords[i] };
    });
    writeAudit(tx, ctx, {
      action: "employee.import_committed",
      entityType: "employee_import",
      entityId: null,
      after: { fileName, count: created.length, firstEmployeeId: created[0]?.employeeId ?? null, lastEmployeeId: created.at(-1)?.employeeId ?? null },
    });
    return { created };
  });
}
