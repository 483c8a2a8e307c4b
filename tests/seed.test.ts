import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "@/db";
import {
  agencies,
  assignments,
  auditLog,
  classificationCodes,
  employeeRoles,
  employees,
  officialDocuments,
  positions,
  units,
} from "@/db/schema";
import { eq } from "drizzle-orm";
import { seedDemoDocuments } from "@/db/seed/demo-documents";
import { seedDocumentTypes } from "@/db/seed/document-types";
import { seedClassificationCodes } from "@/db/seed/classification";
import { buildDemoPlan, DEMO_LOGINS, DEMO_PASSWORD, localIsoDate, seedDemo, type DemoSummary } from "@/db/seed/demo-org";
import { verifyPassword } from "@/lib/auth/password";
import { nikProblem, parseNip } from "@/lib/org/nip";

// A fixed instant (09.00 WIB) so dates are reproducible.
const NOW = new Date("2026-03-02T02:00:00Z");
const TODAY = localIsoDate(NOW, "Asia/Jakarta");

let dir: string;
let db: Db;
let codesInserted: number;
let summary: DemoSummary;

const isActive = (a: { startDate: string; endDate: string | null }) =>
  a.startDate <= TODAY && (a.endDate === null || a.endDate >= TODAY);

function snapshot(d: Db) {
  return {
    agencies: d.select().from(agencies).all(),
    units: d.select().from(units).all(),
    positions: d.select().from(positions).all(),
    employees: d.select().from(employees).all(),
    assignments: d.select().from(assignments).all(),
    roles: d.select().from(employeeRoles).all(),
    audit: d.select().from(auditLog).all(),
    codes: d.select().from(classificationCodes).all().length,
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-seed-"));
  db = openDatabase(path.join(dir, "kawan.db"));
  migrateDatabase(db);
  codesInserted = seedClassificationCodes(db);
  // ~120 scrypt hashes: seconds on a busy machine.
  summary = seedDemo(db, { now: NOW });
}, 300_000);

