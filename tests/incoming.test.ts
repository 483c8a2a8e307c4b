import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, dispositions, employeeRoles, incomingLetters, notifications } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { visibleLetter } from "@/lib/incoming/access";
import { closeWithoutDisposition, declineDisposition, disposeLetter, markLetterRead, reportFollowUp, withdrawDisposition } from "@/lib/incoming/dispositions";
import { seedDispositionInstructions } from "@/lib/incoming/instructions";
import { runDeadlineSweep } from "@/lib/incoming/deadline-sweep";
import { renderDispositionSheet } from "@/lib/incoming/disposition-sheet";
import { dispositionSheetFor } from "@/lib/incoming/sheet-data";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { letterCounts, letterDetail, listLetters, type TreeNode } from "@/lib/incoming/letter-queries";
import { registerIncomingLetter, type LetterFields } from "@/lib/incoming/register";
import { ctxFor, freshDb } from "./support/db";
import { createDocumentOrg } from "./support/naskah";
import { codeOf } from "./support/errors";

let db: Db;
let org: ReturnType<typeof createDocumentOrg>;
const NOW = new Date("2026-11-27T02:00:00Z");
const ctx = (employeeId: number, now = NOW) => ctxFor(db, employeeId, now);
const TZ = "Asia/Jakarta";

const fields = (over: Partial<LetterFields> = {}): LetterFields => ({
  senderAgency: "Kementerian Dalam Negeri",
  senderName: "Direktur Jenderal Bina Keuangan Daerah",
  letterNumber: "900.1/1234/Keuda",
  letterDate: "2026-11-20",
  receivedDate: "2026-11-26",
  subject: "Percepatan realisasi belanja daerah",
  securityClass: "B",
  urgency: "segera",
  classificationCode: "900",
  attachmentCount: 1,
  summary: "",
  ...over,
});

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kawan-sheet-")), "sheet.pdf");
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
}


const sees = (employeeId: number, letterId: number) => {
  try {
    visibleLetter(ctx(employeeId), letterId);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return false;
    throw error;
  }
};

const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const treeOf = (employeeId: number, letterId: number) => flatten(letterDetail(ctx(employeeId), letterId, TZ).tree);

const dispose = (employeeId: number, letterId: number, parentId: number | null, toPositionIds: number[], over: Partial<Parameters<typeof disposeLetter>[1]> = {}) =>
  disposeLetter(ctx(employeeId), { letterId, parentId, toPositionIds, instructions: ["Untuk ditindaklanjuti"], otherInstruction: "", note: "Segera", urgency: "segera", deadline: "2026-11-30", copySuperior: false, ...over });

beforeAll(() => {
  db = freshDb();
  org = createDocumentOrg(db);
  seedDispositionInstructions(db, org.agencyA);
});

describe("registering an incoming letter", () => {
  it("gives consecutive agenda numbers in the clerk's register and refuses anyone else", async () => {
    const clerk = ctx(org.people.clerk);
    const first = await registerIncomingLetter(clerk, { fields: fields(), addresseePositionIds: [org.positions.regent], pdf: null });
    const second = await registerIncomingLetter(clerk, { fields: fields({ letterNumber: "900.1/1235/Keuda" }), addresseePositionIds: [org.positions.regent], pdf: null });
    expect(Number(second.agendaNumber)).toBe(Number(first.agendaNumber) + 1);
    expect(await codeOf(() => registerIncomingLetter(ctx(org.people.drafter), { fields: fields(), addresseePositionIds: [org.positions.regent], pdf: null }))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(() => registerIncomingLetter(clerk, { fields: fields({ receivedDate: "2026-11-01" }), addresseePositionIds: [org.positions.regent], pdf: null }))).toBe("invalid:errors.invalidInput");
    expect(await codeOf(() => registerIncomingLetter(clerk, { fields: fields(), addresseePositionIds: [], pdf: null }))).toBe("invalid:errors.invalidInput");
    // The addressee's holder is told.
    expect(db.select().from(notifications).where(eq(notifications.employeeId, org.people.regent)).all().length).toBeGreaterThanOrEqual(2);
  });
});

