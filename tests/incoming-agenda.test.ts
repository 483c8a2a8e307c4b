import { describe, expect, it } from "vitest";
import { incomingLetters } from "@/db/schema";
import { actorFor, freshDb, TEST_NOW } from "./support/db";
import { createDocumentOrg } from "./support/naskah";
import { modulePath, runWorkers, WORKER_SYNC } from "./support/workers";

// Five server processes register letters in the same register at the same moment: the agenda numbers are
// exactly 1..50, each once.

describe("agenda numbers under concurrent registration", () => {
  it("gives 50 letters registered concurrently in 5 processes the agenda numbers 1..50", async () => {
    const db = freshDb();
    const org = createDocumentOrg(db);
    const source = `
import { openDatabase } from ${modulePath("db/index.ts")};
import { loadActor } from ${modulePath("lib/auth/sessions.ts")};
import { registerIncomingLetter } from ${modulePath("lib/incoming/register.ts")};
const [file, sessionId, label, count, positionId] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(${JSON.stringify(TEST_NOW.toISOString())});
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("no actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: label } };
${WORKER_SYNC}
const numbers = [];
for (let i = 0; i < Number(count); i++) {
  const fields = { senderAgency: "Kementerian " + label, senderName: "", letterNumber: label + "/" + i, letterDate: "2026-11-20", receivedDate: "2026-11-26",
    subject: "Surat " + i, securityClass: "B", urgency: "biasa", classificationCode: "", attachmentCount: 0, summary: "" };
  const { agendaNumber } = await registerIncomingLetter(ctx, { fields, addresseePositionIds: [Number(positionId)], pdf: null });
  numbers.push(Number(agendaNumber));
  breathe();
}
process.stdout.write(JSON.stringify(numbers));
`;
    const sessionId = actorFor(db, org.people.clerk).sessionId;
    const perWorker = await runWorkers<number[]>(
      source,
      Array.from({ length: 5 }, (_, w) => [db.$client.name, sessionId, `w${w}`, "10", String(org.positions.regent)]),
    );

    for (const numbers of perWorker) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(perWorker.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(db.select().from(incomingLetters).all().map((l) => l.agendaNumber)).size).toBe(50);
  }, 120_000);
});
