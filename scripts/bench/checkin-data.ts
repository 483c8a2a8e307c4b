/**
 * The morning-rush database: the demo regency plus N employees in one large unit under the regency's office
 * geofence, each already signed in (see sessions.ts). The schedule is opened to every day and hour so the rush
 * can run whenever the bench does.
 */
import { finishBulkLoad, openForBulkLoad } from "./seeded-db";
import { newSessionId, sessionCookie } from "./sessions";
import { check } from "./stats";

export const OFFICE = { latitude: -8.2192, longitude: 114.3691 };

export type RushPerson = { employeeId: number; sessionId: string; cookie: string };

export async function insertRushEmployees(file: string, count: number, now: number, opts: { openSchedule: boolean } = { openSchedule: true }): Promise<RushPerson[]> {
  const db = openForBulkLoad(file);
  const agencyId = (db.prepare("select id from agencies order by id limit 1").get() as { id: number }).id;
  const root = db.prepare("select id from units where agency_id = ? and parent_id is null").get(agencyId) as { id: number };
  const site = db.prepare("select id from attendance_sites where agency_id = ? and unit_id is null").get(agencyId);
  check(site, "the seeded regency has no agency-wide office");
  const hash = (db.prepare("select password_hash as h from employees limit 1").get() as { h: string }).h;
  const everyDay = JSON.stringify(Array.from({ length: 7 }, () => ({ startMinute: 450, endMinute: 960 })));

  const people: { employeeId: number; sessionId: string }[] = [];
  db.transaction(() => {
    if (opts.openSchedule) {
      db.prepare("update work_schedules set days = ?, check_in_opens_minute = 0, check_in_closes_minute = 1439, check_out_opens_minute = 0, check_out_closes_minute = 1439").run(everyDay);
      db.prepare("delete from holidays").run();
    }
    const unitId = Number(db.prepare("insert into units (agency_id, parent_id, name, short_name) values (?, ?, 'Unit Uji Beban Presensi', 'UJIBEBAN')").run(agencyId, root.id).lastInsertRowid);
    const insertPosition = db.prepare("insert into positions (agency_id, unit_id, name) values (?, ?, ?)");
    const positions = Array.from({ length: 50 }, (_, i) => Number(insertPosition.run(agencyId, unitId, `Pelaksana Uji ${i + 1}`).lastInsertRowid));
    const insertEmployee = db.prepare("insert into employees (agency_id, nip, name, password_hash, must_change_password) values (?, ?, ?, ?, 0)");
    const insertAssignment = db.prepare("insert into assignments (employee_id, position_id, kind, start_date) values (?, ?, 'definitif', '2020-01-01')");
    const insertSession = db.prepare("insert into user_sessions (id, employee_id, acting_assignment_id, ip, user_agent, created_at, expires_at) values (?, ?, ?, '127.0.0.1', 'bench', ?, ?)");
    for (let i = 0; i < count; i++) {
      // 18 digits like a NIP, in a range no real NIP uses (no birth year 8xxx), so they never collide with the demo.
      const employeeId = Number(insertEmployee.run(agencyId, `8${String(i).padStart(17, "0")}`, `Pegawai Uji ${i + 1}`, hash).lastInsertRowid);
      const assignmentId = Number(insertAssignment.run(employeeId, positions[i % positions.length]).lastInsertRowid);
      const sessionId = newSessionId();
      insertSession.run(sessionId, employeeId, assignmentId, now, now + 12 * 3_600_000);
      people.push({ employeeId, sessionId });
    }
  })();
  finishBulkLoad(db);
  return Promise.all(people.map(async (p) => ({ ...p, cookie: await sessionCookie(p.sessionId) })));
}
