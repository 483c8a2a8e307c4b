/**
 * The hostile-input suite's harness (tests/hostile): one migrated database with two agencies and an object of each
 * kind, real Auth.js session cookies for chosen employees, a whole-database snapshot to prove a refusal changed
 * nothing, and the classification of what an action or route did (refused, or something a user would see as a 500).
 *
 * The test file must mock next/headers and next/cache with tests/support/hostile-next.ts before importing this.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb, migrateDatabase, type Db } from "@/db";
import { attendanceSites, employeeRoles, incomingLetters, notifications, positions, type Role } from "@/db/schema";
import { seedDocumentTypes } from "@/db/seed/document-types";
import type { ActionState } from "@/lib/actions/action-state";
import { ensureAttendanceDefaults } from "@/lib/attendance/policy";
import { recordClock } from "@/lib/attendance/clock";
import { submitAttendanceRequest } from "@/lib/attendance/requests/submit";
import { authSecret } from "@/lib/auth/auth-secret";
import { createSession } from "@/lib/auth/sessions";
import type { Ctx } from "@/lib/context";
import { addAttachment } from "@/lib/documents/document-files";
import { createDraft } from "@/lib/documents/drafts";
import { disposeLetter } from "@/lib/incoming/dispositions";
import { seedDispositionInstructions } from "@/lib/incoming/instructions";
import { registerIncomingLetter } from "@/lib/incoming/register";
import { loadActor } from "@/lib/auth/sessions";
import { createSigningDocument } from "@/lib/signing/documents";
import { addEmployee, TEST_REQUEST } from "./db";
import { createDocumentOrg } from "./naskah";
import { clearCookies, setCookie } from "./hostile-next";
import { makeTestPdf } from "./signing";

export const SESSION_COOKIE = "authjs.session-token";
export const OFFICE = { latitude: -8.2192, longitude: 114.3691 };
/** A tiny real JPEG (1x1), the only selfie shape the check-in accepts. */
export const TINY_JPEG = Buffer.from(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
  "base64",
);

/** Points DATABASE_PATH at a new, migrated database and returns the process-wide connection the app code will use. */
export function openHostileDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-hostile-"));
  process.env.DATABASE_PATH = path.join(dir, "kawan.db");
  delete process.env.AUTH_SECRET; // the real secret: generated beside the database by lib/auth/auth-secret.ts
  delete process.env.KAWAN_PUBLIC_URL;
  const db = getDb();
  migrateDatabase(db);
  return db;
}

const ctxOf = (db: Db, employeeId: number, now = new Date()): Ctx => {
  const sid = db.transaction((tx) => createSession(tx, employeeId, null, TEST_REQUEST, now));
  return { db, actor: loadActor(db, sid, now)!, now, request: TEST_REQUEST };
};

/**
 * The document organisation (tests/support/naskah.ts) with attendance set up, plus one object of every kind that an
 * action or route takes an id of, in agency A and in agency B: a draft with an attachment, a registered letter with
 * a disposition, a leave request with an attachment, a signing document, a check-in with a selfie, a notification.
 * `outsider` is a plain employee of agency A involved in none of them.
 */
