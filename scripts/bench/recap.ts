/**
 * The monthly recap of a 2,000-employee unit, in-process on the real lib: the previous full month of check-ins
 * and check-outs (Perpres 21/2023 schedule, weekdays, some late, some early, a few absent) bulk-loaded, then
 * - the first recap of the month, which computes every employee-day nobody had computed yet (60,000 rows);
 * - the recap again, reading the computed days (what every later visit and export costs);
 * - the XLSX and the PDF export of that recap.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../db";
import { employees } from "../../db/schema";
import { monthlyRecap } from "../../lib/attendance/recap/monthly-recap";
import { recapPdf } from "../../lib/attendance/recap/pdf";
import { recapXlsx } from "../../lib/attendance/recap/xlsx";
import { createSession, loadActor } from "../../lib/auth/sessions";
import { addDays, datesBetween, localDate, startOfLocalDay } from "../../lib/time";
import { insertRushEmployees } from "./checkin-data";
import { finishBulkLoad, openForBulkLoad, prng, seedDemoDatabase } from "./seeded-db";
import { check, elapsedMs, stats, time, type BenchRow } from "./stats";

const ZONE = "Asia/Jakarta";

export async function benchRecap(quick: boolean): Promise<{ rows: BenchRow[]; data: { employees: number; month: string; records: number; days: number } }> {
  const count = quick ? 500 : 2_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-recap-"));
  try {
    const file = path.join(dir, "kawan.db");
    seedDemoDatabase(file);
    const now = new Date();
    await insertRushEmployees(file, count, now.getTime(), { openSchedule: false });
    const today = localDate(now, ZONE);
    const month = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const dates = datesBetween(`${month}-01`, addDays(`${today.slice(0, 7)}-01`, -1));

    // A month of records for the unit, as the phones would have written them.
    const bulk = openForBulkLoad(file);
    const unit = bulk.prepare("select id, agency_id as agencyId from units where short_name = 'UJIBEBAN'").get() as { id: number; agencyId: number };
    const people = bulk.prepare("select e.id from employees e join assignments a on a.employee_id = e.id join positions p on p.id = a.position_id where p.unit_id = ?").all(unit.id) as { id: number }[];
    const insert = bulk.prepare("insert into attendance_records (agency_id, employee_id, kind, source, recorded_at, local_date, time_zone, mode, latitude, longitude, accuracy_meters, request_key, created_at) values (?, ?, ?, 'device', ?, ?, ?, 'wfo', -8.2192, 114.3691, 12, ?, ?)");
    const rand = prng(6);
    let records = 0;
    bulk.transaction(() => {
      for (const date of dates) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        const midnight = startOfLocalDay(date, ZONE).getTime();
        const end = weekday === 5 ? 990 : 960;
        for (const p of people) {
          if (rand() < 0.02) continue;
          const inAt = midnight + (450 + (rand() < 0.12 ? Math.floor(rand() * 100) : -Math.floor(rand() * 30))) * 60_000;
          const outAt = midnight + (end - (rand() < 0.05 ? Math.floor(rand() * 100) : -Math.floor(rand() * 40))) * 60_000;
          insert.run(unit.agencyId, p.id, "in", inAt, date, ZONE, `r-${p.id}-${date}-in`, inAt);
          records++;
          if (rand() < 0.98) {
            insert.run(unit.agencyId, p.id, "out", outAt, date, ZONE, `r-${p.id}-${date}-out`, outAt);
            records++;
          }
        }
      }
    })();
    finishBulkLoad(bulk);

    const db = openDatabase(file);
    try {
      const admin = db.select({ id: employees.id }).from(employees).where(eq(employees.email, "rizky.putra@banyuwangikab.go.id")).get();
      check(admin, "the demo admin is missing");
      const sessionId = db.transaction((tx) => createSession(tx, admin.id, null, { ip: "127.0.0.1", userAgent: "bench" }, now));
      const actor = loadActor(db, sessionId, now);
      check(actor, "the demo admin cannot sign in");
      const ctx = { db, actor, now, request: { ip: "127.0.0.1", userAgent: "bench" } };

      const started = process.hrtime.bigint();
      const first = monthlyRecap(ctx, { unitId: unit.id, month });
      const firstMs = elapsedMs(started);
      check(first.rows.length === count, `the recap lists ${first.rows.length} employees, expected ${count}`);
      const days = (db.$client.prepare("select count(*) as n from attendance_days where local_date between ? and ?").get(dates[0], dates[dates.length - 1]) as { n: number }).n;
      const again = stats(await time(quick ? 3 : 10, () => monthlyRecap(ctx, { unitId: unit.id, month })));
      const xlsx = stats(await time(3, () => recapXlsx(first)));
      const pdf = stats(await time(3, () => recapPdf(first)));
      const label = `${count.toLocaleString("en")}-employee unit, ${month}`;
      return {
        rows: [
          { group: "presensi", name: `Monthly recap, first view (computes the month's days): ${label}`, stats: stats([firstMs]), note: `${days.toLocaleString("en")} days computed from ${records.toLocaleString("en")} records` },
          { group: "presensi", name: `Monthly recap, later views: ${label}`, stats: again, note: "one grouped query over attendance_days" },
          { group: "presensi", name: `Monthly recap XLSX export: ${label}`, stats: xlsx, note: "exceljs, with totals and formats" },
          { group: "presensi", name: `Monthly recap PDF export: ${label}`, stats: pdf, note: "landscape A4, header on every page" },
        ],
        data: { employees: count, month, records, days },
      };
    } finally {
      db.$client.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
