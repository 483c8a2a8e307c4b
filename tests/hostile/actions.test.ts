/**
 * Every exported server action (app/**\/actions.ts, found by walking the folder) called directly, as a form post
 * would, by an unauthenticated visitor, by a plain employee against other people's objects, by an agency admin
 * against another agency's objects, and with random hostile forms. Each must end in a clear refusal (an error state
 * with an Indonesian message, or Next's redirect / not-found / forbidden), never an exception (a 500), and must
 * leave the database exactly as it was.
 */
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../support/hostile-next")).nextCacheMock);

import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import type { ActionState } from "@/lib/actions/action-state";
import { translator } from "@/lib/i18n/catalog";
import {
  createHostileFixture,
  formOf,
  looksIndonesian,
  openHostileDb,
  runAction,
  signInAs,
  signOutAll,
  watchChanges,
  type HostileFixture,
  type Outcome,
} from "../support/hostile";
import { makeTestPdf } from "../support/signing";
import { describeForm, findAppFiles, hostileForm, mutatedForm, plausibleForm, type TargetIds } from "../support/hostile-inputs";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type Found = { id: string; action: Action };

/** What exists today: a glob that finds fewer is broken, not a pass. */
const MIN_ACTION_MODULES = 31;
const MIN_ACTIONS = 87;

/**
 * Tables a refusal may legitimately write: the failed-attempt counters that make guessing a password slow. A
 * refusal for a wrong login password or passphrase is recorded there on purpose (and in the audit log for
 * sign-in only, which tests/auth-sign-in.test.ts covers); nothing else may change.
 */
const ALLOWED_ON_REFUSAL = ["sign_in_failures", "signing_lockouts"] as const;

/**
 * Actions that legitimately succeed for the plain employee on their own data whatever the form holds, so neither
 * the "someone else's object" case nor the random-form case can expect a refusal from them:
 * - saveNotificationSettingsAction: every form is valid (one checkbox per kind, absent means off), own settings only;
 * - signOutAction: ends the caller's own session (deletes its row), by design;
 * - signInAction: no actor at all; its own cases are in tests/hostile/auth.test.ts.
 * They are still called unauthenticated (case a).
 */
const SELF_SERVICE = new Set(["akun#saveNotificationSettingsAction", "akun#signOutAction", "masuk#signInAction"]);

/** Succeed without changing anything when the employee has nothing to act on (no unread notifications). */
const HARMLESS_NOOP = new Set(["notifikasi#markAllNotificationsReadAction"]);

/**
 * Actions with which the plain employee creates or changes something of their own: a plausible form with a field
 * or two changed can legitimately succeed (a draft of a type "  7  " coerces to, a request with the end date left
 * out, a switch to their own assignment), so the random case gives them fully random forms only.
 */
const OWN_OBJECTS = new Set([
  "naskah/baru#createDraftAction",
  "tandatangan/baru#createSigningDocumentAction",
  "presensi/pengajuan/baru#submitRequestAction",
  "akun#setLocaleAction",
  "akun#switchActingAction",
  "tte#enrolAction",
]);

/** Public by design (no sign-in needed): the upload-to-verify form; it stores nothing, so it must still change nothing. */
const PUBLIC = new Set(["verifikasi#verifyUploadAction"]);

/**
 * Actions an agency admin legitimately runs on their own agency with no object id in the form (they create or
 * configure something of the admin's own agency): pointing them at another agency is not possible, so the
 * cross-agency case skips them. The plain-employee case (b) and the random case (c) still cover them.
 */
const OWN_AGENCY_ONLY = new Set([
  "admin/instansi#updateAgencyAction",
  "admin/jenis-naskah#createDocumentTypeAction",
  "admin/presensi/kebijakan#savePolicyAction",
  "admin/presensi/libur#addNationalHolidays2026Action",
  "admin/presensi/libur#createHolidayAction",
  "admin/petunjuk-disposisi#createInstructionAction",
  "admin/pegawai/impor#commitImportAction",
  "admin/pegawai/impor#previewImportAction",
  "akun#setLocaleAction",
  "notifikasi#markAllNotificationsReadAction",
  "presensi#registerHomePointAction",
  "tte#enrolAction",
  "naskah/baru#createDraftAction",
]);

/** Per-action values where the shared plausible form's field means something else in another action. */
const FORM_OVERRIDES: Record<string, Record<string, unknown>> = {
  "admin/presensi/jadwal#createScheduleAction": { kind: "regular" },
  "admin/presensi/jadwal#updateScheduleAction": { kind: "regular" },
  "admin/presensi/lokasi#createSiteAction": { kind: "office" },
  "admin/presensi/lokasi#updateSiteAction": { kind: "office" },
  "admin/presensi/libur#createHolidayAction": { kind: "national" },
  "admin/sertifikat#revokeCertificateAction": { reason: "other" },
  "tte#revokeOwnAction": { reason: "other" },
  "presensi/tim#reviewRecordAction": { decision: "accept" },
};

