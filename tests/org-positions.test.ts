import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, positions, units } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import {
  createPosition,
  deactivatePosition,
  reactivatePosition,
  setPositionSuperior,
  updatePosition,
} from "@/lib/org/positions";
import { createUnit, deactivateUnit } from "@/lib/org/units";
import { getPositionDetail, listPositions, positionOptions, superiorOptions } from "@/lib/org/org-queries";
import { addEmployee, createFixtureOrg, ctxFor, freshDb, TEST_REQUEST } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

const admin = () => ctxFor(db, org.employees.admin);
const staff = () => ctxFor(db, org.employees.staff);
const adminB = () => ctxFor(db, org.employees.adminB);
// TEST_NOW is 2026-11-27 in Asia/Jakarta.
const TODAY = "2026-11-27";

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const state = () => ({ positions: db.select().from(positions).all(), audit: db.select().from(auditLog).all() });
const positionRow = (id: number) => db.select().from(positions).where(eq(positions.id, id)).get();
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const noFlags = { isLeader: false, mayDisposition: false, maySign: false };

function vacantPost(name = "Analis Kebijakan", superiorId: number | null = org.positions.head) {
  return createPosition(admin(), { name, unitId: org.units.dinas, superiorId, ...noFlags }).id;
}

describe("createPosition", () => {
  it("creates a position in an active unit under an active superior, with its audit row", () => {
    const { id } = createPosition(admin(), {
      name: " Kepala Bidang Aplikasi ",
      unitId: org.units.dinas,
      superiorId: org.positions.head,
      isLeader: true,
      mayDisposition: true,
      maySign: false,
    });
    expect(positionRow(id)).toMatchObject({
      agencyId: org.agencyA,
      unitId: org.units.dinas,
      superiorId: org.positions.head,
      name: "Kepala Bidang Aplikasi",
      isLeader: true,
      mayDisposition: true,
      maySign: false,
      active: true,
    });
    const [audit] = auditOf("position.created");
    expect(audit).toMatchObject({ agencyId: org.agencyA, actorEmployeeId: org.employees.admin, entityType: "position", entityId: String(id), ip: TEST_REQUEST.ip });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Kepala Bidang Aplikasi", unitId: org.units.dinas, superiorId: org.positions.head });
  });

  it("refuses a staff member and another agency's admin, and changes nothing", () => {
    const before = state();
    const input = { name: "Analis", unitId: org.units.dinas, superiorId: null, ...noFlags };
    expect(refusal(() => createPosition(staff(), input)).code).toBe("forbidden");
    expect(refusal(() => createPosition(adminB(), input)).code).toBe("forbidden");
    // Agency B's admin in their own unit, but reporting to agency A's position.
    expect(refusal(() => createPosition(adminB(), { ...input, unitId: org.units.rootB, superiorId: org.positions.head })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });

  it("refuses an inactive unit, an inactive superior and a blank name", () => {
    const { id: unit } = createUnit(admin(), { name: "Bidang Lama", parentId: org.units.dinas });
    deactivateUnit(admin(), unit);
    const oldPost = vacantPost("Jabatan Lama");
    deactivatePosition(admin(), oldPost);
    const before = state();
    expect(refusal(() => createPosition(admin(), { name: "A", unitId: unit, superiorId: null, ...noFlags })).fieldErrors).toEqual({ unitId: "positions.unitInactive" });
    expect(refusal(() => createPosition(admin(), { name: "A", unitId: org.units.dinas, superiorId: oldPost, ...noFlags })).fieldErrors).toEqual({
      superiorId: "positions.superiorInactive",
    });
    expect(refusal(() => createPosition(admin(), { name: " ", unitId: org.units.dinas, superiorId: null, ...noFlags })).fieldErrors).toEqual({ name: "validation.required" });
    expect(state()).toEqual(before);
  });

  it("is all or nothing with its audit row", () => {
    const ctx = admin();
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    const before = db.select().from(positions).all();
    expect(() => createPosition(ctx, { name: "Tanpa Jejak", unitId: org.units.dinas, superiorId: null, ...noFlags })).toThrow(/audit down/);
    expect(db.select().from(positions).all()).toEqual(before);
  });
});

describe("updatePosition", () => {
  it("changes name, unit and flags, auditing before and after", () => {
    const { id: bidang } = createUnit(admin(), { name: "Bidang Aplikasi", parentId: org.units.dinas });
    updatePosition(admin(), org.positions.staff, { name: "Pranata Komputer Ahli Muda", unitId: bidang, isLeader: false, mayDisposition: true, maySign: false });
    expect(positionRow(org.positions.staff)).toMatchObject({ name: "Pranata Komputer Ahli Muda", unitId: bidang, mayDisposition: true });
    const [audit] = auditOf("position.updated");
    expect(JSON.parse(audit.before!)).toMatchObject({ name: "Pranata Komputer", unitId: org.units.dinas, mayDisposition: false });
    expect(JSON.parse(audit.after!)).toMatchObject({ name: "Pranata Komputer Ahli Muda", unitId: bidang, mayDisposition: true });
  });

  it("refuses staff, another agency's admin, a unit of another agency and an inactive unit", () => {
    const { id: unit } = createUnit(admin(), { name: "Bidang Lama", parentId: org.units.dinas });
    deactivateUnit(admin(), unit);
    const before = state();
    const input = { name: "X", unitId: org.units.dinas, ...noFlags };
    expect(refusal(() => updatePosition(staff(), org.positions.staff, input)).code).toBe("forbidden");
    expect(refusal(() => updatePosition(adminB(), org.positions.staff, input)).code).toBe("forbidden");
    expect(refusal(() => updatePosition(admin(), org.positions.staff, { ...input, unitId: org.units.rootB })).code).toBe("forbidden");
    expect(refusal(() => updatePosition(admin(), org.positions.positionB, input)).code).toBe("forbidden");
    expect(refusal(() => updatePosition(admin(), org.positions.staff, { ...input, unitId: unit })).fieldErrors).toEqual({ unitId: "positions.unitInactive" });
    expect(state()).toEqual(before);
  });
});

describe("setPositionSuperior", () => {
  it("sets and clears the superior, auditing each change", () => {
    const post = vacantPost();
    setPositionSuperior(admin(), post, { superiorId: org.positions.regent });
    expect(positionRow(post)?.superiorId).toBe(org.positions.regent);
    setPositionSuperior(admin(), post, { superiorId: null });
    expect(positionRow(post)?.superiorId).toBeNull();
    const audits = auditOf("position.superior_changed");
    expect(audits.map((a) => [JSON.parse(a.before!), JSON.parse(a.after!)])).toEqual([
      [{ superiorId: org.positions.head }, { superiorId: org.positions.regent }],
      [{ superiorId: org.positions.regent }, { superiorId: null }],
    ]);
  });

  it("refuses the position itself or any of its subordinates as superior, and changes nothing", () => {
    const before = state();
    // regent <- head <- staff
    for (const superiorId of [org.positions.regent, org.positions.head, org.positions.staff]) {
      expect(refusal(() => setPositionSuperior(admin(), org.positions.regent, { superiorId })).fieldErrors).toEqual({ superiorId: "positions.cycle" });
    }
    expect(refusal(() => setPositionSuperior(admin(), org.positions.head, { superiorId: org.positions.staff })).fieldErrors).toEqual({ superiorId: "positions.cycle" });
    expect(state()).toEqual(before);
  });

  it("refuses a superior from another agency, an inactive superior, staff and another agency's admin", () => {
    const old = vacantPost("Jabatan Lama");
    deactivatePosition(admin(), old);
    const before = state();
    expect(refusal(() => setPositionSuperior(admin(), org.positions.staff, { superiorId: org.positions.positionB })).code).toBe("forbidden");
    expect(refusal(() => setPositionSuperior(admin(), org.positions.staff, { superiorId: old })).fieldErrors).toEqual({ superiorId: "positions.superiorInactive" });
    expect(refusal(() => setPositionSuperior(staff(), org.positions.staff, { superiorId: null })).code).toBe("forbidden");
    expect(refusal(() => setPositionSuperior(adminB(), org.positions.staff, { superiorId: null })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });
});

describe("deactivatePosition and reactivatePosition", () => {
  it("deactivates a vacant post and reactivates it, auditing both", () => {
    const post = vacantPost();
    deactivatePosition(admin(), post);
    expect(positionRow(post)?.active).toBe(false);
    expect(JSON.parse(auditOf("position.deactivated")[0].after!)).toEqual({ active: false });
    reactivatePosition(admin(), post);
    expect(positionRow(post)?.active).toBe(true);
    expect(auditOf("position.reactivated")).toHaveLength(1);
  });

  it("refuses while someone holds the post today, naming them, and changes nothing", () => {
    const before = state();
    const error = refusal(() => deactivatePosition(admin(), org.positions.staff));
    expect(error).toMatchObject({ code: "conflict", messageKey: "positions.hasHolders" });
    expect(error.params.names).toContain("Staf Uji");
    expect(error.params.names).toContain("Admin Uji");
    expect(state()).toEqual(before);
  });

  it("counts an acting holder and a scheduled holder, but not an ended assignment", () => {
    const ended = vacantPost("Jabatan Lalu");
    const acting = vacantPost("Jabatan Plt");
    const scheduled = vacantPost("Jabatan Nanti");
    const someone = addEmployee(db, org.agencyA, { name: "Pegawai Lain" });
    db.insert(assignments)
      .values([
        { employeeId: someone, positionId: ended, kind: "definitif", startDate: "2024-01-01", endDate: "2026-11-26" },
        { employeeId: someone, positionId: acting, kind: "plt", startDate: "2026-11-01", endDate: TODAY },
        { employeeId: someone, positionId: scheduled, kind: "plh", startDate: "2026-12-01", endDate: "2026-12-05" },
      ])
      .run();
    expect(refusal(() => deactivatePosition(admin(), acting)).messageKey).toBe("positions.hasHolders");
    expect(refusal(() => deactivatePosition(admin(), scheduled)).messageKey).toBe("positions.hasHolders");
    deactivatePosition(admin(), ended);
    expect(positionRow(ended)?.active).toBe(false);
  });

  it("refuses while active positions report to it", () => {
    const before = state();
    // Nobody holds the regent's post in the fixture, but the head of the dinas reports to it.
    expect(refusal(() => deactivatePosition(admin(), org.positions.regent))).toMatchObject({ messageKey: "positions.hasSubordinates", params: { count: 1 } });
    expect(state()).toEqual(before);
  });

  it("refuses reactivation when the superior or the unit is inactive", () => {
    const boss = vacantPost("Atasan");
    const post = vacantPost("Bawahan", boss);
    deactivatePosition(admin(), post);
    deactivatePosition(admin(), boss);
    expect(refusal(() => reactivatePosition(admin(), post)).messageKey).toBe("positions.superiorInactive");

    const { id: unit } = createUnit(admin(), { name: "Bidang Sementara", parentId: org.units.dinas });
    const inUnit = createPosition(admin(), { name: "Kepala Bidang Sementara", unitId: unit, superiorId: null, ...noFlags }).id;
    deactivatePosition(admin(), inUnit);
    deactivateUnit(admin(), unit);
    expect(refusal(() => reactivatePosition(admin(), inUnit)).messageKey).toBe("positions.unitInactive");
    expect(db.select().from(units).where(eq(units.id, unit)).get()?.active).toBe(false);
  });

  it("refuses staff and another agency's admin", () => {
    const post = vacantPost();
    const before = state();
    expect(refusal(() => deactivatePosition(staff(), post)).code).toBe("forbidden");
    expect(refusal(() => deactivatePosition(adminB(), post)).code).toBe("forbidden");
    expect(state()).toEqual(before);
    deactivatePosition(admin(), post);
    const after = state();
    expect(refusal(() => reactivatePosition(staff(), post)).code).toBe("forbidden");
    expect(refusal(() => reactivatePosition(adminB(), post)).code).toBe("forbidden");
    expect(state()).toEqual(after);
  });
});

describe("position queries", () => {
  it("lists only the agency's positions, with unit, superior and holders marked by kind", () => {
    const plt = addEmployee(db, org.agencyA, { name: "Plt Uji" });
    db.insert(assignments).values({ employeeId: plt, positionId: org.positions.head, kind: "plt", startDate: "2026-11-01" }).run();
    const gone = addEmployee(db, org.agencyA, { name: "Mantan Kepala" });
    db.insert(assignments).values({ employeeId: gone, positionId: org.positions.head, kind: "definitif", startDate: "2020-01-01", endDate: "2025-12-31" }).run();

    const { rows, hasMore } = listPositions(db, org.agencyA, { limit: 50, offset: 0, today: TODAY });
    expect(hasMore).toBe(false);
    expect(rows.map((r) => r.id).sort()).toEqual([org.positions.regent, org.positions.head, org.positions.staff].sort());
    const head = rows.find((r) => r.id === org.positions.head)!;
    expect(head).toMatchObject({ unitName: "Dinas Kominfo", superiorId: org.positions.regent, superiorName: "Bupati" });
    expect(head.holders.map((h) => [h.name, h.kind])).toEqual([
      ["Kepala Uji", "definitif"],
      ["Plt Uji", "plt"],
    ]);
    expect(rows.find((r) => r.id === org.positions.regent)?.holders).toEqual([]);

    const other = listPositions(db, org.agencyB, { limit: 50, offset: 0, today: TODAY });
    expect(other.rows.map((r) => r.id)).toEqual([org.positions.positionB]);
  });

  it("filters by unit including sub-units, by name, and never across agencies", () => {
    const byRoot = listPositions(db, org.agencyA, { unitId: org.units.root, limit: 50, offset: 0, today: TODAY });
    expect(byRoot.rows).toHaveLength(3);
    const byDinas = listPositions(db, org.agencyA, { unitId: org.units.dinas, limit: 50, offset: 0, today: TODAY });
    expect(byDinas.rows.map((r) => r.id).sort()).toEqual([org.positions.head, org.positions.staff].sort());
    const byName = listPositions(db, org.agencyA, { q: "kepala", limit: 50, offset: 0, today: TODAY });
    expect(byName.rows.map((r) => r.id)).toEqual([org.positions.head]);
    expect(listPositions(db, org.agencyA, { q: "%", limit: 50, offset: 0, today: TODAY }).rows).toEqual([]);
    expect(listPositions(db, org.agencyA, { unitId: org.units.rootB, limit: 50, offset: 0, today: TODAY }).rows).toEqual([]);
    expect(listPositions(db, org.agencyA, { q: "Bupati Lain", limit: 50, offset: 0, today: TODAY }).rows).toEqual([]);
  });

  it("pages with limit and offset", () => {
    const first = listPositions(db, org.agencyA, { limit: 2, offset: 0, today: TODAY });
    const second = listPositions(db, org.agencyA, { limit: 2, offset: 2, today: TODAY });
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect(second.rows).toHaveLength(1);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(3);
  });

  it("offers only active positions of the agency, labelled with their unit", () => {
    const old = vacantPost("Jabatan Lama");
    deactivatePosition(admin(), old);
    const options = positionOptions(db, org.agencyA);
    expect(options.map((o) => o.id).sort()).toEqual([org.positions.regent, org.positions.head, org.positions.staff].sort());
    expect(options.find((o) => o.id === org.positions.head)?.label).toBe("Kepala Dinas Kominfo — Dinas Kominfo");
  });

  it("offers as superiors the heads of units plus the positions of the same unit, active and own agency only", () => {
    const { id: other } = createUnit(admin(), { name: "Bidang Lain", parentId: org.units.dinas });
    const elsewhere = createPosition(admin(), { name: "Staf Bidang Lain", unitId: other, superiorId: null, ...noFlags }).id;
    const ids = (options: { id: number }[]) => options.map((o) => o.id).sort();
    expect(ids(superiorOptions(db, org.agencyA, null))).toEqual([org.positions.regent, org.positions.head].sort());
    expect(ids(superiorOptions(db, org.agencyA, org.units.dinas))).toEqual([org.positions.regent, org.positions.head, org.positions.staff].sort());
    expect(ids(superiorOptions(db, org.agencyA, other))).toEqual([org.positions.regent, org.positions.head, elsewhere].sort());
    expect(ids(superiorOptions(db, org.agencyA, org.units.rootB))).toEqual([org.positions.regent, org.positions.head].sort());
  });

  it("returns a position's detail only within its own agency", () => {
    const detail = getPositionDetail(db, org.agencyA, org.positions.head, TODAY);
    expect(detail?.superior?.id).toBe(org.positions.regent);
    expect(detail?.subordinates.map((s) => s.id)).toEqual([org.positions.staff]);
    expect(detail?.holders.map((h) => h.employeeId)).toEqual([org.employees.head]);
    expect(getPositionDetail(db, org.agencyB, org.positions.head, TODAY)).toBeNull();
  });
});
