import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { insertRushEmployees, OFFICE, type RushPerson } from "../scripts/bench/checkin-data";
import { AUTH_SECRET, freePort, Server } from "../scripts/bench/http";
import { callAction } from "../scripts/bench/server-actions";
import { signInEmployee } from "../scripts/bench/sessions";

// Durability: a mixed write load (check-ins through POST /api/presensi, new drafts and dispositions through their
// server actions) pours into the production server, which is killed with SIGKILL in the middle of it (nothing
// flushes, nothing cleans up), then started again. Every write the server had acknowledged must be there with its
// audit row, nothing may be half-written, and integrity_check must pass. Three rounds on the same database.
// Runs once (no browser involved), on a copy of the e2e server's seeded database.

const ROUNDS = 3;
const CHECKINS_PER_ROUND = 300;
// Kill once this many writes are acknowledged in the round: by then every kind of write is in flight.
const KILL_AFTER = 120;

type Failure = { kind: string; detail: string };

async function checkIn(base: string, person: RushPerson, requestKey: string): Promise<{ recordId: number } | { failed: string } | null> {
  try {
    const res = await fetch(`${base}/api/presensi`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie: person.cookie },
      body: JSON.stringify({ kind: "in", ...OFFICE, accuracy: 10, clientTime: Date.now(), requestKey }),
    });
    const text = await res.text();
    if (res.status === 200) return { recordId: (JSON.parse(text) as { record: { recordId: number } }).record.recordId };
    return { failed: `${res.status} ${text.slice(0, 300)}` };
  } catch {
    // Cut by the kill: never acknowledged, so it may or may not be in the database; both are fine.
    return null;
  }
}

/** The server action's answer: the id in its redirect when it succeeded, else what it said. */
async function action(base: string, cookie: string, name: string, page: string, fields: Record<string, string>, idFrom: RegExp): Promise<{ id: number } | { failed: string } | null> {
  try {
    const reply = await callAction(base, cookie, name, page, fields);
    const id = reply.redirect?.match(idFrom)?.[1];
    if (reply.status === 200 && id) return { id: Number(id) };
    return { failed: `${reply.status} ${reply.redirect ?? ""} ${JSON.stringify(reply.state)}` };
  } catch {
    return null;
  }
}

