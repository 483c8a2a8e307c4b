import type { Db } from "@/db";
import { attendanceSites, employeeAttendanceSettings, positions, units } from "@/db/schema";
import { ensureAttendanceDefaults } from "@/lib/attendance/policy";
import { addEmployee, createFixtureOrg } from "./db";

/** Kantor Dinas Kominfo (WIB), a WITA branch office and a WIT one: coordinates of real towns, fences of 100 m. */
export const OFFICE = { latitude: -8.2192, longitude: 114.3691 };
export const BRANCH_WITA = { latitude: -8.6705, longitude: 115.2126 };
export const BRANCH_WIT = { latitude: -2.5337, longitude: 140.7181 };
export const HOME = { latitude: -8.2301, longitude: 114.3556 };

/**
 * The fixture organisation with attendance set up: the default policy and Perpres 21/2023 schedule, the dinas
 * office as a 100 m geofence in Asia/Jakarta, two branch units in Asia/Makassar and Asia/Jayapura with their own
 * offices and staff, a flexible worker with a registered home point, and the dinas staff's superior (the head).
 */
export function createAttendanceOrg(db: Db) {
  const org = createFixtureOrg(db);
  const a = org.agencyA;
  ensureAttendanceDefaults(db, a);
  const site = (name: string, unitId: number, point: { latitude: number; longitude: number }, timeZone: string) =>
    db.insert(attendanceSites).values({ agencyId: a, unitId, name, kind: "office", ...point, radiusMeters: 100, timeZone }).returning().get().id;
  const office = site("Kantor Dinas Kominfo", org.units.dinas, OFFICE, "Asia/Jakarta");
  const unit = (name: string) => db.insert(units).values({ agencyId: a, parentId: org.units.dinas, name }).returning().get().id;
  const witaUnit = unit("UPT Perwakilan Denpasar");
  const witUnit = unit("UPT Perwakilan Jayapura");
  const witaOffice = site("Kantor UPT Denpasar", witaUnit, BRANCH_WITA, "Asia/Makassar");
  const witOffice = site("Kantor UPT Jayapura", witUnit, BRANCH_WIT, "Asia/Jayapura");
  const post = (name: string, unitId: number) => db.insert(positions).values({ agencyId: a, unitId, name, superiorId: org.positions.head }).returning().get().id;
  const flexiblePost = post("Analis Kebijakan", org.units.dinas);
  const people = {
    witaStaff: addEmployee(db, a, { name: "Staf Denpasar", positionId: post("Staf UPT Denpasar", witaUnit) }),
    witStaff: addEmployee(db, a, { name: "Staf Jayapura", positionId: post("Staf UPT Jayapura", witUnit) }),
    flexible: addEmployee(db, a, { name: "Pegawai Fleksibel", positionId: flexiblePost }),
  };
  db.insert(employeeAttendanceSettings).values({ employeeId: people.flexible, flexibleWork: true, homeLatitude: HOME.latitude, homeLongitude: HOME.longitude, homeSetAt: new Date("2026-01-01T00:00:00Z") }).run();
  return { ...org, attendanceUnits: { wita: witaUnit, wit: witUnit }, sites: { office, witaOffice, witOffice }, people: { ...org.employees, ...people } };
}