export async function createHostileFixture(db: Db) {
  const org = createDocumentOrg(db);
  const a = org.agencyA;
  const b = org.agencyB;
  seedDocumentTypes(db, b);
  seedDispositionInstructions(db, a);
  seedDispositionInstructions(db, b);
  ensureAttendanceDefaults(db, a);
  ensureAttendanceDefaults(db, b);
  // Everyone may check in any day and hour, so the selfie fixture does not depend on when the suite runs.
  db.$client.prepare("update work_schedules set check_in_opens_minute = 0, check_in_closes_minute = 1439, days = ?").run(
    JSON.stringify(Array.from({ length: 7 }, () => ({ startMinute: 450, endMinute: 960 }))),
  );
  db.$client.prepare("delete from holidays").run();
  const siteA = db.insert(attendanceSites).values({ agencyId: a, unitId: null, name: "Kantor Bupati", kind: "office", ...OFFICE, radiusMeters: 5000, timeZone: "Asia/Jakarta" }).returning().get().id;
  const siteB = db.insert(attendanceSites).values({ agencyId: b, unitId: null, name: "Kantor Lain", kind: "office", ...OFFICE, radiusMeters: 5000, timeZone: "Asia/Jakarta" }).returning().get().id;

  // Agency B: a records clerk (the admin) and a staff member under its only post, so B has letters and requests too.
  db.insert(employeeRoles).values({ employeeId: org.employees.adminB, role: "records_clerk" satisfies Role }).run();
  const staffPostB = db.insert(positions).values({ agencyId: b, unitId: org.units.rootB, name: "Staf Lain", superiorId: org.positions.positionB }).returning().get().id;
  const staffB = addEmployee(db, b, { name: "Staf Lain", positionId: staffPostB });
  const pending = addEmployee(db, a, { name: "Pegawai Baru", positionId: org.docPositions.programmer, mustChangePassword: true });

  const pdf = await makeTestPdf(1);
  const ndA = org.typeId("ND");
  const ndB = db.$client.prepare("select id from document_types where agency_id = ? and code = 'ND'").get(b) as { id: number };

  const draftA = createDraft(ctxOf(db, org.people.drafter), { documentTypeId: ndA }).documentId;
  const attachmentA = (await addAttachment(ctxOf(db, org.people.drafter), draftA, { name: "lampiran.pdf", data: pdf })).attachmentId;
  const draftB = createDraft(ctxOf(db, org.employees.adminB), { documentTypeId: ndB.id }).documentId;
  const attachmentB = (await addAttachment(ctxOf(db, org.employees.adminB), draftB, { name: "lampiran-b.pdf", data: pdf })).attachmentId;

  const fields = {
    senderAgency: "Kementerian Dalam Negeri",
    senderName: "",
    letterNumber: "900.1/1234/Keuda",
    letterDate: "2026-11-20",
    receivedDate: new Date().toISOString().slice(0, 10),
    subject: "Percepatan realisasi belanja daerah",
    securityClass: "B" as const,
    urgency: "segera" as const,
    classificationCode: "",
    attachmentCount: 0,
    summary: "",
  };
  const letterA = (await registerIncomingLetter(ctxOf(db, org.people.clerk), { fields, addresseePositionIds: [org.positions.regent], pdf })).letterId;
  const letterB = (await registerIncomingLetter(ctxOf(db, org.employees.adminB), { fields, addresseePositionIds: [org.positions.positionB], pdf })).letterId;
  const dispose = (employeeId: number, letterId: number, to: number) =>
    disposeLetter(ctxOf(db, employeeId), { letterId, parentId: null, toPositionIds: [to], instructions: ["Untuk ditindaklanjuti"], otherInstruction: "", note: "", urgency: "segera", deadline: null, copySuperior: false }).dispositionIds[0];
  const dispositionA = dispose(org.people.regent, letterA, org.positions.head);
  const dispositionB = dispose(org.employees.adminB, letterB, staffPostB);

  const leave = (start: string) => ({ kind: "izin" as const, startDate: start, endDate: start, reason: "Mengurus dokumen kependudukan", attachment: pdf });
  const requestA = submitAttendanceRequest(ctxOf(db, org.employees.staff), leave("2026-12-10")).requestId;
  const requestB = submitAttendanceRequest(ctxOf(db, staffB), leave("2026-12-10")).requestId;

  const signingA = (await createSigningDocument(ctxOf(db, org.employees.head), { title: "Surat Edaran", pdf, signerEmployeeIds: [org.employees.head], securityClass: "B" })).documentId;
  const signingB = (await createSigningDocument(ctxOf(db, org.employees.adminB), { title: "Surat Lain", pdf, signerEmployeeIds: [org.employees.adminB], securityClass: "B" })).documentId;

  const now = new Date();
  const press = (key: string) => ({ kind: "in" as const, ...OFFICE, accuracy: 10, clientTime: now.getTime(), requestKey: key, selfie: TINY_JPEG.toString("base64") });
  // The selfie policy may be off by default: the record needs a photo either way for the photo route.
  const recordA = recordClock(ctxOf(db, org.employees.staff, now), press("hostile-fixture-a")).recordId;
  const recordB = recordClock(ctxOf(db, staffB, now), press("hostile-fixture-b")).recordId;

  const notificationA = db.select().from(notifications).where(eq(notifications.employeeId, org.people.regent)).get()?.id;
  const notificationB = db.select().from(notifications).where(eq(notifications.employeeId, org.employees.adminB)).get()?.id;
  const assignmentB = db.$client.prepare("select id from assignments where employee_id = ?").get(staffB) as { id: number };
  const assignmentA = db.$client.prepare("select id from assignments where employee_id = ?").get(org.employees.head) as { id: number };
  const letterRowB = db.select().from(incomingLetters).where(and(eq(incomingLetters.id, letterB))).get()!;
  const firstId = (sql: string, agencyId: number) => (db.$client.prepare(sql).get(agencyId) as { id: number }).id;
  const holiday = (agencyId: number) => Number(db.$client.prepare("insert into holidays (agency_id, date, name, kind) values (?, '2026-12-25', 'Hari Raya Natal', 'national')").run(agencyId).lastInsertRowid);
  const holidayA = holiday(a);
  const holidayB = holiday(b);
  const scheduleA = firstId("select id from work_schedules where agency_id = ? order by id", a);
  const scheduleB = firstId("select id from work_schedules where agency_id = ? order by id", b);
  const instructionA = firstId("select id from disposition_instructions where agency_id = ? order by id", a);
  const instructionB = firstId("select id from disposition_instructions where agency_id = ? order by id", b);

  return {
    ...org,
    sites: { a: siteA, b: siteB },
    people: { ...org.people, staffB, pending },
    objects: {
      draftA, attachmentA, draftB, attachmentB, letterA, letterB, dispositionA, dispositionB, requestA, requestB, signingA, signingB,
      recordA, recordB, notificationA: notificationA ?? 0, notificationB: notificationB ?? 0, assignmentA: assignmentA.id, assignmentB: assignmentB.id,
      typeA: ndA, typeB: ndB.id, letterAgendaB: letterRowB.agendaNumber, holidayA, holidayB, scheduleA, scheduleB, instructionA, instructionB,
    },
  };
}
export type HostileFixture = Awaited<ReturnType<typeof createHostileFixture>>;