describe("a disposition tree", () => {
  let letterId: number;
  let toHead: number;
  let toKadinkes: number;
  let toKabid: number;

  beforeAll(async () => {
    ({ letterId } = await registerIncomingLetter(ctx(org.people.clerk), { fields: fields({ subject: "Undangan rapat koordinasi anggaran" }), addresseePositionIds: [org.positions.regent], pdf: null }));
    [toHead, toKadinkes] = dispose(org.people.regent, letterId, null, [org.positions.head, org.docPositions.kadinkes]).dispositionIds;
    [toKabid] = dispose(org.people.head, letterId, toHead, [org.docPositions.kabid], { deadline: "2026-11-25" }).dispositionIds;
  });

  it("lets each post see its path and its subtree, never a sibling branch", () => {
    expect(treeOf(org.people.regent, letterId).map((n) => n.id).sort()).toEqual([toHead, toKadinkes, toKabid].sort());
    expect(treeOf(org.people.kabid, letterId).map((n) => n.id).sort()).toEqual([toHead, toKabid].sort());
    expect(treeOf(org.people.kadinkes, letterId).map((n) => n.id)).toEqual([toKadinkes]);
    // The clerk of the register sees the whole tree; someone outside sees nothing at all.
    expect(treeOf(org.people.clerk, letterId)).toHaveLength(3);
    expect(sees(org.people.outsider, letterId)).toBe(false);
    expect(sees(org.people.adminB, letterId)).toBe(false);
    expect(listLetters(ctx(org.people.outsider), "disposisi", {}, TZ).rows).toHaveLength(0);
  });

  it("prints the disposition sheet of the first disposition, without branches the reader may not see", async () => {
    const regentSheet = dispositionSheetFor(ctx(org.people.regent), letterId);
    expect(regentSheet.disposition?.toPositions).toEqual(["Kepala Dinas Kominfo", "Kepala Dinas Kesehatan"]);
    expect(regentSheet.disposition?.instructions.find((i) => i.label === "Untuk ditindaklanjuti")?.ticked).toBe(true);
    expect(dispositionSheetFor(ctx(org.people.kabid), letterId).disposition?.toPositions).toEqual(["Kepala Dinas Kominfo"]);
    const text = await pdfText(await renderDispositionSheet(regentSheet));
    expect(text).toContain("LEMBAR DISPOSISI");
    expect(text).toContain("900.1/1234/Keuda");
    expect(text).toContain("Bupati Uji");
    expect(await codeOf(() => dispositionSheetFor(ctx(org.people.outsider), letterId))).toBe("not_found:errors.notFound");
  });

  it("only lets a post dispose downwards, and only what reached it", async () => {
    expect(await codeOf(() => dispose(org.people.kadinkes, letterId, toKadinkes, [org.positions.head]))).toBe("invalid:errors.invalidInput");
    expect(await codeOf(() => dispose(org.people.kabid, letterId, toKadinkes, [org.docPositions.kasi]))).toBe("forbidden:errors.forbidden");
    expect(await codeOf(() => dispose(org.people.outsider, letterId, null, [org.docPositions.kasi]))).toBe("not_found:errors.notFound");
  });

  it("marks overdue branches and counts them for the recipient", () => {
    const kabidNode = treeOf(org.people.head, letterId).find((n) => n.id === toKabid)!;
    expect(kabidNode.overdue).toBe(true);
    expect(letterCounts(ctx(org.people.kabid), TZ)).toMatchObject({ unreadDispositions: 1, openDispositions: 1, overdueDispositions: 1 });
  });

  it("lets the sender withdraw only while unread", async () => {
    const [toKasi] = dispose(org.people.kabid, letterId, toKabid, [org.docPositions.kasi]).dispositionIds;
    expect(await codeOf(() => withdrawDisposition(ctx(org.people.kasi), toKasi))).toBe("forbidden:errors.forbidden");
    withdrawDisposition(ctx(org.people.kabid), toKasi);
    expect(db.select().from(dispositions).where(eq(dispositions.id, toKasi)).get()!.state).toBe("withdrawn");
    markLetterRead(ctx(org.people.kadinkes), letterId);
    expect(await codeOf(() => withdrawDisposition(ctx(org.people.regent), toKadinkes))).toBe("conflict:incoming.withdraw.alreadyRead");
  });

  it("records follow-up, completion and decline, each only by the recipient post", async () => {
    expect(await codeOf(() => reportFollowUp(ctx(org.people.head), toKabid, { note: "Sudah dikerjakan", file: null, complete: true }))).toBe("forbidden:errors.forbidden");
    reportFollowUp(ctx(org.people.kabid), toKabid, { note: "Bahan rapat sudah disiapkan", file: null, complete: true });
    expect(db.select().from(dispositions).where(eq(dispositions.id, toKabid)).get()).toMatchObject({ state: "completed", followUpNote: "Bahan rapat sudah disiapkan", actedByEmployeeId: org.people.kabid });
    expect(await codeOf(() => declineDisposition(ctx(org.people.kadinkes), toKadinkes, ""))).toBe("invalid:errors.invalidInput");
    declineDisposition(ctx(org.people.kadinkes), toKadinkes, "Bukan kewenangan Dinas Kesehatan");
    const states = Object.fromEntries(treeOf(org.people.regent, letterId).map((n) => [n.id, n.state]));
    expect(states).toMatchObject({ [toHead]: "in_progress", [toKabid]: "completed", [toKadinkes]: "declined" });
    // The sender is told of the follow-up.
    expect(db.select().from(notifications).where(eq(notifications.employeeId, org.people.head)).all().some((n) => n.kind === "follow_up_reported")).toBe(true);
  });

  it("lets a Plh of the receiving post act, recording the acting assignment", () => {
    const plhAssignment = db
      .insert(assignments)
      .values({ employeeId: org.people.outsider, positionId: org.positions.head, kind: "plh", startDate: "2026-11-01", endDate: "2026-12-31" })
      .returning({ id: assignments.id })
      .get().id;
    try {
      const plh = ctx(org.people.outsider);
      const acting = { ...plh, actor: { ...plh.actor, acting: plh.actor.assignments.find((a) => a.assignmentId === plhAssignment)! } };
      reportFollowUp(acting, toHead, { note: "Ditindaklanjuti oleh Plh", file: null, complete: false });
      expect(db.select().from(dispositions).where(eq(dispositions.id, toHead)).get()).toMatchObject({ state: "followed_up", actedAssignmentId: plhAssignment });
    } finally {
      // Ended, not deleted: the disposition keeps pointing at the assignment it was acted under.
      db.update(assignments).set({ endDate: "2026-11-26" }).where(eq(assignments.id, plhAssignment)).run();
    }
  });

  it("writes every step to the audit log", () => {
    const actions = db.select().from(auditLog).where(eq(auditLog.entityId, String(letterId))).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["incoming_letter.registered", "disposition.created", "disposition.withdrawn", "disposition.completed", "disposition.declined", "incoming_letter.read"]));
  });
});

