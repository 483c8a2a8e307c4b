/**
 * What the bulk-loaded benchmark databases share: the seeded demo regency (`npm run seed`, run once per bench
 * process and copied for each database), a deterministic PRNG, realistic office-hours timestamps and the
 * file size. inbox-data.ts and dispositions-data.ts build on these.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { check } from "./stats";

export const DEMO_PASSWORD = "Kawan2026!";
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Asia/Jakarta, the demo regency's time zone (no daylight saving). */
export const WIB = 7 * HOUR;

/** Deterministic, so two runs measure the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rand = ReturnType<typeof prng>;

export type Weighted<T> = [T, number][];

export function pick<T>(rand: Rand, weighted: Weighted<T>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1][0];
}

export const oneOf = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** The local (WIB) date of a timestamp, YYYY-MM-DD. */
export const wibDate = (t: number) => new Date(t + WIB).toISOString().slice(0, 10);

/**
 * `count` timestamps over the `spanDays` before `now`, ascending (as ids are in a real database), in office
 * hours (07:30-16:00 WIB) on working days.
 */
export function officeTimes(rand: Rand, count: number, now: number, spanDays = 730): number[] {
  const span = spanDays * DAY;
  return Array.from({ length: count }, () => {
    let day = Math.floor((now - span + rand() * span) / DAY);
    const weekday = new Date(day * DAY).getUTCDay();
    if (weekday === 0) day -= 2;
    if (weekday === 6) day -= 1;
    return Math.min(now - 60_000, day * DAY - WIB + (7.5 + rand() * 8.5) * HOUR);
  }).sort((a, b) => a - b);
}

/** `t` plus between `minHours` and `maxHours`, moved into the next office hours (07:30-16:00 WIB, Mon-Fri). */
export function laterInOffice(rand: Rand, t: number, minHours: number, maxHours: number): number {
  const at = t + (minHours + rand() * (maxHours - minHours)) * HOUR;
  let day = Math.floor((at + WIB) / DAY);
  let hour = (at + WIB - day * DAY) / HOUR;
  if (hour >= 16) {
    day += 1;
    hour = 7.5 + rand() * 1.5;
  } else if (hour < 7.5) hour = 7.5 + rand() * 1.5;
  const weekday = new Date(day * DAY).getUTCDay();
  if (weekday === 6) day += 2;
  if (weekday === 0) day += 1;
  return day * DAY - WIB + hour * HOUR;
}

const template: { dir?: string; file?: string; seedMs?: number } = {};

function removeTemplate() {
  if (template.dir) fs.rmSync(template.dir, { recursive: true, force: true });
}

/**
 * The demo regency with its logins, document types, codes and disposition instructions in `file`. The first
 * call runs `npm run seed` (about a minute) into a template file that later calls copy; the template is
 * removed when the process exits. Returns how long the seed took (once, shared by every caller).
 */
export function seedDemoDatabase(file: string): { seedMs: number; copied: boolean } {
  const copied = template.file !== undefined;
  if (!template.file) {
    template.dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-seed-"));
    process.once("exit", removeTemplate);
    const seededFile = path.join(template.dir, "seed.db");
    const started = Date.now();
    const seeded = spawnSync("npm", ["run", "--silent", "seed"], { cwd: process.cwd(), env: { ...process.env, DATABASE_PATH: seededFile }, encoding: "utf8" });
    check(seeded.status === 0, `npm run seed failed (${seeded.status}): ${seeded.stderr}${seeded.stdout}`);
    // One self-contained file: fold the WAL into it so a plain copy is the whole database.
    const db = new Database(seededFile);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    template.file = seededFile;
    template.seedMs = Date.now() - started;
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(template.file, file);
  return { seedMs: template.seedMs!, copied };
}

/** The database file and its WAL, in bytes. */
export function databaseSize(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/** A connection for a bulk load: no fsync (bench data; a crash only loses the bench), a large page cache. */
export function openForBulkLoad(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  // Foreign keys stay on, so a wrong id fails here, not in the page.
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -262144");
  return db;
}

/** Ends a bulk load: the WAL folded into the main file, so the size is the database's and the server starts clean. */
export function finishBulkLoad(db: Database.Database): void {
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}