/** Signs the employee in as the credentials sign-in would: a session row and the Auth.js cookie minted with the real secret. */
export async function signInAs(db: Db, employeeId: number): Promise<void> {
  const now = new Date();
  const sid = db.transaction((tx) => createSession(tx, employeeId, null, TEST_REQUEST, now));
  const cookie = await encode({ token: { sid, sub: sid }, secret: authSecret(), salt: SESSION_COOKIE, maxAge: 12 * 3600 });
  clearCookies();
  setCookie(SESSION_COOKIE, cookie);
}

export function signOutAll(): void {
  clearCookies();
}

/**
 * Audit rows a refusal writes on purpose: a wrong password or passphrase is evidence of guessing, recorded with the
 * failed-attempt counters (sign_in_failures, signing_lockouts) that the suites allow to change on a refusal.
 */
export const AUDIT_ON_REFUSAL = ["auth.sign_in_failed", "auth.sign_in_throttled", "tte.passphrase_wrong", "tte.password_wrong", "tte.locked"];

/** Every table of the database, each as its row count and a hash of all its rows (audit rows of refusals left out). */
export type Snapshot = Record<string, { rows: number; hash: string }>;

export function snapshot(db: Db): Snapshot {
  const tables = db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  const out: Snapshot = {};
  for (const table of tables) {
    // Row order is not part of the content (and WITHOUT ROWID or virtual tables have no rowid to order by).
    const rowHashes: string[] = [];
    const where = table === "audit_log" ? ` where action not in (${AUDIT_ON_REFUSAL.map((a) => `'${a}'`).join(", ")})` : "";
    for (const row of db.$client.prepare(`select * from "${table}"${where}`).raw().iterate() as Iterable<unknown[]>) {
      const hash = createHash("sha256");
      for (const value of row) hash.update(Buffer.isBuffer(value) ? value : `${typeof value}:${String(value)}\u0000`);
      rowHashes.push(hash.digest("hex"));
    }
    const rows = rowHashes.length;
    const hash = createHash("sha256").update(rowHashes.sort().join(""));
    out[table] = { rows, hash: hash.digest("hex") };
  }
  return out;
}

