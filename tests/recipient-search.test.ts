import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { assignments, employees, positions, units } from "@/db/schema";
import { eq } from "drizzle-orm";
import { parseSearchKinds, RECIPIENT_SEARCH_LIMIT, searchRecipients } from "@/lib/documents/recipient-search";
import { addEmployee, createFixtureOrg, ctxFor, freshDb, TEST_NOW } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;
let ctxA: ReturnType<typeof ctxFor>;
let ctxB: ReturnType<typeof ctxFor>;
let acting: number;
let closedUnit: number;

beforeAll(() => {
  db = freshDb();
  org = createFixtureOrg(db);
  ctxA = ctxFor(db, org.employees.staff);
  ctxB = ctxFor(db, org.employees.adminB);
  // An acting regent (Plt.) and a former one whose assignment has ended.
  acting = addEmployee(db, org.agencyA, { name: "Sekda Pelaksana" });
  db.insert(assignments).values({ employeeId: acting, positionId: org.positions.regent, kind: "plt", startDate: "2026-01-01" }).run();
  const former = addEmployee(db, org.agencyA, { name: "Mantan Bupati" });
  db.insert(assignments).values({ employeeId: former, positionId: org.positions.regent, kind: "definitif", startDate: "2015-01-01", endDate: "2025-12-31" }).run();
  // Inactive rows that must never be offered.
  db.insert(positions).values({ agencyId: org.agencyA, unitId: org.units.dinas, name: "Kepala Bidang Arsip Lama", active: false }).run();
  closedUnit = db.insert(units).values({ agencyId: org.agencyA, parentId: org.units.root, name: "Kantor Arsip Ditutup", active: false }).returning().get().id;
  db.insert(positions).values({ agencyId: org.agencyA, unitId: closedUnit, name: "Kepala Kantor Arsip" }).run();
  addEmployee(db, org.agencyA, { name: "Pensiunan Arsip", active: false });
});

const search = (q: string, kinds?: Parameters<typeof searchRecipients>[2], ctx = ctxA) => searchRecipients({ ...ctx, now: TEST_NOW }, q, kinds);

