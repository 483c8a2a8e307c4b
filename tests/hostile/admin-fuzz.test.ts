/**
 * Random hostile forms sent to every server action by an agency admin, who holds the rights most actions check:
 * the forms get past authorization into the lib's own validation, where a value like 1e309, NaN, a NUL byte or a
 * 1 MB string must still end in a clear Indonesian refusal or a legitimate success, never an exception (a 500).
 * An admin may legitimately change things here, so this file has a database of its own and checks no snapshot;
 * tests/hostile/actions.test.ts checks "no change" for employees without the right.
 */
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/hostile-next")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../support/hostile-next")).nextCacheMock);

import type { Db } from "@/db";
import type { ActionState } from "@/lib/actions/action-state";
import { createHostileFixture, looksIndonesian, openHostileDb, runAction, signInAs, type HostileFixture } from "../support/hostile";
import { describeForm, findAppFiles, hostileForm, mutatedForm, plausibleForm } from "../support/hostile-inputs";
import { makeTestPdf } from "../support/signing";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** The admin's own session ends with these; the random case would sign them out halfway. */
const SKIP = new Set(["signOutAction", "signInAction"]);

let db: Db;
let fx: HostileFixture;
const actions: { id: string; action: Action }[] = [];

beforeAll(async () => {
  db = openHostileDb();
  fx = await createHostileFixture(db);
  for (const file of findAppFiles(path.join(process.cwd(), "app"), "actions.ts")) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function" && !SKIP.has(name)) actions.push({ id: `${path.relative("app", path.dirname(file))}#${name}`, action: value as Action });
    }
  }
}, 120_000);

describe("random hostile forms from an agency admin", () => {
  it("every action answers with a clear refusal or a success, never a 500", async () => {
    await signInAs(db, fx.employees.admin);
    const o = fx.objects;
    // The admin's own agency: ids they may act on, so mutated forms reach the lib's checks.
    const base = plausibleForm(
      {
        document: o.draftA, attachment: o.attachmentA, letter: o.letterA, disposition: o.dispositionA, request: o.requestA, signing: o.signingA, record: o.recordA,
        employee: fx.employees.staff, unit: fx.units.dinas, position: fx.positions.staff, assignment: o.assignmentA, documentType: o.typeA, site: fx.sites.a,
        schedule: o.scheduleA, holiday: o.holidayA, instruction: o.instructionA, certificate: 1, notification: o.notificationA,
      },
      await makeTestPdf(1),
    );
    const problems: string[] = [];
    for (const { id, action } of actions) {
      try {
        await fc.assert(
          fc.asyncProperty(fc.oneof(hostileForm, mutatedForm(base)), async (form) => {
            const outcome = await runAction(action, form);
            // setLocaleAction may legitimately switch the admin to English; the next message must be judged in Indonesian.
            db.$client.prepare("update employees set locale = 'id' where id = ?").run(fx.employees.admin);
            if (outcome.kind === "crash") throw new Error(`${id} threw (a 500) with ${describeForm(form)}: ${(outcome.error as Error)?.stack}`);
            if (outcome.kind === "error") {
              for (const text of [outcome.state.message, ...Object.values(outcome.state.fieldErrors)]) {
                if (!looksIndonesian(text)) throw new Error(`${id}: not an Indonesian message ${JSON.stringify(text)} with ${describeForm(form)}`);
              }
            }
          }),
          { numRuns: 20, includeErrorInReport: true },
        );
      } catch (error) {
        problems.push((error as Error).message.slice(0, 2500));
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
