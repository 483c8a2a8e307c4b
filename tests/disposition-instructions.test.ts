import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, dispositionInstructions } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { hasMessage, translator } from "@/lib/i18n/catalog";
import {
  createInstruction,
  listInstructionsForAdmin,
  moveInstruction,
  setInstructionActive,
  updateInstruction,
} from "@/lib/incoming/instruction-admin";
import { activeInstructions, DEFAULT_INSTRUCTIONS, seedDispositionInstructions } from "@/lib/incoming/instructions";
import { createFixtureOrg, ctxFor, freshDb } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
  seedDispositionInstructions(db, org.agencyA);
  seedDispositionInstructions(db, org.agencyB);
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

const state = () => ({
  instructions: db.select().from(dispositionInstructions).orderBy(asc(dispositionInstructions.id)).all(),
  audit: db.select().from(auditLog).all(),
});
const auditOf = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
const idOf = (label: string) => listInstructionsForAdmin(admin()).find((r) => r.label === label)!.id;
const labels = () => listInstructionsForAdmin(admin()).map((r) => r.label);

describe("disposition instructions: the admin's list", () => {
  it("lists the agency's own instructions in order, inactive ones included", () => {
    expect(labels()).toEqual([...DEFAULT_INSTRUCTIONS]);
    const arsip = idOf("Arsipkan");
    setInstructionActive(admin(), arsip, false);
    expect(labels()).toEqual([...DEFAULT_INSTRUCTIONS]);
    expect(listInstructionsForAdmin(admin()).find((r) => r.id === arsip)?.active).toBe(false);
    expect(listInstructionsForAdmin(admin()).every((r) => r.agencyId === org.agencyA)).toBe(true);
  });

  it("adds at the end, trimmed, and the dispose form offers it", () => {
    const { id } = createInstruction(admin(), { label: "  Tindak   lanjuti segera " });
    const rows = listInstructionsForAdmin(admin());
    expect(rows.at(-1)).toMatchObject({ id, label: "Tindak lanjuti segera", active: true, agencyId: org.agencyA });
    expect(rows.at(-1)!.sortOrder).toBeGreaterThan(rows.at(-2)!.sortOrder);
    expect(activeInstructions(db, org.agencyA).at(-1)).toBe("Tindak lanjuti segera");
    expect(activeInstructions(db, org.agencyB)).not.toContain("Tindak lanjuti segera");
    const [row] = auditOf("disposition_instruction.created");
    expect(row).toMatchObject({ entityType: "disposition_instruction", entityId: String(id), agencyId: org.agencyA, actorEmployeeId: org.employees.admin });
    expect(JSON.parse(row.after!)).toMatchObject({ label: "Tindak lanjuti segera", active: true });
  });

  it("adds to an empty list", () => {
    db.delete(dispositionInstructions).where(eq(dispositionInstructions.agencyId, org.agencyA)).run();
    createInstruction(admin(), { label: "Pantau" });
    expect(activeInstructions(db, org.agencyA)).toEqual(["Pantau"]);
  });

  it("renames, and the dispose form shows the new label", () => {
    const id = idOf("Pantau");
    updateInstruction(admin(), id, { label: "Pantau perkembangannya" });
    expect(activeInstructions(db, org.agencyA)).toContain("Pantau perkembangannya");
    expect(activeInstructions(db, org.agencyA)).not.toContain("Pantau");
    const [row] = auditOf("disposition_instruction.updated");
    expect(row.entityId).toBe(String(id));
    expect(JSON.parse(row.before!)).toMatchObject({ label: "Pantau" });
    expect(JSON.parse(row.after!)).toMatchObject({ label: "Pantau perkembangannya" });
  });

  it("changes only the case of its own label, and writes nothing for an unchanged save", () => {
    const id = idOf("Pantau");
    updateInstruction(admin(), id, { label: "Pantau" });
    expect(auditOf("disposition_instruction.updated")).toHaveLength(0);
    updateInstruction(admin(), id, { label: "PANTAU" });
    expect(activeInstructions(db, org.agencyA)).toContain("PANTAU");
    expect(auditOf("disposition_instruction.updated")).toHaveLength(1);
  });

  it("sets the sort order when given", () => {
    const id = idOf("Arsipkan");
    updateInstruction(admin(), id, { label: "Arsipkan", sortOrder: 1 });
    expect(activeInstructions(db, org.agencyA)[0]).toBe("Arsipkan");
    const e = refusal(() => updateInstruction(admin(), id, { label: "Arsipkan", sortOrder: -1 }));
    expect(e.fieldErrors).toEqual({ sortOrder: "validation.invalid" });
  });

  it("moves up and down by swapping with the neighbour", () => {
    const id = idOf("Untuk ditindaklanjuti");
    moveInstruction(admin(), id, "up");
    expect(activeInstructions(db, org.agencyA).slice(0, 2)).toEqual(["Untuk ditindaklanjuti", "Untuk diketahui"]);
    moveInstruction(admin(), id, "down");
    moveInstruction(admin(), id, "down");
    expect(activeInstructions(db, org.agencyA).slice(0, 3)).toEqual(["Untuk diketahui", "Pelajari dan beri saran", "Untuk ditindaklanjuti"]);
    const moves = auditOf("disposition_instruction.moved");
    expect(moves).toHaveLength(3);
    expect(moves.every((m) => m.entityId === String(id))).toBe(true);
    expect(JSON.parse(moves[0].after!)).toMatchObject({ position: 1, direction: "up" });
  });

  it("does nothing when the first moves up or the last moves down", () => {
    const before = state();
    expect(moveInstruction(admin(), idOf("Untuk diketahui"), "up").moved).toBe(false);
    expect(moveInstruction(admin(), idOf("Arsipkan"), "down").moved).toBe(false);
    expect(state()).toEqual(before);
  });

  it("renumbers the list when neighbours share a sort order", () => {
    db.update(dispositionInstructions).set({ sortOrder: 5 }).where(eq(dispositionInstructions.agencyId, org.agencyA)).run();
    moveInstruction(admin(), idOf("Pelajari dan beri saran"), "up");
    expect(activeInstructions(db, org.agencyA).slice(0, 3)).toEqual(["Untuk diketahui", "Pelajari dan beri saran", "Untuk ditindaklanjuti"]);
    const orders = listInstructionsForAdmin(admin()).map((r) => r.sortOrder);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it("deactivates and reactivates; the dispose form follows", () => {
    const id = idOf("Arsipkan");
    setInstructionActive(admin(), id, false);
    expect(activeInstructions(db, org.agencyA)).not.toContain("Arsipkan");
    expect(refusal(() => setInstructionActive(admin(), id, false)).code).toBe("conflict");
    setInstructionActive(admin(), id, true);
    expect(activeInstructions(db, org.agencyA).at(-1)).toBe("Arsipkan");
    expect(refusal(() => setInstructionActive(admin(), id, true)).code).toBe("conflict");
    expect(auditOf("disposition_instruction.deactivated").map((r) => [r.entityId, JSON.parse(r.after!)])).toEqual([[String(id), { active: false }]]);
    expect(auditOf("disposition_instruction.reactivated").map((r) => [r.entityId, JSON.parse(r.after!)])).toEqual([[String(id), { active: true }]]);
  });
});

describe("disposition instructions: refusals", () => {
  it("refuses a duplicate label, whatever its case or spacing, inactive ones included, with nothing changed", () => {
    setInstructionActive(admin(), idOf("Arsipkan"), false);
    const before = state();
    for (const label of ["untuk DIKETAHUI", "  Pantau  ", "arsipkan"]) {
      const e = refusal(() => createInstruction(admin(), { label }));
      expect(e.code).toBe("invalid");
      expect(e.fieldErrors).toEqual({ label: "adminDispositionInstructions.duplicateLabel" });
    }
    const e = refusal(() => updateInstruction(admin(), idOf("Pantau"), { label: "Untuk Diketahui" }));
    expect(e.fieldErrors).toEqual({ label: "adminDispositionInstructions.duplicateLabel" });
    expect(state()).toEqual(before);
  });

  it("refuses an empty, too short or too long label with nothing changed", () => {
    const before = state();
    const id = idOf("Pantau");
    expect(refusal(() => createInstruction(admin(), { label: "   " })).fieldErrors).toEqual({ label: "validation.required" });
    expect(refusal(() => createInstruction(admin(), { label: " x " })).fieldErrors).toEqual({ label: "adminDispositionInstructions.labelTooShort" });
    expect(refusal(() => createInstruction(admin(), { label: "a".repeat(201) })).fieldErrors).toEqual({ label: "validation.tooLong" });
    expect(refusal(() => updateInstruction(admin(), id, { label: "" })).fieldErrors).toEqual({ label: "validation.required" });
    expect(state()).toEqual(before);
    createInstruction(admin(), { label: "b".repeat(200) });
    createInstruction(admin(), { label: "ok" });
  });

  it("refuses a staff member without the admin role", () => {
    const before = state();
    const id = idOf("Pantau");
    for (const run of [
      () => listInstructionsForAdmin(staff()),
      () => createInstruction(staff(), { label: "Baru sekali" }),
      () => updateInstruction(staff(), id, { label: "Diubah" }),
      () => setInstructionActive(staff(), id, false),
      () => moveInstruction(staff(), id, "up"),
    ]) {
      expect(refusal(run).code).toBe("forbidden");
    }
    // Checked before validation and lookup: nothing about the list leaks.
    expect(refusal(() => updateInstruction(staff(), 999_999, { label: "" })).code).toBe("forbidden");
    expect(state()).toEqual(before);
  });

  it("treats another agency's instruction as not found", () => {
    const before = state();
    const id = idOf("Pantau");
    for (const run of [
      () => updateInstruction(adminB(), id, { label: "Diubah" }),
      () => setInstructionActive(adminB(), id, false),
      () => moveInstruction(adminB(), id, "down"),
    ]) {
      expect(refusal(run).code).toBe("not_found");
    }
    expect(refusal(() => updateInstruction(admin(), 999_999, { label: "Diubah" })).code).toBe("not_found");
    expect(listInstructionsForAdmin(adminB()).some((r) => r.id === id)).toBe(false);
    expect(state()).toEqual(before);
  });

  it("lets each agency keep its own labels", () => {
    createInstruction(adminB(), { label: "Segera" });
    createInstruction(admin(), { label: "Segera" });
    expect(activeInstructions(db, org.agencyA)).toContain("Segera");
    expect(activeInstructions(db, org.agencyB)).toContain("Segera");
  });
});

describe("disposition instructions: catalogs", () => {
  it("has every message key the module and its page use, in both languages, and the audit labels", () => {
    const dir = "app/(app)/admin/petunjuk-disposisi";
    const files = ["lib/incoming/instruction-admin.ts", ...fs.readdirSync(dir).map((f) => `${dir}/${f}`)];
    const keys = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(/["`]((?:adminDispositionInstructions|adminHome|validation|errors|common)\.[A-Za-z_.]+)["`]/g)) keys.add(m[1]);
    }
    for (const a of ["created", "updated", "deactivated", "reactivated", "moved"]) keys.add(`audit.actions.disposition_instruction.${a}`);
    keys.add("audit.entityTypes.disposition_instruction");
    keys.add("adminHome.dispositionInstructions");
    keys.add("adminHome.dispositionInstructionsHint");
    expect(keys.size).toBeGreaterThan(25);
    const en = translator("en");
    const id = translator("id");
    expect([...keys].filter((key) => !hasMessage(key) || en(key) === key || en(key) === id(key))).toEqual([]);
  });
});