describe("secret letters and closing without disposition", () => {
  it("keeps a Rahasia letter from other clerks and lets the addressee close it for information", async () => {
    const { letterId } = await registerIncomingLetter(ctx(org.people.clerk), { fields: fields({ securityClass: "R" }), addresseePositionIds: [org.positions.regent], pdf: null });
    const { letterId: ordinary } = await registerIncomingLetter(ctx(org.people.clerk), { fields: fields(), addresseePositionIds: [org.positions.regent], pdf: null });
    // A second clerk of the same register: the admin, acting in the clerk's post with the clerk's role.
    const otherClerk = db.insert(assignments).values({ employeeId: org.people.admin, positionId: org.docPositions.clerkPost, kind: "plt", startDate: "2026-01-01" }).returning().get();
    db.insert(employeeRoles).values({ employeeId: org.people.admin, role: "records_clerk" }).run();
    try {
      expect(sees(org.people.admin, ordinary)).toBe(true);
      expect(sees(org.people.admin, letterId)).toBe(false);
      expect(sees(org.people.clerk, letterId)).toBe(true);
      expect(sees(org.people.regent, letterId)).toBe(true);
      expect(sees(org.people.head, letterId)).toBe(false);
      closeWithoutDisposition(ctx(org.people.regent), letterId, "Untuk diketahui, arsipkan");
      expect(await codeOf(() => dispose(org.people.regent, letterId, null, [org.positions.head]))).toBe("conflict:incoming.dispose.closed");
    } finally {
      db.delete(employeeRoles).where(and(eq(employeeRoles.employeeId, org.people.admin), eq(employeeRoles.role, "records_clerk"))).run();
      db.delete(assignments).where(eq(assignments.id, otherClerk.id)).run();
    }
    expect(db.select().from(incomingLetters).where(eq(incomingLetters.id, letterId)).get()!.securityClass).toBe("R");
  });
});

describe("the deadline sweep", () => {
  it("reminds the receiving post the day before and on the day, once each, and not for closed ones", async () => {
    const { letterId } = await registerIncomingLetter(ctx(org.people.clerk), { fields: fields({ subject: "Laporan realisasi triwulan" }), addresseePositionIds: [org.positions.regent], pdf: null });
    // NOW is Friday 27 November 2026, 09.00 WIB: deadline Saturday 28.
    const [open, closed] = dispose(org.people.regent, letterId, null, [org.positions.head, org.docPositions.kadinkes], { deadline: "2026-11-28" }).dispositionIds;
    declineDisposition(ctx(org.people.kadinkes), closed, "Bukan kewenangan kami");
    const reminders = (employeeId: number, kind: string) =>
      db.select().from(notifications).where(and(eq(notifications.employeeId, employeeId), eq(notifications.kind, kind as "deadline_today"))).all().length;

    expect(runDeadlineSweep(db, NOW).reminders).toBe(1);
    expect(runDeadlineSweep(db, NOW).reminders).toBe(0);
    expect(reminders(org.people.head, "deadline_tomorrow")).toBe(1);
    expect(reminders(org.people.kadinkes, "deadline_tomorrow")).toBe(0);
    const saturday = new Date("2026-11-28T01:00:00Z");
    expect(runDeadlineSweep(db, saturday).reminders).toBe(1);
    expect(reminders(org.people.head, "deadline_today")).toBe(1);
    expect(db.select().from(dispositions).where(eq(dispositions.id, open)).get()!.remindedOnDayAt).not.toBeNull();
  });
});
