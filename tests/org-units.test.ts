import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, positions, units } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { createUnit, deactivateUnit, moveUnit, reactivateUnit, renameUnit } from "@/lib/org/units";
import { flattenUnitTree, getUnitDetail, listUnitsTree, unitOptions } from "@/lib/org/org-queries";
import idAdminOrg from "@/messages/id/admin-org.json";
import enAdminOrg from "@/messages/en/admin-org.json";
import { createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_REQUEST } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

const admin = () => ctxFor(db, org.employees.admin);
const staff = () => ctxFor(db, org.employees.staff);
const adminB = () => ctxFor(db, org.employees.adminB);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Everything a unit mutation may touch, to prove that a refused one touched nothing. */
const state = () => ({ units: db.select().from(units).all(), audit: db.select().from(auditLog).all() });
const unitRow = (id: number) => db.select().from(units).where(eq(units.id, id)).get();
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("createUnit", () => {
  it("creates a unit under an active parent and audits it in the same breath", () => {
    const { id } = createUnit(admin(), { name: "  Bidang Aplikasi ", shortName: "APTIKA", parentId: org.units.dinas });
    expect(unitRow(id)).toMatchObject({ agencyId: org.agencyA, parentId: org.units.dinas, name: "Bidang Aplikasi", shortName: "APTIKA", active: true });
    const [audit] = auditOf("unit.created");
    expect(audit).toMatchObject({
      agencyId: org.agencyA,
      actorEmployeeId: org.employees.admin,
      entityType: "unit",
      entityId: String(id),
      ip: TEST_REQUEST.ip,
      before: null,
    });
    expect(audit.at.getTime()).toBe(TEST_NOW.getTime());
    expect(JSON.parse(audit.after!)).toEqual({ name: "Bidang Aplikasi", shortName: "APTIKA", parentId: org.units.dinas, active: true });
  });

  it("creates a top-level unit in the actor's own agency", () => {
    const { id } = createUnit(admin(), { name: "Sekretariat DPRD", parentId: null });
    expect(unitRow(id)).toMatchObject({ agencyId: org.agencyA, parentId: null });
  });

  it("refuses a staff member and changes nothing", () => {
    const before = state();
    expect(refusal(() => createUnit(staff(), { name: "Bidang X", parentId: org.units.dinas })).code).toBe("forbidden");
    expect(refusal(() => createUnit(staff(), { name: "Bidang X", parentId: null })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });

  it("refuses another agency's admin creating under this agency's unit", () => {
    const before = state();
    expect(refusal(() => createUnit(adminB(), { name: "Bidang X", parentId: org.units.dinas })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });

  it("refuses an inactive parent, a missing parent, a blank name and a duplicate sister name", () => {
    const { id: old } = createUnit(admin(), { name: "Bidang Lama", parentId: org.units.dinas });
    deactivateUnit(admin(), old);
    const before = state();
    expect(refusal(() => createUnit(admin(), { name: "Seksi", parentId: old })).fieldErrors).toEqual({ parentId: "units.parentInactive" });
    expect(refusal(() => createUnit(admin(), { name: "Seksi", parentId: 99999 })).code).toBe("not_found");
    expect(refusal(() => createUnit(admin(), { name: "   ", parentId: org.units.dinas })).fieldErrors).toEqual({ name: "validation.required" });
    expect(refusal(() => createUnit(admin(), { name: "dinas kominfo", parentId: org.units.root })).fieldErrors).toEqual({ name: "units.duplicateName" });
    expect(state()).toEqual(before);
    // The inactive sister does not block its name being used again.
    expect(createUnit(admin(), { name: "Bidang Lama", parentId: org.units.dinas }).id).toBeGreaterThan(0);
  });

  it("is all or nothing: when the audit row cannot be written, the unit is not created", () => {
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    const ctx = admin();
    const before = db.select().from(units).all();
    expect(() => createUnit(ctx, { name: "Bidang Tanpa Jejak", parentId: org.units.dinas })).toThrow(/audit down/);
    expect(db.select().from(units).all()).toEqual(before);
    expect(db.select().from(units).where(eq(units.name, "Bidang Tanpa Jejak")).get()).toBeUndefined();
  });
});

describe("renameUnit", () => {
  it("renames and audits before and after", () => {
    renameUnit(admin(), org.units.dinas, { name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO" });
    expect(unitRow(org.units.dinas)?.name).toBe("Dinas Komunikasi dan Informatika");
    const [audit] = auditOf("unit.renamed");
    expect(audit.entityId).toBe(String(org.units.dinas));
    expect(JSON.parse(audit.before!)).toEqual({ name: "Dinas Kominfo", shortName: "DISKOMINFO" });
    expect(JSON.parse(audit.after!)).toEqual({ name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO" });
  });

  it("writes nothing when nothing changed", () => {
    const before = state();
    renameUnit(admin(), org.units.dinas, { name: "Dinas Kominfo", shortName: "DISKOMINFO" });
    expect(state()).toEqual(before);
  });

  it("refuses staff, another agency's admin, and a missing unit", () => {
    const before = state();
    expect(refusal(() => renameUnit(staff(), org.units.dinas, { name: "X" })).code).toBe("forbidden");
    expect(refusal(() => renameUnit(adminB(), org.units.dinas, { name: "X" })).code).toBe("forbidden");
    expect(refusal(() => renameUnit(admin(), org.units.rootB, { name: "X" })).code).toBe("forbidden");
    expect(refusal(() => renameUnit(admin(), 99999, { name: "X" })).code).toBe("not_found");
    expect(state()).toEqual(before);
  });
});

describe("moveUnit", () => {
  it("moves a unit under another active unit and audits the old and new parent", () => {
    const { id: bidang } = createUnit(admin(), { name: "Bidang Statistik", parentId: org.units.dinas });
    const { id: dinas2 } = createUnit(admin(), { name: "Dinas Statistik", parentId: org.units.root });
    moveUnit(admin(), bidang, { parentId: dinas2 });
    expect(unitRow(bidang)?.parentId).toBe(dinas2);
    const [audit] = auditOf("unit.moved");
    expect(JSON.parse(audit.before!)).toEqual({ parentId: org.units.dinas });
    expect(JSON.parse(audit.after!)).toEqual({ parentId: dinas2 });
  });

  it("refuses moving a unit under itself or under any unit below it, and changes nothing", () => {
    const { id: bidang } = createUnit(admin(), { name: "Bidang", parentId: org.units.dinas });
    const { id: seksi } = createUnit(admin(), { name: "Seksi", parentId: bidang });
    const before = state();
    for (const parentId of [org.units.root, org.units.dinas, bidang, seksi]) {
      expect(refusal(() => moveUnit(admin(), org.units.root, { parentId })).fieldErrors).toEqual({ parentId: "units.cycle" });
    }
    expect(refusal(() => moveUnit(admin(), org.units.dinas, { parentId: seksi })).fieldErrors).toEqual({ parentId: "units.cycle" });
    expect(state()).toEqual(before);
  });

  it("refuses a parent from another agency, an inactive parent, and a non-admin", () => {
    const { id: old } = createUnit(admin(), { name: "Bagian Lama", parentId: org.units.root });
    deactivateUnit(admin(), old);
    const before = state();
    expect(refusal(() => moveUnit(admin(), org.units.dinas, { parentId: org.units.rootB })).code).toBe("forbidden");
    expect(refusal(() => moveUnit(adminB(), org.units.dinas, { parentId: org.units.rootB })).code).toBe("forbidden");
    expect(refusal(() => moveUnit(admin(), org.units.dinas, { parentId: old })).fieldErrors).toEqual({ parentId: "units.parentInactive" });
    expect(refusal(() => moveUnit(staff(), org.units.dinas, { parentId: null })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });
});

describe("deactivateUnit and reactivateUnit", () => {
  it("deactivates an empty unit and reactivates it, auditing both", () => {
    const { id } = createUnit(admin(), { name: "Bidang Sementara", parentId: org.units.dinas });
    deactivateUnit(admin(), id);
    expect(unitRow(id)?.active).toBe(false);
    expect(JSON.parse(auditOf("unit.deactivated")[0].after!)).toEqual({ active: false });
    reactivateUnit(admin(), id);
    expect(unitRow(id)?.active).toBe(true);
    expect(auditOf("unit.reactivated")).toHaveLength(1);
  });

  it("refuses while active child units or active positions remain, and changes nothing", () => {
    const before = state();
    const withChildren = refusal(() => deactivateUnit(admin(), org.units.root));
    expect(withChildren).toMatchObject({ code: "conflict", messageKey: "units.hasActiveChildren", params: { count: 1 } });
    const withPositions = refusal(() => deactivateUnit(admin(), org.units.dinas));
    expect(withPositions).toMatchObject({ code: "conflict", messageKey: "units.hasActivePositions", params: { count: 2 } });
    expect(state()).toEqual(before);
  });

  it("allows deactivation once the positions are inactive", () => {
    const { id } = createUnit(admin(), { name: "Bidang", parentId: org.units.dinas });
    db.insert(positions).values({ agencyId: org.agencyA, unitId: id, name: "Kepala Bidang", active: false }).run();
    deactivateUnit(admin(), id);
    expect(unitRow(id)?.active).toBe(false);
  });

  it("refuses reactivation under an inactive parent", () => {
    const { id: bidang } = createUnit(admin(), { name: "Bidang", parentId: org.units.dinas });
    const { id: seksi } = createUnit(admin(), { name: "Seksi", parentId: bidang });
    deactivateUnit(admin(), seksi);
    deactivateUnit(admin(), bidang);
    const before = state();
    expect(refusal(() => reactivateUnit(admin(), seksi)).messageKey).toBe("units.parentInactive");
    expect(refusal(() => deactivateUnit(admin(), seksi)).messageKey).toBe("units.alreadyInactive");
    expect(state()).toEqual(before);
  });

  it("refuses staff and another agency's admin", () => {
    const { id } = createUnit(admin(), { name: "Bidang", parentId: org.units.dinas });
    const before = state();
    expect(refusal(() => deactivateUnit(staff(), id)).code).toBe("forbidden");
    expect(refusal(() => deactivateUnit(adminB(), id)).code).toBe("forbidden");
    expect(state()).toEqual(before);
    deactivateUnit(admin(), id);
    const after = state();
    expect(refusal(() => reactivateUnit(staff(), id)).code).toBe("forbidden");
    expect(refusal(() => reactivateUnit(adminB(), id)).code).toBe("forbidden");
    expect(state()).toEqual(after);
  });
});

describe("unit queries", () => {
  it("builds the agency's tree with position counts and never includes another agency's units", () => {
    const { id: bidang } = createUnit(admin(), { name: "Bidang Aplikasi", parentId: org.units.dinas });
    const tree = listUnitsTree(db, org.agencyA);
    expect(tree.map((n) => n.id)).toEqual([org.units.root]);
    const [root] = tree;
    expect(root.positionCount).toBe(1);
    expect(root.children.map((n) => n.id)).toEqual([org.units.dinas]);
    expect(root.children[0]).toMatchObject({ depth: 1, positionCount: 2 });
    expect(root.children[0].children.map((n) => [n.id, n.depth])).toEqual([[bidang, 2]]);
    const ids = flattenUnitTree(tree).map((n) => n.id);
    expect(ids).toEqual([org.units.root, org.units.dinas, bidang]);
    expect(ids).not.toContain(org.units.rootB);
    expect(flattenUnitTree(listUnitsTree(db, org.agencyB)).map((n) => n.id)).toEqual([org.units.rootB]);
  });

  it("offers only active units of the agency, indented by depth", () => {
    const { id: old } = createUnit(admin(), { name: "Bagian Lama", parentId: org.units.root });
    deactivateUnit(admin(), old);
    const options = unitOptions(db, org.agencyA);
    expect(options.map((o) => o.id)).toEqual([org.units.root, org.units.dinas]);
    expect(options[1].label.trim()).toBe("Dinas Kominfo");
    expect(options[1].label.length).toBeGreaterThan("Dinas Kominfo".length);
  });

  it("returns a unit's detail only within its own agency", () => {
    const detail = getUnitDetail(db, org.agencyA, org.units.dinas);
    expect(detail?.parent?.id).toBe(org.units.root);
    expect(detail?.positions.map((p) => p.id)).toEqual([org.positions.head, org.positions.staff]);
    expect(getUnitDetail(db, org.agencyB, org.units.dinas)).toBeNull();
    expect(getUnitDetail(db, org.agencyA, org.units.rootB)).toBeNull();
  });
});

describe("admin-org catalogs", () => {
  const keys = (tree: object, prefix = ""): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it("has every Indonesian key in English too, and no extra English keys", () => {
    expect(keys(enAdminOrg).sort()).toEqual(keys(idAdminOrg).sort());
  });
});
