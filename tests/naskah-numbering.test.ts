import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { issuedNumbers, officialDocuments } from "@/db/schema";
import { actorFor, freshDb, TEST_NOW } from "./support/db";
import { createDocumentOrg, insertDocumentsAwaitingNumber } from "./support/naskah";

// Finalising the number of 50 documents signed at the same moment in five server processes: every
// document gets one number, the register has no gap and no duplicate.

describe("document numbers under concurrent last signatures", () => {
  it("gives 50 documents finalised concurrently in 5 processes the numbers 1..50, one each", async () => {
    const db = freshDb();
    const org = createDocumentOrg(db);
    const ids = insertDocumentsAwaitingNumber(db, org, 50);
    const root = process.cwd();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-naskah-numbers-"));
    const script = path.join(dir, "finalise.ts");
    fs.writeFileSync(
      script,
      `
import fs from "node:fs";
import { openDatabase } from ${JSON.stringify(path.join(root, "db/index.ts"))};
import { loadActor } from ${JSON.stringify(path.join(root, "lib/auth/sessions.ts"))};
import { finaliseDocumentNumber } from ${JSON.stringify(path.join(root, "lib/documents/document-number.ts"))};
const [file, sessionId, idList, ready, go] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(${JSON.stringify(TEST_NOW.toISOString())});
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("no actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: "worker" } };
fs.writeFileSync(ready, "");
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(go)) Atomics.wait(pause, 0, 0, 2);
const numbers = [];
for (const id of idList.split(",").map(Number)) {
  numbers.push(finaliseDocumentNumber(ctx, id).number);
  Atomics.wait(pause, 0, 0, 1 + Math.floor(Math.random() * 3));
}
process.stdout.write(JSON.stringify(numbers));
`,
    );
    const sessionId = actorFor(db, org.people.head).sessionId;
    const go = path.join(dir, "go");
    const workers = Array.from({ length: 5 }, (_, w) => {
      const ready = path.join(dir, `ready-${w}`);
      const mine = ids.filter((_, i) => i % 5 === w).join(",");
      const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script, db.$client.name, sessionId, mine, ready, go], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      const done = new Promise<string[]>((resolve, reject) =>
        child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker ${w} exited ${code}: ${err}`)))),
      );
      return { ready, done };
    });
    const deadline = Date.now() + 60_000;
    while (!workers.every((w) => fs.existsSync(w.ready)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(go, "");
    const numbers = (await Promise.all(workers.map((w) => w.done))).flat();

    const year = TEST_NOW.getUTCFullYear();
    const sequences = numbers.map((n) => Number(/^000\.1\/(\d+)\/DISKOMINFO\/(\d{4})$/.exec(n)?.[1]));
    expect(sequences.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(numbers.every((n) => n.endsWith(`/${year}`))).toBe(true);
    const stored = db.select().from(officialDocuments).all();
    expect(new Set(stored.map((d) => d.number)).size).toBe(50);
    expect(db.select().from(issuedNumbers).where(eq(issuedNumbers.agencyId, org.agencyA)).all()).toHaveLength(50);
    // Finalising again returns the same number instead of issuing another.
  }, 120_000);
});
