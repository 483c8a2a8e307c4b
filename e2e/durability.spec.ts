import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { insertRushEmployees, OFFICE, type RushPerson } from "../scripts/bench/checkin-data";
import { AUTH_SECRET, freePort, Server } from "../scripts/bench/http";

// Durability: check-ins pour into the production server, which is killed with SIGKILL in the middle of the load
// (nothing flushes, nothing cleans up), then started again. Every check-in the server had acknowledged must be
// there with its audit row and its computed day, nothing may be half-written, and integrity_check must pass.
// Three rounds on the same database. Runs once (no browser involved), after the e2e server's seed.

const ROUNDS = 3;
const PER_ROUND = 200;

function checkIn(port: number, agent: http.Agent, person: RushPerson): Promise<number | null> {
  const body = JSON.stringify({ kind: "in", ...OFFICE, accuracy: 10, clientTime: Date.now(), requestKey: `durable-${person.employeeId}-0001` });
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/api/presensi", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: `http://127.0.0.1:${port}`, cookie: person.cookie } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          try {
            resolve(res.statusCode === 200 ? (JSON.parse(text) as { record: { recordId: number } }).record.recordId : null);
          } catch {
            resolve(null);
          }
        });
      },
    );
    // A request cut by the kill was never acknowledged: it may or may not be in the database, both are fine.
    req.on("error", () => resolve(null));
    req.end(body);
  });
}

test("acknowledged check-ins survive SIGKILL of the server, three times over", async () => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-durability-"));
  try {
    const file = path.join(dir, "kawan.db");
    // A consistent copy of the e2e server's seeded database, taken while it runs.
    const source = new Database(path.join(process.cwd(), ".e2e", "data", "kawan.db"), { readonly: true });
    await source.backup(file);
    source.close();
    const people = await insertRushEmployees(file, ROUNDS * PER_ROUND, Date.now());

    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const server = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
      await server.ready();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
      const acknowledged = new Map<number, number>();
      const batch = people.slice(round * PER_ROUND, (round + 1) * PER_ROUND);
      let next = 0;
      let killed = false;
      const workers = Array.from({ length: 16 }, async () => {
        while (next < batch.length && !killed) {
          const person = batch[next++];
          const recordId = await checkIn(port, agent, person);
          if (recordId !== null) acknowledged.set(person.employeeId, recordId);
        }
      });
      // Kill once a third of the round is acknowledged: requests are in flight and a group commit is likely open.
      while (acknowledged.size < PER_ROUND / 3) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await server.crash();
      await Promise.all(workers);
      agent.destroy();
      expect(acknowledged.size).toBeGreaterThan(0);

      // Restart: the server must come up on the same file and serve again.
      const again = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
      await again.ready();
      await again.stop();

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const record = db.prepare("select id, employee_id as employeeId from attendance_records where request_key = ?");
        const audit = db.prepare("select count(*) as n from audit_log where entity_type = 'attendance_record' and entity_id = ? and action = 'attendance.checked_in'");
        const day = db.prepare("select status from attendance_days where employee_id = ? and check_in_at is not null");
        for (const [employeeId, recordId] of acknowledged) {
          const rows = record.all(`durable-${employeeId}-0001`) as { id: number }[];
          expect(rows.map((r) => r.id)).toEqual([recordId]);
          expect((audit.get(String(recordId)) as { n: number }).n).toBe(1);
          expect((day.get(employeeId) as { status: string } | undefined)?.status).toBe("present");
        }
        // Whatever else made it in (sent but unacknowledged) is whole too: no record without its audit row or day.
        const orphans = db
          .prepare(
            `select count(*) as n from attendance_records r where r.request_key like 'durable-%' and (
               not exists (select 1 from audit_log a where a.entity_type = 'attendance_record' and a.entity_id = cast(r.id as text))
               or not exists (select 1 from attendance_days d where d.employee_id = r.employee_id and d.local_date = r.local_date))`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
      } finally {
        db.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
