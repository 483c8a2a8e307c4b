import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { incomingLetters } from "@/db/schema";
import { actorFor, freshDb, TEST_NOW } from "./support/db";
import { createDocumentOrg } from "./support/naskah";

// Five server processes register letters in the same register at the same moment: the agenda numbers are
// exactly 1..50, each once.

describe("agenda numbers under concurrent registration", () => {
  it("gives 50 letters registered concurrently in 5 processes the agenda numbers 1..50", async () => {
    const db = freshDb();
    const org = createDocumentOrg(db);
    const root = process.cwd();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-agenda-"));
    // .mts: the worker awaits at top level, which needs an ES module.
    const script = path.join(dir, "register.mts");
    fs.writeFileSync(
      script,
      `
import fs from "node:fs";
import { openDatabase } from ${JSON.stringify(path.join(root, "db/index.ts"))};
import { loadActor } from ${JSON.stringify(path.join(root, "lib/auth/sessions.ts"))};
import { registerIncomingLetter } from ${JSON.stringify(path.join(root, "lib/incoming/register.ts"))};
const [file, sessionId, label, count, positionId, ready, go] = process.argv.slice(2);
const db = openDatabase(file);
const now = new Date(${JSON.stringify(TEST_NOW.toISOString())});
const actor = loadActor(db, sessionId, now);
if (!actor) throw new Error("no actor");
const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: label } };
fs.writeFileSync(ready, "");
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!fs.existsSync(go)) Atomics.wait(pause, 0, 0, 2);
const numbers = [];
for (let i = 0; i < Number(count); i++) {
  const fields = { senderAgency: "Kementerian " + label, senderName: "", letterNumber: label + "/" + i, letterDate: "2026-11-20", receivedDate: "2026-11-26",
    subject: "Surat " + i, securityClass: "B", urgency: "biasa", classificationCode: "", attachmentCount: 0, summary: "" };
  const { agendaNumber } = await registerIncomingLetter(ctx, { fields, addresseePositionIds: [Number(positionId)], pdf: null });
  numbers.push(Number(agendaNumber));
  Atomics.wait(pause, 0, 0, 1 + Math.floor(Math.random() * 3));
}
process.stdout.write(JSON.stringify(numbers));
`,
    );
    const sessionId = actorFor(db, org.people.clerk).sessionId;
    const go = path.join(dir, "go");
    const workers = Array.from({ length: 5 }, (_, w) => {
      const ready = path.join(dir, `ready-${w}`);
      const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script, db.$client.name, sessionId, `w${w}`, "10", String(org.positions.regent), ready, go], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      const done = new Promise<number[]>((resolve, reject) =>
        child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`worker ${w} exited ${code}: ${err}`)))),
      );
      return { ready, done };
    });
    const deadline = Date.now() + 60_000;
    while (!workers.every((w) => fs.existsSync(w.ready)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    fs.writeFileSync(go, "");
    const perWorker = await Promise.all(workers.map((w) => w.done));

    for (const numbers of perWorker) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(perWorker.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(db.select().from(incomingLetters).all().map((l) => l.agendaNumber)).size).toBe(50);
  }, 120_000);
});