describe("searchRecipients", () => {
  it("finds positions by name, labelled with their holders and unit, or as vacant", () => {
    expect(search("pranata", ["position"])).toEqual([
      { kind: "position", positionId: org.positions.staff, label: "Pranata Komputer", sublabel: "Admin Uji, Staf Uji · Dinas Kominfo" },
    ]);
    const regent = search("bupati", ["position"]);
    expect(regent).toEqual([{ kind: "position", positionId: org.positions.regent, label: "Bupati", sublabel: "Sekda Pelaksana (Plt.) · Pemerintah Kabupaten Uji" }]);
  });

  it("says a post nobody holds is vacant, in the reader's words", () => {
    const post = db.insert(positions).values({ agencyId: org.agencyA, unitId: org.units.dinas, name: "Analis Kebijakan" }).returning().get().id;
    expect(searchRecipients({ ...ctxA, now: TEST_NOW }, "analis kebijakan", ["position"], { vacant: "Vacant", unit: "Unit" })).toEqual([
      { kind: "position", positionId: post, label: "Analis Kebijakan", sublabel: "Vacant · Dinas Kominfo" },
    ]);
  });

  it("finds a position through its current holder's name, not a former holder's", () => {
    expect(search("kepala uji", ["position"]).map((r) => r.label)).toEqual(["Kepala Dinas Kominfo"]);
    expect(search("pelaksana", ["position"]).map((r) => r.label)).toEqual(["Bupati"]);
    expect(search("mantan", ["position"])).toEqual([]);
  });

  it("finds positions through their unit's name or short name, every word in any field", () => {
    expect(search("diskominfo", ["position"]).map((r) => r.label).sort()).toEqual(["Analis Kebijakan", "Kepala Dinas Kominfo", "Pranata Komputer"]);
    expect(search("kominfo komputer", ["position"]).map((r) => r.label)).toEqual(["Pranata Komputer"]);
  });

  it("finds units by name or short name", () => {
    expect(search("kominfo", ["unit"])).toEqual([{ kind: "unit", unitId: org.units.dinas, label: "Dinas Kominfo", sublabel: "Unit kerja" }]);
    expect(search("DISKOM", ["unit"]).map((r) => r.label)).toEqual(["Dinas Kominfo"]);
  });

  it("finds employees by name or by the start of the NIP, labelled with their post", () => {
    expect(search("staf uji", ["employee"])).toEqual([{ kind: "employee", employeeId: org.employees.staff, label: "Staf Uji", sublabel: "Pranata Komputer" }]);
    expect(search("sekda", ["employee"])).toEqual([{ kind: "employee", employeeId: acting, label: "Sekda Pelaksana", sublabel: "Plt. Bupati" }]);
    const nip = db.select({ nip: employees.nip }).from(employees).where(eq(employees.id, org.employees.head)).get()!.nip;
    expect(search(`${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14)}`)).toEqual([{ kind: "employee", employeeId: org.employees.head, label: "Kepala Uji", sublabel: "Kepala Dinas Kominfo" }]);
  });

  it("never returns another agency's positions, units or employees", () => {
    const fromA = search("lain");
    expect(fromA).toEqual([]);
    expect(search("admin", ["employee"]).map((r) => r.label)).toEqual(["Admin Uji"]);
    const fromB = search("uji", undefined, ctxB);
    expect(fromB).toEqual([]);
    expect(search("admin", ["employee"], ctxB).map((r) => r.label)).toEqual(["Admin Lain"]);
    expect(search("bupati", ["position"], ctxB).map((r) => r.label)).toEqual(["Bupati Lain"]);
  });

  it("excludes inactive positions, positions of inactive units, inactive units and inactive employees", () => {
    expect(search("arsip")).toEqual([]);
    expect(search("kepala", ["position"]).map((r) => r.label)).toEqual(["Kepala Dinas Kominfo"]);
  });

  it("searches only the kinds asked for", () => {
    const kinds = new Set(search("uji").map((r) => r.kind));
    expect(kinds).toEqual(new Set(["position", "unit", "employee"]));
    expect(new Set(search("uji", ["unit"]).map((r) => r.kind))).toEqual(new Set(["unit"]));
  });

  it("ignores queries too short to mean anything and treats wildcards literally", () => {
    expect(search("")).toEqual([]);
    expect(search("a")).toEqual([]);
    expect(search("%%")).toEqual([]);
    expect(search("__")).toEqual([]);
  });

  it("returns at most 15, sharing the places between kinds", () => {
    for (let i = 1; i <= 20; i++) {
      db.insert(positions).values({ agencyId: org.agencyA, unitId: org.units.dinas, name: `Pengelola Data ${i}` }).run();
      addEmployee(db, org.agencyA, { name: `Pengelola Orang ${i}` });
    }
    const result = search("pengelola");
    expect(result).toHaveLength(RECIPIENT_SEARCH_LIMIT);
    expect(result.filter((r) => r.kind === "position")).toHaveLength(8);
    expect(result.filter((r) => r.kind === "employee")).toHaveLength(7);
    expect(search("pengelola", ["employee"])).toHaveLength(RECIPIENT_SEARCH_LIMIT);
  });
});

describe("parseSearchKinds", () => {
  it("reads a comma list, ignoring unknown kinds; nothing means all", () => {
    expect(parseSearchKinds("position,unit")).toEqual(["position", "unit"]);
    expect(parseSearchKinds("external,employee,employee")).toEqual(["employee"]);
    expect(parseSearchKinds(null)).toEqual(["position", "unit", "employee"]);
    expect(parseSearchKinds("bogus")).toEqual(["position", "unit", "employee"]);
  });
});