afterAll(() => {
  db?.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("classification codes", () => {
  it("loads all 3,023 codes with their parents", () => {
    expect(codesInserted).toBe(3023);
    const rows = db.select().from(classificationCodes).all();
    expect(rows).toHaveLength(3023);
    const codes = new Set(rows.map((r) => r.code));
    const top = rows.filter((r) => r.parentCode === null).map((r) => r.code).sort();
    expect(top).toEqual(["000", "100", "200", "300", "400", "500", "600", "700", "800", "900"]);
    for (const r of rows) {
      if (r.parentCode === null) continue;
      expect(codes.has(r.parentCode), `${r.code} -> ${r.parentCode}`).toBe(true);
      expect(r.code.startsWith(r.parentCode + ".")).toBe(true);
    }
    expect(rows.find((r) => r.code === "800.1.2")?.parentCode).toBe("800.1");
    // A quoted name containing commas survives whole.
    expect(rows.find((r) => r.code === "000.1.8")?.name).toBe("Pemeliharaan Gedung, Taman dan Peralatan Kantor");
  });

  it("skips when the table already has rows", () => {
    expect(seedClassificationCodes(db)).toBe(0);
    expect(db.select().from(classificationCodes).all()).toHaveLength(3023);
  });
});

describe("demo regency", () => {
  it("creates one agency and reports what it created", () => {
    const rows = db.select().from(agencies).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Pemerintah Kabupaten Banyuwangi", regionName: "Kabupaten Banyuwangi", timeZone: "Asia/Jakarta" });
    expect(summary.created).toBe(true);
    expect(summary.units).toBe(db.select().from(units).all().length);
    expect(summary.positions).toBe(db.select().from(positions).all().length);
    expect(summary.employees).toBe(db.select().from(employees).all().length);
    expect(summary.assignments).toBe(db.select().from(assignments).all().length);
  });

  it("has at least six OPD under the root", () => {
    const all = db.select().from(units).all();
    const roots = all.filter((u) => u.parentId === null);
    expect(roots).toHaveLength(1);
    const children = all.filter((u) => u.parentId === roots[0].id).map((u) => u.name);
    for (const name of [
      "Sekretariat Daerah",
      "Dinas Komunikasi, Informatika dan Persandian",
      "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
      "Dinas Pendidikan",
      "Dinas Kesehatan",
      "Badan Perencanaan Pembangunan Daerah",
      "Kecamatan Genteng",
    ]) {
      expect(children).toContain(name);
    }
    expect(children.filter((n) => n !== "Sekretariat Daerah").length).toBeGreaterThanOrEqual(6);
  });

  it("has at least 80 employees with valid, unique NIPs and NIKs", () => {
    const rows = db.select().from(employees).all();
    expect(rows.length).toBeGreaterThanOrEqual(80);
    expect(new Set(rows.map((e) => e.nip)).size).toBe(rows.length);
    expect(new Set(rows.map((e) => e.nik)).size).toBe(rows.length);
    expect(new Set(rows.map((e) => e.email)).size).toBe(rows.length);
    for (const e of rows) {
      const info = parseNip(e.nip);
      expect(info, e.nip).not.toBeNull();
      const nik = e.nik ?? "";
      expect(nik).toMatch(/^3510\d{12}$/);
      expect(nikProblem(nik)).toBeNull();
      // The NIK carries the same birth date, with 40 added to the day for women.
      const [y, m, d] = info!.birthDate.split("-");
      const day = Number(d) + (info!.gender === "female" ? 40 : 0);
      expect(nik.slice(6, 12)).toBe(`${String(day).padStart(2, "0")}${m}${y.slice(2)}`);
      expect(e.email).toMatch(/^[a-z]+(\.[a-z]+)?\d*@banyuwangikab\.go\.id$/);
      expect(e.phone).toMatch(/^08\d{8,11}$/);
      expect(e.mustChangePassword).toBe(false);
    }
  });

  it("gives every position but the Bupati a superior, without cycles", () => {
    const rows = db.select().from(positions).all();
    const byId = new Map(rows.map((p) => [p.id, p]));
    const tops = rows.filter((p) => p.superiorId === null);
    expect(tops.map((p) => p.name)).toEqual(["Bupati Banyuwangi"]);
    for (const p of rows) {
      const seen = new Set<number>();
      let cur = p;
      while (cur.superiorId !== null) {
        expect(seen.has(cur.id), `cycle at ${p.name}`).toBe(false);
        seen.add(cur.id);
        const next = byId.get(cur.superiorId);
        expect(next, `missing superior of ${cur.name}`).toBeDefined();
        cur = next!;
      }
      expect(cur.id).toBe(tops[0].id);
    }
    // Flags: heads lead and may disposition; staff do not.
    const staff = rows.find((p) => p.name === "Pranata Komputer")!;
    expect(staff).toMatchObject({ isLeader: false, mayDisposition: false, maySign: false });
    const sekda = rows.find((p) => p.name === "Sekretaris Daerah")!;
    expect(sekda).toMatchObject({ isLeader: true, mayDisposition: true, maySign: true, superiorId: tops[0].id });
  });

  it("fills every position with one active definitif assignment", () => {
    const all = db.select().from(assignments).all();
    for (const p of db.select().from(positions).all()) {
      const definitif = all.filter((a) => a.positionId === p.id && a.kind === "definitif");
      expect(definitif, p.name).toHaveLength(1);
      expect(isActive(definitif[0]), p.name).toBe(true);
      expect(definitif[0].decreeNumber).not.toBe("");
    }
  });

  it("has exactly one active Plh: the Sekretaris of Dinas Kominfo acting as Kepala Dinas Kesehatan", () => {
    const all = db.select().from(assignments).all();
    const plh = all.filter((a) => a.kind === "plh" && isActive(a));
    expect(plh).toHaveLength(1);
    const acting = plh[0];
    const position = db.select().from(positions).all().find((p) => p.id === acting.positionId)!;
    expect(position.name).toBe("Kepala Dinas Kesehatan");
    const holderActive = all.filter((a) => a.employeeId === acting.employeeId && isActive(a));
    expect(holderActive).toHaveLength(2);
    const own = holderActive.find((a) => a.kind === "definitif")!;
    const ownPosition = db.select().from(positions).all().find((p) => p.id === own.positionId)!;
    expect(ownPosition.name).toBe("Sekretaris Dinas Komunikasi, Informatika dan Persandian");
    expect(acting.decreeNumber).not.toBe("");
  });

  it("grants the admin and clerk roles", () => {
    const roles = db.select().from(employeeRoles).all();
    const emps = new Map(db.select().from(employees).all().map((e) => [e.id, e]));
    const admin = roles.filter((r) => r.role === "agency_admin").map((r) => emps.get(r.employeeId)!.email);
    const clerks = roles.filter((r) => r.role === "records_clerk").map((r) => emps.get(r.employeeId)!.email).sort();
    expect(admin).toEqual(["rizky.putra@banyuwangikab.go.id"]);
    expect(clerks).toEqual(["moh.holil@banyuwangikab.go.id", "siti.nurhasanah@banyuwangikab.go.id"]);
  });

  it("contains every DEMO_LOGINS account, holding its position, with the demo password", () => {
    const emps = db.select().from(employees).all();
    const posById = new Map(db.select().from(positions).all().map((p) => [p.id, p]));
    const all = db.select().from(assignments).all();
    for (const login of DEMO_LOGINS) {
      const e = emps.find((x) => x.nip === login.nip);
      expect(e, login.label).toBeDefined();
      expect(e!.email).toBe(login.email);
      expect(e!.name).toBe(login.name);
      const held = all.filter((a) => a.employeeId === e!.id && a.kind === "definitif").map((a) => posById.get(a.positionId)!.name);
      expect(held).toEqual([login.positionName]);
    }
    const sample = emps.find((x) => x.nip === DEMO_LOGINS[0].nip)!;
    expect(verifyPassword(DEMO_PASSWORD, sample.passwordHash)).toBe(true);
    expect(verifyPassword("wrong", sample.passwordHash)).toBe(false);
  });

  it("writes one audit row", () => {
    const rows = db.select().from(auditLog).all().filter((r) => r.action === "seed.demo");
    expect(rows).toHaveLength(1);
    expect(rows[0].entityType).toBe("agency");
    expect(rows[0].at.getTime()).toBe(NOW.getTime());
  });

  it("plans the same demo every time", () => {
    const a = buildDemoPlan(NOW);
    expect(buildDemoPlan(NOW)).toEqual(a);
    const nips = new Set(a.employees.map((e) => e.nip));
    for (const login of DEMO_LOGINS) expect(nips.has(login.nip)).toBe(true);
  });

  it("changes nothing when run again", () => {
    const before = snapshot(db);
    const again = seedDemo(db, { now: new Date() });
    expect(again.created).toBe(false);
    expect(again.employees).toBe(0);
    expect(snapshot(db)).toEqual(before);
  });
});

describe("demo documents", () => {
  it("puts a draft and two letters in the Kominfo review chain, made by the real lib functions", async () => {
    seedDocumentTypes(db, summary.agencyId!);
    expect(await seedDemoDocuments(db, NOW)).toBe(3);
    const docs = db.select().from(officialDocuments).all();
    expect(docs.map((d) => d.status)).toEqual(["draft", "in_review", "in_review"]);
    const heni = db.select().from(employees).where(eq(employees.email, "heni.handayani@banyuwangikab.go.id")).get()!;
    const nur = db.select().from(employees).where(eq(employees.email, "nur.arifin@banyuwangikab.go.id")).get()!;
    const postOf = (employeeId: number) => db.select().from(assignments).where(eq(assignments.employeeId, employeeId)).get()!.positionId;
    // One waits for the Kepala Seksi's paraf, the other (already initialled by her) for the Kepala Bidang's.
    expect(docs[1].currentPositionId).toBe(postOf(heni.id));
    expect(docs[2].currentPositionId).toBe(postOf(nur.id));
    expect(db.select().from(auditLog).all().filter((r) => r.action === "official_document.approved")).toHaveLength(1);
  });
});