test("acknowledged check-ins, drafts and dispositions survive SIGKILL of the server, three times over", async () => {
  test.setTimeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-durability-"));
  try {
    const file = path.join(dir, "kawan.db");
    // A consistent copy of the e2e server's seeded database, taken while it runs.
    const source = new Database(path.join(process.cwd(), ".e2e", "data", "kawan.db"), { readonly: true });
    await source.backup(file);
    source.close();
    const people = await insertRushEmployees(file, ROUNDS * CHECKINS_PER_ROUND, Date.now());

    // The disposers: the holders of two posts with posts below them, each the addressee of a letter registered here
    // (the e2e seed has no letters). The drafters: four other employees.
    const setup = new Database(file);
    const posts = setup
      .prepare(
        `select p.id as positionId, p.agency_id as agencyId, p.unit_id as unitId, s.employee_id as employeeId,
                (select min(b.id) from positions b where b.superior_id = p.id and b.active = 1) as below
           from positions p join assignments s on s.position_id = p.id and s.end_date is null and s.kind = 'definitif'
          where p.active = 1 and exists (select 1 from positions b where b.superior_id = p.id and b.active = 1)
          order by p.id limit 2`,
      )
      .all() as { positionId: number; agencyId: number; unitId: number; employeeId: number; below: number }[];
    expect(posts.length).toBe(2);
    const registerLetter = setup.prepare(
      `insert into incoming_letters (agency_id, register_unit_id, agenda_number, sender_agency, letter_number, letter_date, received_date, subject, created_at)
       values (?, ?, ?, 'Badan Uji Ketahanan', ?, '2026-11-02', '2026-11-03', 'Uji ketahanan disposisi', ?) returning id`,
    );
    const addressLetter = setup.prepare("insert into incoming_letter_addressees (letter_id, position_id, created_at) values (?, ?, ?)");
    const letters = posts.map((p, i) => {
      const { id } = registerLetter.get(p.agencyId, p.unitId, `UJI/${i + 1}`, `000/${i + 1}/UJI/2026`, Date.now()) as { id: number };
      addressLetter.run(id, p.positionId, Date.now());
      return { ...p, letterId: id };
    });
    const instruction = (setup.prepare("select label from disposition_instructions where active = 1 order by sort_order limit 1").get() as { label: string }).label;
    const notaDinas = (setup.prepare("select id from document_types where code = 'ND'").get() as { id: number }).id;
    const drafterIds = (
      setup
        .prepare("select distinct s.employee_id as id from assignments s join employees e on e.id = s.employee_id where s.end_date is null and s.kind = 'definitif' and e.active = 1 and e.must_change_password = 0 order by s.employee_id limit 4")
        .all() as { id: number }[]
    ).map((r) => r.id);
    // Drafts older than the test (the seed's) are not the test's business.
    const firstDocumentId = (setup.prepare("select coalesce(max(id), 0) + 1 as id from official_documents").get() as { id: number }).id;
    const disposers = await Promise.all(letters.map(async (l) => ({ ...l, cookie: await signInEmployee(setup, l.employeeId) })));
    const drafters = await Promise.all(drafterIds.map(async (id) => ({ employeeId: id, cookie: await signInEmployee(setup, id) })));
    setup.close();

    const checkins = new Map<number, number>(); // employee -> record id
    const drafts = new Map<number, number>(); // document id -> drafter
    const dispositionNotes = new Set<string>();
    let sequence = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const server = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
      await server.ready();
      const base = server.base;
      const failures: Failure[] = [];
      let acknowledged = 0;
      let killed = false;
      const batch = people.slice(round * CHECKINS_PER_ROUND, (round + 1) * CHECKINS_PER_ROUND);
      let nextPerson = 0;
      // Each worker stops at the kill, at the first refusal (reported below), or when it runs out of work.
      const keepGoing = () => !killed && failures.length === 0;

      const checkinWorkers = Array.from({ length: 10 }, async () => {
        while (keepGoing() && nextPerson < batch.length) {
          const person = batch[nextPerson++];
          const result = await checkIn(base, person, `durable-${person.employeeId}`);
          if (result && "recordId" in result) {
            checkins.set(person.employeeId, result.recordId);
            acknowledged++;
          } else if (result && !killed) failures.push({ kind: "check-in", detail: result.failed });
        }
      });
      const draftWorkers = drafters.map(async (d) => {
        while (keepGoing()) {
          const result = await action(base, d.cookie, "createDraftAction", "/naskah/baru", { documentTypeId: String(notaDinas) }, /^\/naskah\/(\d+)\/ubah$/);
          if (result && "id" in result) {
            drafts.set(result.id, d.employeeId);
            acknowledged++;
          } else if (result && !killed) failures.push({ kind: "draft", detail: result.failed });
        }
      });
      const dispositionWorkers = disposers.map(async (d) => {
        while (keepGoing()) {
          const note = `durable-${round}-${sequence++}`;
          const fields = { letterId: String(d.letterId), toPositionIds: JSON.stringify([{ positionId: d.below }]), instructions: instruction, note, urgency: "biasa" };
          const result = await action(base, d.cookie, "disposeAction", `/surat-masuk/${d.letterId}`, fields, /^\/surat-masuk\/(\d+)\?/);
          if (result && "id" in result) {
            dispositionNotes.add(note);
            acknowledged++;
          } else if (result && !killed) failures.push({ kind: "disposition", detail: result.failed });
        }
      });
      const workers = [...checkinWorkers, ...draftWorkers, ...dispositionWorkers];
      const allDone = Promise.all(workers);
      let finished = false;
      void allDone.then(() => (finished = true));
      while (acknowledged < KILL_AFTER && failures.length === 0 && !finished) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      await server.crash();
      await allDone;
      expect(failures, `writes refused before the kill:\n${server.output.slice(-2000)}`).toEqual([]);
      expect(acknowledged).toBeGreaterThanOrEqual(KILL_AFTER);
      console.log(`round ${round + 1}: killed after ${acknowledged} acknowledged writes (so far ${checkins.size} check-ins, ${drafts.size} drafts, ${dispositionNotes.size} dispositions)`);

      // Restart: the server must come up on the same file and serve again.
      const again = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
      await again.ready();
      await again.stop();

      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.pragma("foreign_key_check")).toEqual([]);
        const record = db.prepare("select id from attendance_records where request_key = ?");
        const recordAudit = db.prepare("select count(*) as n from audit_log where entity_type = 'attendance_record' and entity_id = ? and action = 'attendance.checked_in'");
        const day = db.prepare("select status from attendance_days where employee_id = ? and check_in_at is not null");
        for (const [employeeId, recordId] of checkins) {
          expect((record.all(`durable-${employeeId}`) as { id: number }[]).map((r) => r.id)).toEqual([recordId]);
          expect((recordAudit.get(String(recordId)) as { n: number }).n).toBe(1);
          expect((day.get(employeeId) as { status: string } | undefined)?.status).toBe("present");
        }
        const draft = db.prepare("select drafter_employee_id as drafter from official_documents where id = ?");
        const draftAudit = db.prepare("select count(*) as n from audit_log where action = 'official_document.created' and entity_id = ?");
        for (const [documentId, drafter] of drafts) {
          expect((draft.get(documentId) as { drafter: number } | undefined)?.drafter).toBe(drafter);
          expect((draftAudit.get(String(documentId)) as { n: number }).n).toBe(1);
        }
        const disposition = db.prepare("select id from dispositions where note = ?");
        for (const note of dispositionNotes) expect((disposition.all(note) as unknown[]).length).toBe(1);

        // Whatever else made it in (sent but never acknowledged) is whole too: no write without its audit row.
        const orphans = db
          .prepare(
            `select
               (select count(*) from attendance_records r where r.request_key like 'durable-%' and (
                  not exists (select 1 from audit_log a where a.entity_type = 'attendance_record' and a.entity_id = cast(r.id as text))
                  or not exists (select 1 from attendance_days d where d.employee_id = r.employee_id and d.local_date = r.local_date))) as checkins,
               (select count(*) from official_documents o where o.id >= @firstDocumentId and not exists (
                  select 1 from audit_log a where a.action = 'official_document.created' and a.entity_id = cast(o.id as text))) as drafts,
               (select count(*) from dispositions d where d.note like 'durable-%' and not exists (
                  select 1 from audit_log a, json_each(a.after, '$.ids') j where a.action = 'disposition.created' and j.value = d.id)) as dispositions`,
          )
          .get({ firstDocumentId });
        expect(orphans).toEqual({ checkins: 0, drafts: 0, dispositions: 0 });
      } finally {
        db.close();
      }
    }
    // Every kind of write was acknowledged at least once over the rounds.
    expect(checkins.size).toBeGreaterThan(0);
    expect(drafts.size).toBeGreaterThan(0);
    expect(dispositionNotes.size).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
