import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { issuedNumbers, officialDocuments } from "@/db/schema";
import { actorFor, freshDb, TEST_NOW } from "./support/db";
import { createDocumentOrg, insertDocumentsAwaitingNumber } from "./support/naskah";
import { modulePath, runWorkers, WORKER_SYNC } from "./support/workers";

// Finalising the number of 50 documents signed at the same moment in five server processes: every
// document gets one number, the register has no gap and no duplicate.

describe("document numbers under concurrent last signatures", () => {
  it("gives 50 documents finalised concurrently in 5 processes the numbers 1..50, one each", async () => {
    const db = freshDb();
    const org = createDocumentOrg(db);
    const ids = insertDocumentsAwaitingNumber(db, org, 50);
    const source = `
import { openDatabase } from ${modulePath("db/index.ts")};
import { loadActor } from ${modulePath("lib/auth/sessions.ts")};
import { finaliseDocumentNumber } from ${modulePath("lib/documents/document-number.ts")};
const [file, sessionId, idList] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(${JSON.stringify(TEST_NOW.toISOString())});
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("no actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: "worker" } };
${WORKER_SYNC}
const numbers = [];
for (const id of idList.split(",").map(Number)) {
  numbers.push(finaliseDocumentNumber(ctx, id).number);
  breathe();
}
process.stdout.write(JSON.stringify(numbers));
`;
    const sessionId = actorFor(db, org.people.head).sessionId;
    const numbers = (
      await runWorkers<string[]>(
        source,
        Array.from({ length: 5 }, (_, w) => [db.$client.name, sessionId, ids.filter((_, i) => i % 5 === w).join(",")]),
      )
    ).flat();

    const year = TEST_NOW.getUTCFullYear();
    const sequences = numbers.map((n) => Number(/^000\.1\/(\d+)\/DISKOMINFO\/(\d{4})$/.exec(n)?.[1]));
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers.every((n) => n.endsWith(`/${year}`))).toBe(true);
    const stored = db.select().from(officialDocuments).all();
    expect(new Set(stored.map((d) => d.number)).size).toBe(50);
    expect(db.select().from(issuedNumbers).where(eq(issuedNumbers.agencyId, org.agencyA)).all()).toHaveLength(50);
  }, 120_000);
});
