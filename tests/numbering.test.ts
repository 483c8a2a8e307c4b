import { modulePath, runWorkers, WORKER_SYNC } from "./support/workers";
import { beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, asc, eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db";
import { agencies, auditLog, issuedNumbers, numberingRegisters } from "@/db/schema";
import type { Ctx, Tx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { issueManualNumber, issueManualNumberInTx, issueNumber, type IssuedNumber } from "@/lib/numbering/issue-number";
import { formatRegisterKey, parseRegisterKey, registerKeyFor } from "@/lib/numbering/register-key";
import { listIssuedNumbers, listRegisters, numberOfDocument } from "@/lib/numbering/register-queries";
import {
  numberingDate,
  renderNumber,
  renderProvisionalNumber,
  romanMonth,
  templateProblem,
  templateTokens,
  type NumberValues,
} from "@/lib/numbering/template";
import { addEmployee, actorFor, createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_REQUEST } from "./support/db";

const WIB = "Asia/Jakarta";
const UNIT_TEMPLATE = "{kode}/{urut}/{unit}/{tahun}";
const REGULATION_TEMPLATE = "Nomor {urut} Tahun {tahun}";

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("numbering templates", () => {
  const at = (iso: string) => ({ now: new Date(iso), timeZone: WIB });
  const values: NumberValues = { kode: "800.1.2", unit: "BKPSDM", sifat: "B" };

  it("renders the examples of DOMAIN.md exactly", () => {
    expect(renderNumber("{kode}/{urut}/{unit}/{tahun}", { ...at("2026-03-02T02:00:00Z"), sequence: 123, values })).toBe("800.1.2/123/BKPSDM/2026");
    expect(renderNumber("{sifat}/{kode}/{urut:4}/{unit}/{tahun}", { ...at("2026-03-02T02:00:00Z"), sequence: 7, values })).toBe("B/800.1.2/0007/BKPSDM/2026");
    expect(renderNumber("Nomor {urut} Tahun {tahun}", { ...at("2026-03-02T02:00:00Z"), sequence: 5, values: {} })).toBe("Nomor 5 Tahun 2026");
    expect(renderNumber("{kode}/{urut}/{unit}/{bulan_romawi}/{tahun}", { ...at("2026-11-27T02:00:00Z"), sequence: 9, values })).toBe("800.1.2/9/BKPSDM/XI/2026");
    expect(renderNumber("{urut:3}.{bulan}.{tahun}", { ...at("2026-03-02T02:00:00Z"), sequence: 12, values })).toBe("012.03.2026");
  });

  it("never cuts a sequence wider than its padding", () => {
    expect(renderNumber("{urut:2}/{tahun}", { ...at("2026-03-02T02:00:00Z"), sequence: 1234, values: {} })).toBe("1234/2026");
  });

  it("takes year and month from the agency's calendar: local midnight of 1 January starts the new year", () => {
    const lastWibInstant = { ...at("2026-12-31T16:59:59.999Z"), sequence: 1, values };
    const firstWibInstant = { ...at("2026-12-31T17:00:00Z"), sequence: 1, values };
    expect(renderNumber("{urut}/{bulan}/{bulan_romawi}/{tahun}", lastWibInstant)).toBe("1/12/XII/2026");
    expect(renderNumber("{urut}/{bulan}/{bulan_romawi}/{tahun}", firstWibInstant)).toBe("1/01/I/2027");
    expect(numberingDate(new Date("2026-12-31T17:30:00Z"), WIB)).toEqual({ year: 2027, month: 1 });
    // WITA (UTC+8) turns the year an hour earlier, WIT (UTC+9) two hours earlier.
    expect(numberingDate(new Date("2026-12-31T16:00:00Z"), "Asia/Makassar")).toEqual({ year: 2027, month: 1 });
    expect(numberingDate(new Date("2026-12-31T15:00:00Z"), "Asia/Jayapura")).toEqual({ year: 2027, month: 1 });
    expect(numberingDate(new Date("2026-12-31T15:00:00Z"), WIB)).toEqual({ year: 2026, month: 12 });
  });

  it("writes every month in Roman numerals", () => {
    expect(Array.from({ length: 12 }, (_, i) => romanMonth(i + 1))).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);
    expect(() => romanMonth(13)).toThrow(RangeError);
  });

  it("names the problem of an unusable template as a message key", () => {
    expect(templateProblem(UNIT_TEMPLATE)).toBeNull();
    expect(templateProblem("{sifat}/{kode}/{urut:4}/{unit}/{bulan}/{bulan_romawi}/{tahun}")).toBeNull();
    expect(templateProblem("{kode}/{nomor}/{tahun}")).toEqual({ messageKey: "numbering.template.unknownToken", params: { token: "{nomor}" } });
    expect(templateProblem("{KODE}/{urut}")).toEqual({ messageKey: "numbering.template.unknownToken", params: { token: "{KODE}" } });
    expect(templateProblem("{tahun:4}/{urut}")).toEqual({ messageKey: "numbering.template.unknownToken", params: { token: "{tahun:4}" } });
    expect(templateProblem("{ urut }")).toEqual({ messageKey: "numbering.template.unknownToken", params: { token: "{ urut }" } });
    expect(templateProblem("{kode}/{unit}/{tahun}")?.messageKey).toBe("numbering.template.missingSequence");
    expect(templateProblem("Nomor 1 Tahun {tahun}")?.messageKey).toBe("numbering.template.missingSequence");
    expect(templateProblem("   ")?.messageKey).toBe("numbering.template.required");
    expect(templateProblem("{urut")?.messageKey).toBe("numbering.template.unbalancedBrace");
    expect(templateProblem("urut}/{urut}")?.messageKey).toBe("numbering.template.unbalancedBrace");
    expect(templateProblem("{{urut}}")?.messageKey).toBe("numbering.template.unbalancedBrace");
    expect(templateProblem("{urut:0}")?.messageKey).toBe("numbering.template.badWidth");
    expect(templateProblem("{urut:7}")?.messageKey).toBe("numbering.template.badWidth");
    expect(templateProblem(`{urut}/${"x".repeat(100)}`)?.messageKey).toBe("numbering.template.tooLong");
  });

  it("lists the tokens a template uses, so a form knows which values a number needs", () => {
    expect([...templateTokens("{sifat}/{kode}/{urut:4}/{unit}/{tahun}")].sort()).toEqual(["kode", "sifat", "tahun", "unit", "urut"]);
    expect([...templateTokens(REGULATION_TEMPLATE)].sort()).toEqual(["tahun", "urut"]);
    expect(templateTokens("{nomor}").size).toBe(0);
  });

  it("refuses a value the template needs but the document lacks, or a malformed one", () => {
    const render = (v: NumberValues, template = "{sifat}/{kode}/{urut}/{unit}/{tahun}") =>
      refusal(() => renderNumber(template, { ...at("2026-03-02T02:00:00Z"), sequence: 1, values: v }));
    expect(render({ unit: "BKPSDM", sifat: "B" })).toMatchObject({ code: "invalid", messageKey: "numbering.missingValue", params: { token: "{kode}" } });
    expect(render({ kode: "800.1.2", sifat: "B", unit: "  " }).params).toEqual({ token: "{unit}" });
    expect(render({ kode: "800.1.2", unit: "BKPSDM" }).params).toEqual({ token: "{sifat}" });
    expect(render({ kode: "800/1", unit: "BKPSDM", sifat: "B" })).toMatchObject({ messageKey: "numbering.invalidValue", params: { token: "{kode}" } });
    expect(render({ kode: "800.1.2", unit: "BKPSDM", sifat: "X" as "B" })).toMatchObject({ messageKey: "numbering.invalidValue", params: { token: "{sifat}" } });
    expect(render({}, "{nomor}")).toMatchObject({ code: "invalid", messageKey: "numbering.template.unknownToken" });
    // A template without the token does not need the value.
    expect(renderNumber(REGULATION_TEMPLATE, { ...at("2026-03-02T02:00:00Z"), sequence: 2, values: {} })).toBe("Nomor 2 Tahun 2026");
  });

  it("shows a provisional number with a placeholder where the server will put the sequence", () => {
    const now = new Date("2026-03-02T02:00:00Z");
    expect(renderProvisionalNumber(UNIT_TEMPLATE, { now, timeZone: WIB, values: { kode: "800.1.2", unit: "BKPSDM" } })).toBe("800.1.2/…/BKPSDM/2026");
    expect(renderProvisionalNumber(UNIT_TEMPLATE, { now, timeZone: WIB, values: { unit: "BKPSDM" }, placeholder: "___" })).toBe("___/___/BKPSDM/2026");
    expect(() => renderProvisionalNumber("{nomor}", { now, timeZone: WIB, values: {} })).toThrow(DomainError);
  });

  it("gives different sequences different numbers, whatever the template (property)", () => {
    const literal = fc.stringMatching(/^[A-Za-z0-9./ -]{0,6}$/);
    const token = fc.constantFrom("{kode}", "{unit}", "{tahun}", "{bulan}", "{bulan_romawi}", "{sifat}", "{urut}", "{urut:3}");
    const template = fc
      .tuple(fc.array(fc.tuple(literal, token), { maxLength: 5 }), fc.constantFrom("{urut}", "{urut:2}", "{urut:4}"), literal)
      .map(([pieces, urut, tail]) => pieces.map(([l, t]) => l + t).join("") + urut + tail);
    fc.assert(
      fc.property(template, fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (tpl, a, b) => {
        expect(templateProblem(tpl)).toBeNull();
        const input = { ...at("2026-06-15T03:00:00Z"), values };
        const ra = renderNumber(tpl, { ...input, sequence: a });
        const rb = renderNumber(tpl, { ...input, sequence: b });
        expect(ra === rb).toBe(a === b);
      }),
    );
  });
});

describe("register keys", () => {
  it("formats and parses agency and unit registers", () => {
    expect(registerKeyFor({ code: "SE", numberingScope: "agency" }, null)).toBe("agency:SE");
    expect(registerKeyFor({ code: "ND", numberingScope: "unit" }, { id: 12 })).toBe("unit:12:ND");
    expect(registerKeyFor({ code: "ND", numberingScope: "unit" }, { id: 12 }, "agency")).toBe("agency:ND");
    expect(() => registerKeyFor({ code: "ND", numberingScope: "unit" }, null)).toThrow();
    expect(parseRegisterKey("unit:12:ND")).toEqual({ scope: "unit", unitId: 12, series: "ND" });
    expect(parseRegisterKey("agency:BUKU-SK")).toEqual({ scope: "agency", series: "BUKU-SK" });
    for (const bad of ["", "agency:", "agency:nd", "unit:0:ND", "unit:x:ND", "unit:12", "agency:SE:x", "person:1:ND"]) {
      expect(parseRegisterKey(bad)).toBeNull();
    }
    expect(formatRegisterKey({ scope: "unit", unitId: 3, series: "ST" })).toBe("unit:3:ST");
  });
});

describe("issuing numbers", () => {
  let db: Db;
  let org: ReturnType<typeof createFixtureOrg>;
  let clerkId: number;
  let clerkBId: number;

  beforeEach(() => {
    db = freshDb();
    org = createFixtureOrg(db);
    clerkId = addEmployee(db, org.agencyA, { name: "Pencatat Uji", roles: ["records_clerk"], positionId: org.positions.staff });
    clerkBId = addEmployee(db, org.agencyB, { name: "Pencatat Lain", roles: ["records_clerk"], positionId: org.positions.positionB });
  });

  const head = (now = TEST_NOW) => ctxFor(db, org.employees.head, now);
  const clerk = (now = TEST_NOW) => ctxFor(db, clerkId, now);
  const ndKey = () => `unit:${org.units.dinas}:ND`;
  const ndValues: NumberValues = { kode: "800.1.2", unit: "DISKOMINFO" };

  /** A finalisation as the document flow will do it: its own transaction around the issuance. */
  function issue(ctx: Ctx, registerKey = ndKey(), extra: { template?: string; values?: NumberValues; documentRef?: string | null } = {}): IssuedNumber {
    return ctx.db.transaction((tx) =>
      issueNumber(tx, ctx, { registerKey, template: extra.template ?? UNIT_TEMPLATE, values: extra.values ?? ndValues, documentRef: extra.documentRef }),
    );
  }

  const state = () => ({
    registers: db.select().from(numberingRegisters).all(),
    numbers: db.select().from(issuedNumbers).all(),
    audit: db.select().from(auditLog).all(),
  });
  const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();

  it("starts a register at 1, counts up, stores the number and audits it in the same transaction", () => {
    const first = issue(head(), ndKey(), { documentRef: "document:1" });
    const second = issue(head(), ndKey(), { documentRef: "document:2", values: { kode: "900.1", unit: "DISKOMINFO" } });
    expect(first).toMatchObject({ registerKey: ndKey(), year: 2026, sequence: 1, number: "800.1.2/1/DISKOMINFO/2026", documentRef: "document:1", kind: "automatic" });
    expect(second).toMatchObject({ sequence: 2, number: "900.1/2/DISKOMINFO/2026" });
    expect(db.select().from(numberingRegisters).all()).toEqual([
      expect.objectContaining({ agencyId: org.agencyA, key: ndKey(), series: "ND", year: 2026, lastSequence: 2 }),
    ]);
    expect(db.select().from(issuedNumbers).where(eq(issuedNumbers.id, first.id)).get()).toMatchObject({
      agencyId: org.agencyA,
      series: "ND",
      sequence: 1,
      kind: "automatic",
      reason: null,
      issuedByEmployeeId: org.employees.head,
    });
    const audits = auditOf("number.issued");
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ agencyId: org.agencyA, actorEmployeeId: org.employees.head, entityType: "issued_number", entityId: String(first.id), ip: TEST_REQUEST.ip });
    expect(JSON.parse(audits[0].after!)).toEqual({ registerKey: ndKey(), year: 2026, sequence: 1, number: "800.1.2/1/DISKOMINFO/2026", documentRef: "document:1", kind: "automatic" });
    expect(numberOfDocument(db, org.agencyA, "document:2")?.number).toBe("900.1/2/DISKOMINFO/2026");
    expect(numberOfDocument(db, org.agencyB, "document:2")).toBeNull();
  });

  it("must run inside the caller's transaction", () => {
    const ctx = head();
    // The type already forbids the bare database; the runtime check catches a cast or a nested helper's mistake.
    expect(() => issueNumber(db as unknown as Tx, ctx, { registerKey: ndKey(), template: UNIT_TEMPLATE, values: ndValues })).toThrow(/inside the caller's transaction/);
    expect(db.select().from(numberingRegisters).all()).toEqual([]);
  });

  it("keeps separate sequences per register and lets SE and Instruksi both have 'Nomor 1 Tahun 2026'", () => {
    const { units } = org;
    const dinasKey = registerKeyFor({ code: "ND", numberingScope: "unit" }, { id: units.dinas });
    const rootKey = registerKeyFor({ code: "ND", numberingScope: "unit" }, { id: units.root });
    expect(issue(head(), dinasKey).sequence).toBe(1);
    expect(issue(head(), rootKey, { values: { kode: "800.1.2", unit: "SETDA" } }).sequence).toBe(1);
    expect(issue(head(), dinasKey).sequence).toBe(2);
    const se = issue(head(), "agency:SE", { template: REGULATION_TEMPLATE, values: {} });
    const ins = issue(head(), "agency:INS", { template: REGULATION_TEMPLATE, values: {} });
    expect([se.number, ins.number]).toEqual(["Nomor 1 Tahun 2026", "Nomor 1 Tahun 2026"]);
    expect(Object.fromEntries(listRegisters(db, org.agencyA, { year: 2026 }).map((r) => [r.key, r.lastSequence]))).toEqual({
      "agency:INS": 1,
      "agency:SE": 1,
      [dinasKey]: 2,
      [rootKey]: 1,
    });
    expect(listRegisters(db, org.agencyB)).toEqual([]);
    const page = listIssuedNumbers(db, org.agencyA, { registerId: listRegisters(db, org.agencyA).find((r) => r.key === dinasKey)!.id });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.sequence, r.issuedByName])).toEqual([
      [2, "Kepala Uji"],
      [1, "Kepala Uji"],
    ]);
  });

  it("restarts the sequence at local midnight of 1 January (WIB), not at UTC midnight", () => {
    issue(head(new Date("2026-12-31T10:00:00Z")));
    const lastOf2026 = issue(head(new Date("2026-12-31T16:59:59Z")));
    const firstOf2027 = issue(head(new Date("2026-12-31T17:30:00Z")));
    const secondOf2027 = issue(head(new Date("2027-01-01T01:00:00Z")));
    expect([lastOf2026.year, lastOf2026.sequence, lastOf2026.number]).toEqual([2026, 2, "800.1.2/2/DISKOMINFO/2026"]);
    expect([firstOf2027.year, firstOf2027.sequence, firstOf2027.number]).toEqual([2027, 1, "800.1.2/1/DISKOMINFO/2027"]);
    expect(secondOf2027.sequence).toBe(2);
    expect(firstOf2027.registerId).not.toBe(lastOf2026.registerId);
    expect(listRegisters(db, org.agencyA).map((r) => [r.year, r.lastSequence])).toEqual([
      [2027, 2],
      [2026, 2],
    ]);
  });

  it("follows the agency's own time zone (WITA turns the year an hour before WIB)", () => {
    db.update(agencies).set({ timeZone: "Asia/Makassar" }).where(eq(agencies.id, org.agencyA)).run();
    expect(issue(head(new Date("2026-12-31T16:30:00Z"))).number).toBe("800.1.2/1/DISKOMINFO/2027");
  });

  it("checks the template, the values and the register before writing anything", () => {
    const before = state();
    expect(refusal(() => issue(head(), ndKey(), { template: "{kode}/{tahun}" })).messageKey).toBe("numbering.template.missingSequence");
    expect(refusal(() => issue(head(), ndKey(), { values: { unit: "DISKOMINFO" } })).messageKey).toBe("numbering.missingValue");
    expect(refusal(() => issue(head(), "unit:abc:ND")).fieldErrors).toEqual({ registerKey: "numbering.registerKeyInvalid" });
    expect(refusal(() => issue(head(), `unit:${org.units.rootB}:ND`)).code).toBe("forbidden");
    expect(refusal(() => issue(head(), "unit:99999:ND")).code).toBe("not_found");
    expect(state()).toEqual(before);
  });

  it("gives a document one number only; a second attempt consumes nothing", () => {
    issue(head(), ndKey(), { documentRef: "document:7" });
    const before = state();
    expect(refusal(() => issue(head(), ndKey(), { documentRef: "document:7" }))).toMatchObject({
      code: "conflict",
      messageKey: "numbering.alreadyNumbered",
      params: { number: "800.1.2/1/DISKOMINFO/2026" },
    });
    expect(state()).toEqual(before);
    expect(issue(head(), ndKey(), { documentRef: "document:8" }).sequence).toBe(2);
  });

  it("is rolled back with the caller's transaction: no audit row, or a later failure, means no number", () => {
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    const ctx = head();
    const before = state();
    expect(() => issue(ctx)).toThrow(/audit down/);
    expect(state()).toEqual(before);
    db.$client.exec("DROP TRIGGER fail_audit");

    // The document update after the number fails: the number goes back too.
    expect(() =>
      ctx.db.transaction((tx) => {
        issueNumber(tx, ctx, { registerKey: ndKey(), template: UNIT_TEMPLATE, values: ndValues, documentRef: "document:1" });
        throw new Error("stamping failed");
      }),
    ).toThrow("stamping failed");
    expect(state()).toEqual(before);
    expect(issue(ctx, ndKey(), { documentRef: "document:1" }).sequence).toBe(1);
  });

  it("yields 1..n per register and year with unique numbers, over random instants across New Year (property)", () => {
    const registers = [
      { key: () => ndKey(), template: UNIT_TEMPLATE, unit: "DISKOMINFO" },
      { key: () => `unit:${org.units.root}:ND`, template: "{sifat}/{kode}/{urut:3}/{unit}/{bulan_romawi}/{tahun}", unit: "SETDA" },
      { key: () => "agency:SE", template: REGULATION_TEMPLATE, unit: "" },
      { key: () => "agency:INS", template: REGULATION_TEMPLATE, unit: "" },
    ];
    const start = Date.parse("2026-12-31T12:00:00Z");
    const end = Date.parse("2027-01-01T06:00:00Z");
    const issuance = fc.record({
      register: fc.integer({ min: 0, max: registers.length - 1 }),
      at: fc.integer({ min: start, max: end }),
      kode: fc.constantFrom("800.1.2", "900.1", "000.5.1"),
      sifat: fc.constantFrom("B" as const, "T" as const, "R" as const, "SR" as const),
    });
    fc.assert(
      fc.property(fc.array(issuance, { minLength: 1, maxLength: 40 }), (plan) => {
        db = freshDb();
        org = createFixtureOrg(db);
        const actor = actorFor(db, org.employees.head);
        const issued = plan.map((step, i) => {
          const r = registers[step.register];
          const ctx: Ctx = { db, actor, now: new Date(step.at), request: TEST_REQUEST };
          const result = issue(ctx, r.key(), { template: r.template, values: { kode: step.kode, unit: r.unit, sifat: step.sifat }, documentRef: `document:${i}` });
          expect(result.year).toBe(numberingDate(new Date(step.at), WIB).year);
          return result;
        });
        const byRegisterYear = new Map<string, number[]>();
        for (const n of issued) byRegisterYear.set(`${n.registerKey}@${n.year}`, [...(byRegisterYear.get(`${n.registerKey}@${n.year}`) ?? []), n.sequence!]);
        for (const sequences of byRegisterYear.values()) expect(sequences).toEqual(sequences.map((_, i) => i + 1));
        const stored = db.select().from(issuedNumbers).all();
        expect(stored).toHaveLength(plan.length);
        expect(new Set(stored.map((n) => `${n.series}|${n.number}`)).size).toBe(plan.length);
        for (const register of db.select().from(numberingRegisters).all()) {
          const sequences = stored.filter((n) => n.registerId === register.id).map((n) => n.sequence).sort((a, b) => a! - b!);
          expect(sequences).toEqual(Array.from({ length: register.lastSequence }, (_, i) => i + 1));
        }
        db.$client.close();
      }),
      { numRuns: 25 },
    );
  });

  it("stays gapless and duplicate-free when two connections to the same file take turns", () => {
    const file = db.$client.name;
    const other = openDatabase(file);
    try {
      const actor = actorFor(db, org.employees.head);
      const connections = [db, other];
      const keys = [ndKey(), `unit:${org.units.root}:ND`];
      const results: IssuedNumber[] = [];
      for (let i = 0; i < 120; i++) {
        const conn = connections[i % 2];
        const ctx: Ctx = { db: conn, actor, now: TEST_NOW, request: TEST_REQUEST };
        // Registers switch every third issuance, so each connection keeps finding the other's increments.
        results.push(issue(ctx, keys[Math.floor(i / 3) % 2], { values: { kode: "800.1.2", unit: i % 2 ? "SETDA" : "DISKOMINFO" }, documentRef: `document:${i}` }));
      }
      for (const key of keys) {
        expect(results.filter((r) => r.registerKey === key).map((r) => r.sequence)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      }
      expect(new Set(results.map((r) => r.number)).size).toBe(120);
    } finally {
      other.$client.close();
    }
  });

  it("gives 50 concurrent finalisations in 5 processes 50 distinct consecutive numbers", async () => {
    const source = `
import { openDatabase } from ${modulePath("db/index.ts")};
import { loadActor } from ${modulePath("lib/auth/sessions.ts")};
import { issueNumber } from ${modulePath("lib/numbering/issue-number.ts")};
const [file, sessionId, registerKey, label, count] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(${JSON.stringify(TEST_NOW.toISOString())});
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("no actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: label } };
${WORKER_SYNC}
const sequences = [];
for (let i = 0; i < Number(count); i++) {
  const issued = db.transaction(
    (tx) => issueNumber(tx, ctx, { registerKey, template: "{kode}/{urut}/{unit}/{tahun}", values: { kode: "800.1.2", unit: "DISKOMINFO" }, documentRef: label + ":" + i }),
    { behavior: "immediate" },
  );
  sequences.push(issued.sequence);
  breathe();
}
process.stdout.write(JSON.stringify(sequences));
`;
    const sessionId = actorFor(db, org.employees.head).sessionId;
    const perWorker = await runWorkers<number[]>(
      source,
      Array.from({ length: 5 }, (_, w) => [db.$client.name, sessionId, ndKey(), `document-${w}`, "10"]),
    );

    // Each process saw its own numbers increase; together they are exactly 1..50.
    for (const sequences of perWorker) expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(perWorker.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const stored = db.select().from(issuedNumbers).where(eq(issuedNumbers.agencyId, org.agencyA)).all();
    expect(new Set(stored.map((n) => n.number)).size).toBe(50);
    expect(db.select().from(numberingRegisters).get()?.lastSequence).toBe(50);
    expect(auditOf("number.issued")).toHaveLength(50);
  }, 120_000);

  describe("manual numbers", () => {
    const manual = (ctx: Ctx, input: Partial<{ registerKey: string; number: string; reason: string; documentRef: string | null }> = {}) =>
      issueManualNumber(ctx, {
        registerKey: input.registerKey ?? ndKey(),
        number: input.number ?? "800.1.2/M-1/DISKOMINFO/2026",
        reason: input.reason ?? "Server mati saat rapat mendesak, nomor dari buku agenda.",
        documentRef: input.documentRef,
      });

    it("records the clerk's number with its reason, audited, without consuming the automatic sequence", () => {
      issue(head());
      const m = manual(clerk(), { documentRef: "document:9" });
      expect(m).toMatchObject({ kind: "manual", sequence: null, year: 2026, number: "800.1.2/M-1/DISKOMINFO/2026", documentRef: "document:9" });
      expect(db.select().from(issuedNumbers).where(eq(issuedNumbers.id, m.id)).get()).toMatchObject({
        kind: "manual",
        reason: "Server mati saat rapat mendesak, nomor dari buku agenda.",
        issuedByEmployeeId: clerkId,
        sequence: null,
      });
      const [audit] = auditOf("number.manual_issued");
      expect(audit).toMatchObject({ actorEmployeeId: clerkId, entityType: "issued_number", entityId: String(m.id) });
      expect(JSON.parse(audit.after!)).toMatchObject({ number: m.number, reason: "Server mati saat rapat mendesak, nomor dari buku agenda.", kind: "manual" });
      expect(db.select().from(numberingRegisters).get()?.lastSequence).toBe(1);
      expect(issue(head()).sequence).toBe(2);
      // A manual number in a year whose register does not exist yet creates it at 0.
      manual(clerk(new Date("2027-01-05T02:00:00Z")), { number: "800.1.2/M-2/DISKOMINFO/2027" });
      expect(listRegisters(db, org.agencyA, { year: 2027 })).toEqual([expect.objectContaining({ key: ndKey(), lastSequence: 0 })]);
      expect(listIssuedNumbers(db, org.agencyA, { kind: "manual" }).total).toBe(2);
    });

    it("is refused to anyone but a records clerk of the agency, and changes nothing", () => {
      const before = state();
      expect(refusal(() => manual(head())).code).toBe("forbidden");
      expect(refusal(() => manual(ctxFor(db, org.employees.staff))).code).toBe("forbidden");
      expect(refusal(() => manual(ctxFor(db, org.employees.admin))).code).toBe("forbidden");
      expect(refusal(() => manual(ctxFor(db, clerkBId))).code).toBe("forbidden");
      expect(refusal(() => db.transaction((tx) => issueManualNumberInTx(tx, head(), { registerKey: ndKey(), number: "X/1", reason: "alasan yang cukup panjang" }))).code).toBe(
        "forbidden",
      );
      expect(state()).toEqual(before);
    });

    it("requires a reason of 10 characters and a number, and refuses a number already issued in the series", () => {
      const auto = issue(head());
      manual(clerk());
      const before = state();
      expect(refusal(() => manual(clerk(), { number: "800.1.2/M-9/DISKOMINFO/2026", reason: "  mati   " })).fieldErrors).toEqual({ reason: "numbering.manualReasonTooShort" });
      expect(refusal(() => manual(clerk(), { number: "   " })).fieldErrors).toEqual({ number: "validation.required" });
      expect(refusal(() => manual(clerk(), { number: auto.number }))).toMatchObject({
        code: "conflict",
        messageKey: "numbering.numberTaken",
        fieldErrors: { number: "numbering.numberTaken" },
      });
      expect(refusal(() => manual(clerk(), { number: " 800.1.2/M-1/DISKOMINFO/2026 " })).messageKey).toBe("numbering.numberTaken");
      expect(refusal(() => manual(clerk(), { registerKey: "agency:nd" })).fieldErrors).toEqual({ registerKey: "numbering.registerKeyInvalid" });
      expect(state()).toEqual(before);
      // The same text in another series is another document's number.
      issue(head(), "agency:SE", { template: REGULATION_TEMPLATE, values: {} });
      expect(manual(clerk(), { registerKey: "agency:INS", number: "Nomor 1 Tahun 2026" }).kind).toBe("manual");
    });

    it("hands its sequence to a manual number when the register reaches the same text, keeping the register gapless", () => {
      issue(head());
      issue(head());
      const m = manual(clerk(), { number: "800.1.2/3/DISKOMINFO/2026" });
      const next = issue(head());
      expect(next).toMatchObject({ sequence: 4, number: "800.1.2/4/DISKOMINFO/2026" });
      expect(db.select().from(issuedNumbers).where(eq(issuedNumbers.id, m.id)).get()).toMatchObject({ kind: "manual", sequence: 3 });
      const sequences = db
        .select({ s: issuedNumbers.sequence })
        .from(issuedNumbers)
        .where(and(eq(issuedNumbers.agencyId, org.agencyA)))
        .orderBy(asc(issuedNumbers.sequence))
        .all()
        .map((r) => r.s);
      expect(sequences).toEqual([1, 2, 3, 4]);
      const [audit] = auditOf("number.manual_sequenced");
      expect(audit.entityId).toBe(String(m.id));
      expect(JSON.parse(audit.after!)).toMatchObject({ sequence: 3, number: "800.1.2/3/DISKOMINFO/2026" });
    });

    it("skips, and audits, a sequence whose text another register of the series already printed", () => {
      // ND numbered agency-wide first, then per unit: the unit register must not print the same number again.
      const agencyWide = issue(head(), "agency:ND");
      const perUnit = issue(head(), ndKey());
      expect(agencyWide.number).toBe("800.1.2/1/DISKOMINFO/2026");
      expect(perUnit).toMatchObject({ sequence: 2, number: "800.1.2/2/DISKOMINFO/2026" });
      const [audit] = auditOf("number.sequence_skipped");
      expect(JSON.parse(audit.after!)).toMatchObject({ registerKey: ndKey(), sequence: 1, takenBy: agencyWide.id });
    });

    it("rolls back with the caller's transaction", () => {
      const ctx = clerk();
      const before = state();
      expect(() =>
        db.transaction((tx) => {
          issueManualNumberInTx(tx, ctx, { registerKey: ndKey(), number: "800/1/X/2026", reason: "Aplikasi tidak dapat diakses", documentRef: "document:1" });
          throw new Error("document update failed");
        }),
      ).toThrow("document update failed");
      expect(state()).toEqual(before);
    });
  });
});