/** Per-action overrides of the plausible form, for the plain employee (b): inputs that must fail for them. */
const STAFF_OVERRIDES: Record<string, (fx: HostileFixture) => Record<string, unknown>> = {
  // Their own locale is theirs to set: an unknown one must be refused.
  "akun#setLocaleAction": () => ({ locale: "xx" }),
  // Their own request, but ending before it starts.
  "presensi/pengajuan/baru#submitRequestAction": () => ({ kind: "izin", startDate: "2026-12-12", endDate: "2026-12-01", file: "" }),
  // A signer of another agency.
  "tandatangan/baru#createSigningDocumentAction": (fx) => ({ signer: String(fx.employees.adminB) }),
  // The verify form is public: a file that is no PDF.
  "verifikasi#verifyUploadAction": () => ({ file: new File(["<html>bukan pdf</html>"], "x.pdf") }),
  // Another agency's document type.
  "naskah/baru#createDraftAction": (fx) => ({ documentTypeId: fx.objects.typeB }),
  // The login password is wrong, so nothing is enrolled.
  "tte#enrolAction": () => ({ loginPassword: "Bukan-Sandinya-1" }),
};

const label = (file: string) => path.relative(path.join(process.cwd(), "app"), path.dirname(file)).replace(/\([^)]*\)\//g, "").replace(/\\/g, "/");

let db: Db;
let fx: HostileFixture;
let actions: Found[] = [];
let moduleCount = 0;
let samplePdf: Buffer;

function targetsOf(fx: HostileFixture, side: "sameAgency" | "otherAgency"): TargetIds {
  const o = fx.objects;
  return side === "sameAgency"
    ? {
        document: o.draftA, attachment: o.attachmentA, letter: o.letterA, disposition: o.dispositionA, request: o.requestA, signing: o.signingA,
        record: o.recordA, employee: fx.employees.staff, unit: fx.units.dinas, position: fx.positions.head, assignment: o.assignmentA,
        documentType: o.typeA, site: fx.sites.a, schedule: o.scheduleA, holiday: o.holidayA, instruction: o.instructionA, certificate: 1, notification: o.notificationA,
      }
    : {
        document: o.draftB, attachment: o.attachmentB, letter: o.letterB, disposition: o.dispositionB, request: o.requestB, signing: o.signingB,
        record: o.recordB, employee: fx.people.staffB, unit: fx.units.rootB, position: fx.positions.positionB, assignment: o.assignmentB,
        documentType: o.typeB, site: fx.sites.b, schedule: o.scheduleB, holiday: o.holidayB, instruction: o.instructionB, certificate: 2, notification: o.notificationB,
      };
}

function fieldsFor(id: string, side: "sameAgency" | "otherAgency", overrides: Record<string, (fx: HostileFixture) => Record<string, unknown>> = {}): Record<string, unknown> {
  const fields = plausibleForm(targetsOf(fx, side), samplePdf);
  // The signing form's signer is the target employee; the document id field doubles as the signing document's.
  if (id.startsWith("tandatangan/")) fields.documentId = side === "sameAgency" ? fx.objects.signingA : fx.objects.signingB;
  return { ...fields, ...FORM_OVERRIDES[id], ...(overrides[id]?.(fx) ?? {}) };
}

const formFor = (...args: Parameters<typeof fieldsFor>) => formOf(fieldsFor(...args));

const id = "id";
const t = translator(id);
const UNAUTHENTICATED = t("errors.unauthenticated");

/** A refusal a user can read, or Next's own control flow; anything thrown otherwise is a failure with its stack. */
function expectRefusal(name: string, outcome: Outcome, form: FormData | null, allowOk = false): void {
  const where = `${name}${form ? ` with ${describeForm(form)}` : ""}`;
  if (outcome.kind === "crash") {
    const error = outcome.error as Error;
    throw new Error(`${where} threw (a 500): ${error?.stack ?? String(error)}`);
  }
  if (outcome.kind === "ok" && !allowOk) throw new Error(`${where} succeeded: ${JSON.stringify(outcome.state).slice(0, 300)}`);
  if (outcome.kind === "error") {
    const { message, fieldErrors } = outcome.state;
    for (const text of [message, ...Object.values(fieldErrors)]) {
      if (!looksIndonesian(text)) throw new Error(`${where} answered with a message that is no Indonesian text: ${JSON.stringify(text)}`);
    }
  }
}

function expectUnchanged(name: string, watch: ReturnType<typeof watchChanges>, form: FormData | null): void {
  const changed = watch.changed();
  if (changed.length) throw new Error(`${name} changed ${changed.join(", ")}${form ? ` with ${describeForm(form)}` : ""}`);
}

beforeAll(async () => {
  db = openHostileDb();
  fx = await createHostileFixture(db);
  samplePdf = await makeTestPdf(1);
  const files = findAppFiles(path.join(process.cwd(), "app"), "actions.ts");
  moduleCount = files.length;
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value === "function") actions.push({ id: `${label(file)}#${exportName}`, action: value as Action });
    }
  }
  actions = actions.sort((a, b) => a.id.localeCompare(b.id));
}, 120_000);