/** The tables whose content differs between two snapshots, minus the allowed ones. */
export function changedTables(before: Snapshot, after: Snapshot, allowed: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => !allowed.includes(t) && (before[t]?.hash !== after[t]?.hash || before[t]?.rows !== after[t]?.rows)).sort();
}

/** Rows changed by this connection so far: a cheap first look before hashing the whole database. */
export const totalChanges = (db: Db) => db.$client.prepare("select total_changes()").pluck().get() as number;

/**
 * Watches the database for changes from now on: the connection's total_changes() first (every row written through
 * this connection counts, triggers and rolled-back writes included), and the full snapshot only when it moved, so
 * that a suite of thousands of calls still compares after every one. The app writes only through getDb(), the
 * connection watched here.
 */
export function watchChanges(db: Db, allowed: readonly string[] = []) {
  let baseline = snapshot(db);
  let seen = totalChanges(db);
  return {
    /** The tables changed since the watch began or last reported a change ([] when none); then starts afresh. */
    changed(): string[] {
      const now = totalChanges(db);
      if (now === seen) return [];
      seen = now;
      const current = snapshot(db);
      const changed = changedTables(baseline, current, allowed);
      if (changed.length) baseline = current;
      return changed;
    },
  };
}

/** Next's redirect / notFound / forbidden / unauthorized errors: control flow, answered as 303/404/403/401, never a 500. */
export function nextControlFlow(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2] ?? ""}`;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return `http:${digest.split(";")[1] ?? ""}`;
  if (digest === "NEXT_NOT_FOUND") return "http:404";
  return null;
}

export type Outcome =
  | { kind: "error"; state: Extract<ActionState, { status: "error" }> }
  | { kind: "ok"; state: ActionState }
  | { kind: "control"; what: string }
  | { kind: "crash"; error: unknown };

/** Runs an action as a form post would and says how it ended. */
export async function runAction(action: (previous: ActionState, formData: FormData) => Promise<ActionState>, form: FormData): Promise<Outcome> {
  try {
    const state = await action({ status: "idle" }, form);
    if (state && state.status === "error") return { kind: "error", state };
    return { kind: "ok", state };
  } catch (error) {
    const control = nextControlFlow(error);
    if (control) return { kind: "control", what: control };
    return { kind: "crash", error };
  }
}

export function formOf(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v instanceof Blob ? v : String(v));
  }
  return form;
}

/** A message a user can read: not empty, not a catalog key, not English (a default text that escaped translation). */
export function looksIndonesian(message: string): boolean {
  if (!message.trim() || /^[a-z]+(\.[A-Za-z0-9]+)+$/.test(message.trim())) return false;
  const english = /\b(the|not|found|invalid|expected|required|error|undefined|null|received|must|unauthorized|forbidden|please|bad|request|is|are|you|string|number)\b/i;
  const indonesian = /\b(yang|tidak|harus|dan|ini|atau|belum|dengan|silakan|anda|berkas|isian|data|ditemukan|masuk|sesi|periksa|kata|sandi|pilih|foto|surat|tanggal|jabatan|isi|paling|sudah|terlalu|bukan)\b/i;
  return !english.test(message) || indonesian.test(message);
}
