/**
 * The benchmark's regency: one SQLite file holding what years of use by a whole regency leave, built step by
 * step and timed:
 * - the demo regency (`npm run seed`: logins, document types, classification codes, instructions);
 * - its perangkat daerah: 40 units with 20,000 employees (staff-data.ts);
 * - 500,000 sent documents with their revisions' metadata (inbox-data.ts);
 * - 200,000 incoming letters with 2,000,000 disposition rows (dispositions-data.ts);
 * - a year of attendance for everyone (attendance-year-data.ts);
 * - the full-text search index over all of it (lib/search rebuildSearchIndex).
 * `--quick` builds the same shape, 10 to 25 times smaller.
 */
import path from "node:path";
import { openDatabase } from "../../db";
import { rebuildSearchIndex } from "../../lib/search/index";
import { insertAttendanceYear } from "./attendance-year-data";
import { insertDispositionTrees, type DispositionData } from "./dispositions-data";
import { insertSentDocuments, type InboxData } from "./inbox-data";
import { databaseSize, seedDemoDatabase } from "./seeded-db";
import { insertRegencyStaff } from "./staff-data";
import { mib } from "./stats";

export const REGENCY_SIZE = {
  full: { units: 40, employees: 20_000, documents: 500_000, letters: 200_000, dispositions: 2_000_000, sekdaInbox: 20_000, attendanceDays: 365 },
  quick: { units: 40, employees: 2_000, documents: 20_000, letters: 20_000, dispositions: 200_000, sekdaInbox: 2_000, attendanceDays: 31 },
};

export type RegencyStep = { name: string; ms: number; rows: string };

export type Regency = {
  file: string;
  size: (typeof REGENCY_SIZE)["full"];
  steps: RegencyStep[];
  totalMs: number;
  databaseBytes: number;
  staff: ReturnType<typeof insertRegencyStaff>;
  inbox: InboxData;
  dispositions: DispositionData;
  attendance: ReturnType<typeof insertAttendanceYear>;
};

export function buildRegency(dir: string, quick: boolean): Regency {
  const size = quick ? REGENCY_SIZE.quick : REGENCY_SIZE.full;
  const file = path.join(dir, "kawan.db");
  const steps: RegencyStep[] = [];
  const started = Date.now();
  const step = <T>(name: string, run: () => T, rows: (result: T) => string): T => {
    const t0 = Date.now();
    const result = run();
    const ms = Date.now() - t0;
    steps.push({ name, ms, rows: rows(result) });
    console.log(`  ${name}: ${rows(result)} in ${(ms / 1000).toFixed(1)} s (${mib(databaseSize(file))})`);
    return result;
  };
  const n = (x: number) => x.toLocaleString("en");

  step("seed", () => seedDemoDatabase(file), (r) => `the demo regency (npm run seed ${(r.seedMs / 1000).toFixed(0)} s, once per bench run${r.copied ? ", copied here" : ""})`);
  const staff = step("employees", () => insertRegencyStaff(file, { units: size.units, employees: size.employees }), (r) => `${n(r.employees)} employees in ${r.units} units`);
  const inbox = step("documents", () => insertSentDocuments(file, size.documents), (r) => `${n(r.documents)} sent documents with their versions`);
  const dispositions = step(
    "letters and dispositions",
    () => insertDispositionTrees(file, { letters: size.letters, dispositions: size.dispositions, sekdaInbox: size.sekdaInbox }),
    (r) => `${n(r.letters)} letters, ${n(r.dispositions)} dispositions`,
  );
  const attendance = step("attendance", () => insertAttendanceYear(file, { days: size.attendanceDays }), (r) => `${n(r.records)} records, ${n(r.dayRows)} days of ${n(r.employees)} employees`);
  step(
    "search index",
    () => {
      const db = openDatabase(file);
      try {
        return rebuildSearchIndex(db);
      } finally {
        db.$client.pragma("wal_checkpoint(TRUNCATE)");
        db.$client.close();
      }
    },
    (r) => `${n(r.documents)} documents and ${n(r.letters)} letters indexed`,
  );
  return { file, size, steps, totalMs: Date.now() - started, databaseBytes: databaseSize(file), staff, inbox, dispositions, attendance };
}