describe("server action discovery", () => {
  it("finds every actions.ts and every exported action in it", () => {
    expect(moduleCount).toBeGreaterThanOrEqual(MIN_ACTION_MODULES);
    expect(actions.length).toBeGreaterThanOrEqual(MIN_ACTIONS);
  });
});

describe("the harness itself", () => {
  it("sees a write, ignores a rolled-back one, and tells a crash from a refusal", async () => {
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    try {
      db.transaction((tx) => {
        tx.run(sql`update agencies set phone = 'x' where id = ${fx.agencyA}`);
        throw new Error("roll back");
      });
    } catch {
      // rolled back on purpose
    }
    expect(watch.changed()).toEqual([]);
    db.run(sql`update agencies set phone = ${"0333-000" + Date.now()} where id = ${fx.agencyA}`);
    expect(watch.changed()).toEqual(["agencies"]);
    const crashing: Action = async () => {
      throw new TypeError("boom");
    };
    expect((await runAction(crashing, new FormData())).kind).toBe("crash");
    expect(looksIndonesian("Data tidak ditemukan.")).toBe(true);
    expect(looksIndonesian("Not found")).toBe(false);
    expect(looksIndonesian("errors.notFound")).toBe(false);
  });
});

describe("(a) unauthenticated", () => {
  it("every action refuses a visitor without a session and changes nothing", async () => {
    signOutAll();
    const problems: string[] = [];
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    for (const { id: name, action } of actions) {
      if (name === "masuk#signInAction") continue; // the sign-in form is for visitors: tests/hostile/auth.test.ts
      const form = formFor(name, "sameAgency", STAFF_OVERRIDES);
      const outcome = await runAction(action, form);
      try {
        expectRefusal(name, outcome, null, PUBLIC.has(name));
        if (outcome.kind === "error" && !PUBLIC.has(name)) expect(outcome.state.message, name).toBe(UNAUTHENTICATED);
        if (outcome.kind === "control" && !/^redirect:(https?:\/\/[^/]+)?\/masuk/.test(outcome.what)) throw new Error(`${name} answered ${outcome.what}, not the sign-in page`);
        expectUnchanged(name, watch, null);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("(b) an employee without the right", () => {
  it("a plain employee is refused every action on other people's objects of their agency, and nothing changes", async () => {
    await signInAs(db, fx.people.outsider);
    const problems: string[] = [];
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    for (const { id: name, action } of actions) {
      if (SELF_SERVICE.has(name)) continue;
      const form = formFor(name, "sameAgency", STAFF_OVERRIDES);
      const outcome = await runAction(action, form);
      try {
        expectRefusal(name, outcome, form, HARMLESS_NOOP.has(name));
        expectUnchanged(name, watch, form);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it("an agency admin is refused every action on another agency's objects, and nothing changes", async () => {
    await signInAs(db, fx.employees.admin);
    const problems: string[] = [];
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    for (const { id: name, action } of actions) {
      if (SELF_SERVICE.has(name) || OWN_AGENCY_ONLY.has(name)) continue;
      const form = formFor(name, "otherAgency", STAFF_OVERRIDES);
      const outcome = await runAction(action, form);
      try {
        expectRefusal(name, outcome, form, PUBLIC.has(name));
        expectUnchanged(name, watch, form);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });

  it("an employee who must still change their password is refused everything but the change", async () => {
    await signInAs(db, fx.people.pending);
    const mustChange = t("errors.mustChangePassword");
    const problems: string[] = [];
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    for (const { id: name, action } of actions) {
      if (SELF_SERVICE.has(name) || PUBLIC.has(name) || name === "ganti-kata-sandi#changePasswordAction" || name === "akun#switchActingAction") continue;
      const form = formFor(name, "sameAgency", STAFF_OVERRIDES);
      const outcome = await runAction(action, form);
      try {
        expectRefusal(name, outcome, form);
        if (outcome.kind === "error") expect(outcome.state.message, name).toBe(mustChange);
        expectUnchanged(name, watch, form);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("(c) random hostile forms", () => {
  // 25 forms per action keeps this file near 20 s on two busy cores; a failure prints its seed and form.
  const NUM_RUNS = 25;

  it("every action answers any form (random, or a plausible one with fields changed) with a refusal, never a 500 or a change", async () => {
    await signInAs(db, fx.people.outsider);
    const problems: string[] = [];
    const watch = watchChanges(db, ALLOWED_ON_REFUSAL);
    for (const { id: name, action } of actions) {
      if (SELF_SERVICE.has(name)) continue;
      try {
        await fc.assert(
          fc.asyncProperty(OWN_OBJECTS.has(name) ? hostileForm : fc.oneof(hostileForm, mutatedForm(fieldsFor(name, "sameAgency", STAFF_OVERRIDES))), async (form) => {
            const outcome = await runAction(action, form);
            expectRefusal(name, outcome, form, PUBLIC.has(name) || HARMLESS_NOOP.has(name));
            expectUnchanged(name, watch, form);
          }),
          { numRuns: NUM_RUNS, includeErrorInReport: true },
        );
        expectUnchanged(name, watch, null);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message.slice(0, 2000)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
