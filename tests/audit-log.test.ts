import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { listAuditEntries } from "@/lib/audit/audit-queries";
import { DomainError } from "@/lib/errors";
import { formatNip } from "@/lib/org/nip";
import { createPosition } from "@/lib/org/positions";
import { createUnit, renameUnit } from "@/lib/org/units";
import { createFixtureOrg, ctxFor, freshDb } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

// Asia/Jakarta is UTC+7: 26 Nov 16.30Z is 23.30 on the 26th locally, 18.30Z is 01.30 on the 27th.
const LATE_26TH = new Date("2026-11-26T16:30:00Z");
const EARLY_27TH = new Date("2026-11-26T18:30:00Z");
const LATE_27TH = new Date("2026-11-27T16:59:00Z");
const EARLY_28TH = new Date("2026-11-27T17:00:00Z");

let ids: { unitOn26: number; unitOn27: number; positionOn27: number; unitOn28: number; unitB: number };

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
  const unitOn26 = createUnit(ctxFor(db, org.employees.admin, LATE_26TH), { name: "Bidang 26", parentId: org.units.dinas }).id;
  const unitOn27 = createUnit(ctxFor(db, org.employees.admin, EARLY_27TH), { name: "Bidang 27", parentId: org.units.dinas }).id;
  const positionOn27 = createPosition(ctxFor(db, org.employees.admin, LATE_27TH), {
    name: "Kepala Bidang 27",
    unitId: unitOn27,
    superiorId: null,
    isLeader: true,
    mayDisposition: true,
    maySign: true,
  }).id;
  const unitOn28 = createUnit(ctxFor(db, org.employees.admin, EARLY_28TH), { name: "Bidang 28", parentId: org.units.dinas }).id;
  renameUnit(ctxFor(db, org.employees.admin, EARLY_28TH), unitOn28, { name: "Bidang 28 Baru" });
  const unitB = createUnit(ctxFor(db, org.employees.adminB, EARLY_27TH), { name: "Bidang Lain", parentId: org.units.rootB }).id;
  ids = { unitOn26, unitOn27, positionOn27, unitOn28, unitB };
});

const reader = (employeeId: number) => ({ db, actor: ctxFor(db, employeeId).actor });
const entityIds = (rows: { entityId: string | null }[]) => rows.map((r) => Number(r.entityId));

describe("listAuditEntries", () => {
  it("refuses anyone without audit.read", () => {
    let error: unknown;
    try {
      listAuditEntries(reader(org.employees.staff), {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("forbidden");
  });

  it("shows only the reader's own agency, newest first, with the actor's name", () => {
    const { rows, nextCursor } = listAuditEntries(reader(org.employees.admin), {});
    expect(rows.map((r) => r.action)).toEqual(["unit.renamed", "unit.created", "position.created", "unit.created", "unit.created"]);
    expect(entityIds(rows)).not.toContain(ids.unitB);
    expect(rows.every((r) => r.actorName === "Admin Uji")).toBe(true);
    expect(nextCursor).toBeNull();

    const other = listAuditEntries(reader(org.employees.adminB), {});
    expect(entityIds(other.rows)).toEqual([ids.unitB]);
    expect(other.rows[0].actorName).toBe("Admin Lain");
  });

  it("filters by exact action and by action prefix", () => {
    const admin = reader(org.employees.admin);
    expect(entityIds(listAuditEntries(admin, { action: "unit.created" }).rows)).toEqual([ids.unitOn28, ids.unitOn27, ids.unitOn26]);
    for (const prefix of ["unit.", "unit.*", "unit"]) {
      expect(listAuditEntries(admin, { action: prefix }).rows).toHaveLength(4);
    }
    expect(listAuditEntries(admin, { action: "position" }).rows.map((r) => r.action)).toEqual(["position.created"]);
    expect(listAuditEntries(admin, { action: "unit.create" }).rows).toEqual([]);
    expect(listAuditEntries(admin, { action: "un" }).rows).toEqual([]);
  });

  it("filters by entity type and id", () => {
    const admin = reader(org.employees.admin);
    expect(entityIds(listAuditEntries(admin, { entityType: "position" }).rows)).toEqual([ids.positionOn27]);
    const history = listAuditEntries(admin, { entityType: "unit", entityId: String(ids.unitOn28) }).rows;
    expect(history.map((r) => r.action)).toEqual(["unit.renamed", "unit.created"]);
    expect(listAuditEntries(admin, { entityType: "unit", entityId: String(ids.unitB) }).rows).toEqual([]);
  });

  it("filters by actor name or NIP, with spaces in the NIP allowed", () => {
    const admin = reader(org.employees.admin);
    expect(listAuditEntries(admin, { who: "admin uji" }).rows).toHaveLength(5);
    expect(listAuditEntries(admin, { who: "Kepala" }).rows).toEqual([]);
    // Agency B's admin is never found from agency A, even by name.
    expect(listAuditEntries(admin, { who: "Admin Lain" }).rows).toEqual([]);
    const nip = admin.actor.nip;
    expect(listAuditEntries(admin, { who: formatNip(nip) }).rows).toHaveLength(5);
    expect(listAuditEntries(admin, { who: nip.slice(0, 8) }).rows).toHaveLength(5);
    expect(listAuditEntries(admin, { who: "%" }).rows).toEqual([]);
  });

  it("filters by local dates in the agency's time zone, both ends inclusive", () => {
    const admin = reader(org.employees.admin);
    const on27 = listAuditEntries(admin, { from: "2026-11-27", to: "2026-11-27" }).rows;
    expect(on27.map((r) => r.at.toISOString())).toEqual([LATE_27TH.toISOString(), EARLY_27TH.toISOString()]);
    expect(entityIds(listAuditEntries(admin, { to: "2026-11-26" }).rows)).toEqual([ids.unitOn26]);
    expect(listAuditEntries(admin, { from: "2026-11-28" }).rows.map((r) => r.action)).toEqual(["unit.renamed", "unit.created"]);
  });

  it("refuses a malformed date", () => {
    let error: unknown;
    try {
      listAuditEntries(reader(org.employees.admin), { from: "27-11-2026" });
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).fieldErrors).toEqual({ from: "validation.date" });
  });

  it("pages by id without gaps or repeats", () => {
    const admin = reader(org.employees.admin);
    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    do {
      const page = listAuditEntries(admin, { limit: 2, before });
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextCursor ?? undefined;
      pages++;
    } while (before !== undefined);
    expect(pages).toBe(3);
    const all = listAuditEntries(admin, {}).rows.map((r) => r.id);
    expect(seen).toEqual(all);
  });
});
