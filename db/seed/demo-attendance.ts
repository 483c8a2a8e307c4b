import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, attendanceRecords, attendanceSites, employeeAttendanceSettings, employees, units } from "../schema";
import { ensureAttendanceDefaults } from "../../lib/attendance/policy";
import { recomputeDays } from "../../lib/attendance/recompute";
import { DEFAULT_REGULAR_DAYS, weekdayIndex } from "../../lib/attendance/schedule";
import { addDays, localDate, startOfLocalDay } from "../../lib/time";
import { DEMO_SITES } from "./demo-sites";

export { DEMO_SITES };

// Presensi for the demo regency: the default policy and schedule, offices as geofences, two employees allowed to
// work flexibly, and three weeks of plausible history so the month calendar and the recap have something to show.


/** Flexible workers of the demo (by e-mail); they register their home point themselves. */
export const DEMO_FLEXIBLE = ["heni.handayani@banyuwangikab.go.id", "putri.wulandari@banyuwangikab.go.id"];

export function seedDemoAttendance(db: Db, now = new Date()): { sites: number; records: number; days: number } {
  const agency = db.select().from(agencies).orderBy(agencies.id).get();
  if (!agency) return { sites: 0, records: 0, days: 0 };
  ensureAttendanceDefaults(db, agency.id);
  if (db.select({ id: attendanceSites.id }).from(attendanceSites).where(eq(attendanceSites.agencyId, agency.id)).get()) return { sites: 0, records: 0, days: 0 };

  const unitId = (shortName: string) => db.select({ id: units.id }).from(units).where(and(eq(units.agencyId, agency.id), eq(units.shortName, shortName))).get()?.id ?? null;
  const sites = [
    { ...DEMO_SITES.pemkab, unitId: null },
    { ...DEMO_SITES.kominfo, unitId: unitId("DISKOMINFO") },
    { ...DEMO_SITES.dinkes, unitId: unitId("DINKES") },
  ];
  for (const s of sites) db.insert(attendanceSites).values({ agencyId: agency.id, kind: "office", timeZone: agency.timeZone, ...s }).run();

  const flexible = db.select({ id: employees.id }).from(employees).where(inArray(employees.email, DEMO_FLEXIBLE)).all();
  for (const f of flexible) db.insert(employeeAttendanceSettings).values({ employeeId: f.id, flexibleWork: true }).onConflictDoNothing().run();

  // Three weeks of history before today: most on time, some late or leaving early, a few absent.
  const people = db.select({ id: employees.id }).from(employees).where(and(eq(employees.agencyId, agency.id), eq(employees.active, true))).all();
  const today = localDate(now, agency.timeZone);
  const random = mulberry32(20261128);
  const rows: (typeof attendanceRecords.$inferInsert)[] = [];
  for (let back = 21; back >= 1; back--) {
    const date = addDays(today, -back);
    const workday = DEFAULT_REGULAR_DAYS[weekdayIndex(date)];
    if (!workday) continue;
    const midnight = startOfLocalDay(date, agency.timeZone).getTime();
    for (const p of people) {
      const roll = random();
      if (roll < 0.03) continue; // absent without a record
      const late = roll < 0.15 ? 5 + Math.floor(random() * 70) : -Math.floor(random() * 25);
      const early = random() < 0.05 ? 10 + Math.floor(random() * 50) : -Math.floor(random() * 40);
      const base = { agencyId: agency.id, employeeId: p.id, localDate: date, timeZone: agency.timeZone, mode: "wfo" as const, ...jitter(DEMO_SITES.pemkab, random), accuracyMeters: 8 + Math.round(random() * 20), distanceMeters: Math.round(random() * 60), ip: "10.10.1.20", userAgent: "demo" };
      const inAt = new Date(midnight + (workday.startMinute + late) * 60_000 + Math.floor(random() * 60_000));
      const outAt = new Date(midnight + (workday.endMinute - early) * 60_000 + Math.floor(random() * 60_000));
      rows.push({ ...base, kind: "in", recordedAt: inAt, requestKey: `demo-${p.id}-${date}-in`, createdAt: inAt });
      if (roll > 0.035) rows.push({ ...base, ...jitter(DEMO_SITES.pemkab, random), kind: "out", recordedAt: outAt, requestKey: `demo-${p.id}-${date}-out`, createdAt: outAt });
    }
  }
  const from = addDays(today, -21);
  const to = addDays(today, -1);
  const days = db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500) tx.insert(attendanceRecords).values(rows.slice(i, i + 500)).run();
    return recomputeDays(tx, { agencyId: agency.id, from, to }, now);
  });
  return { sites: sites.length, records: rows.length, days };
}

function jitter(point: { latitude: number; longitude: number }, random: () => number) {
  return { latitude: point.latitude + (random() - 0.5) * 0.0008, longitude: point.longitude + (random() - 0.5) * 0.0008 };
}

/** A small seeded generator: the demo looks the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
