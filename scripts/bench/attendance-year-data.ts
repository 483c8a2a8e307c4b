/**
 * A year of presensi, as real use leaves it: for every active employee of the first agency (or the given ids),
 * every date of the last `opts.days` days up to yesterday (today stays free for the check-in rush), the clock
 * records of the day and the computed attendance_days rows. ~7.3 million days and ~9.5 million records for
 * 20,000 people; bulk-inserted with better-sqlite3 directly, a transaction per ~50,000 rows, employee by employee,
 * with the two tables' secondary indexes dropped for the load and rebuilt from their own definitions after it.
 *
 * The days are what lib/attendance/recompute.ts recomputeDays would write, not an imitation of it: the same
 * agency rules (loadAgencyRules over the range), the same assignment spans, unit chain, time zone and day rules
 * per date, the same record and request selection, fed to the real pure computeAttendanceDay. The one piece
 * copied is recompute's offDay for dates before a person's first post; tests/bench-attendance-data.test.ts
 * recomputes a small run and checks that nothing changes, so a drift cannot go unnoticed.
 *
 * Records: check-in mostly 06.45-07.35 local time, check-out in the hour after the schedule's end; ~6% late
 * (TL1 most, a few TL4), ~3% leave early, ~1.5% without a check-out, ~1% absent without any record. WFO at the
 * office the employee's unit uses (its own, else the agency's), inside the fence, with accuracy and distance;
 * flags '[]', a unique request key, created_at = recorded_at. Approved requests: cuti tahunan (most people, a
 * few spells of 1-4 working days, within the 12-day allowance) and sakit (some people, 1-3 days), decided by the
 * holder of the direct superior's post; excused days carry no records.
 *
 * National holidays and cuti bersama in the range are added to the holidays table first (opts.holidays, default
 * on): they become "holiday" days, as recompute would make them. Pairs (employee, date) that already have a day
 * row or records (the seed's three weeks) get no new records or requests; their day is recomputed from what is
 * there, as recompute would.
 */
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db";
import * as schema from "@/db/schema";
import type { AttendanceRequestKind, LeaveType, WorkMode } from "@/db/schema";
import { assignmentSpans, dayRules, homeOffice, loadAgencyRules, timeZoneFor, unitChain, unitOn, type Site } from "@/lib/attendance/agency-rules";
import { computeAttendanceDay, type ComputedDay, type DayRecord, type DayRequest } from "@/lib/attendance/day";
import { haversineMeters } from "@/lib/attendance/geo";
import { addDays, datesBetween, localDate, startOfLocalDay } from "@/lib/time";
import { finishBulkLoad, HOUR, openForBulkLoad, pick, prng, type Rand, type Weighted } from "./seeded-db";

/** Rows (records + days) per transaction, roughly. */
const TX_ROWS = 50_000;
const MINUTE = 60_000;
const ABSENT_SHARE = 0.01;
const LATE_SHARE = 0.06;
const EARLY_SHARE = 0.03;
const NO_CHECKOUT_SHARE = 0.015;
const ANNUAL_LEAVE_SHARE = 0.8;
const SICK_SHARE = 0.3;

/** Libur nasional and cuti bersama (SKB 3 Menteri) of 2025-2026. */
const HOLIDAYS: [date: string, name: string, kind: "national" | "collective_leave"][] = [
  ["2025-01-01", "Tahun Baru 2025 Masehi", "national"],
  ["2025-01-27", "Isra Mikraj Nabi Muhammad SAW", "national"],
  ["2025-01-28", "Cuti bersama Tahun Baru Imlek", "collective_leave"],
  ["2025-01-29", "Tahun Baru Imlek 2576 Kongzili", "national"],
  ["2025-03-28", "Cuti bersama Hari Suci Nyepi", "collective_leave"],
  ["2025-03-29", "Hari Suci Nyepi Tahun Baru Saka 1947", "national"],
  ["2025-03-31", "Idul Fitri 1446 Hijriah", "national"],
  ["2025-04-01", "Idul Fitri 1446 Hijriah", "national"],
  ["2025-04-02", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2025-04-03", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2025-04-04", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2025-04-07", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2025-04-18", "Wafat Yesus Kristus", "national"],
  ["2025-05-01", "Hari Buruh Internasional", "national"],
  ["2025-05-12", "Hari Raya Waisak 2569 BE", "national"],
  ["2025-05-13", "Cuti bersama Hari Raya Waisak", "collective_leave"],
  ["2025-05-29", "Kenaikan Yesus Kristus", "national"],
  ["2025-05-30", "Cuti bersama Kenaikan Yesus Kristus", "collective_leave"],
  ["2025-06-01", "Hari Lahir Pancasila", "national"],
  ["2025-06-06", "Idul Adha 1446 Hijriah", "national"],
  ["2025-06-09", "Cuti bersama Idul Adha", "collective_leave"],
  ["2025-06-27", "Tahun Baru Islam 1447 Hijriah", "national"],
  ["2025-08-17", "Hari Kemerdekaan Republik Indonesia", "national"],
  ["2025-08-18", "Cuti bersama Hari Kemerdekaan", "collective_leave"],
  ["2025-09-05", "Maulid Nabi Muhammad SAW", "national"],
  ["2025-12-25", "Hari Raya Natal", "national"],
  ["2025-12-26", "Cuti bersama Hari Raya Natal", "collective_leave"],
  ["2026-01-01", "Tahun Baru 2026 Masehi", "national"],
  ["2026-01-16", "Isra Mikraj Nabi Muhammad SAW", "national"],
  ["2026-02-16", "Cuti bersama Tahun Baru Imlek", "collective_leave"],
  ["2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "national"],
  ["2026-03-18", "Cuti bersama Hari Suci Nyepi", "collective_leave"],
  ["2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948", "national"],
  ["2026-03-20", "Idul Fitri 1447 Hijriah", "national"],
  ["2026-03-23", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2026-03-24", "Cuti bersama Idul Fitri", "collective_leave"],
  ["2026-04-03", "Wafat Yesus Kristus", "national"],
  ["2026-05-01", "Hari Buruh Internasional", "national"],
  ["2026-05-14", "Kenaikan Yesus Kristus", "national"],
  ["2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", "collective_leave"],
  ["2026-05-27", "Idul Adha 1447 Hijriah", "national"],
  ["2026-05-28", "Cuti bersama Idul Adha", "collective_leave"],
  ["2026-05-31", "Hari Raya Waisak 2570 BE", "national"],
  ["2026-06-01", "Hari Lahir Pancasila", "national"],
  ["2026-06-16", "Tahun Baru Islam 1448 Hijriah", "national"],
  ["2026-08-17", "Hari Kemerdekaan Republik Indonesia", "national"],
  ["2026-08-25", "Maulid Nabi Muhammad SAW", "national"],
  ["2026-12-24", "Cuti bersama Hari Raya Natal", "collective_leave"],
  ["2026-12-25", "Hari Raya Natal", "national"],
];

const SICK_REASONS = ["Demam dan flu", "Sakit gigi", "Gangguan pencernaan", "Kontrol ke dokter dan istirahat", "Tifus, rawat jalan"];
const LEAVE_REASONS = ["Keperluan keluarga", "Pernikahan saudara", "Mudik ke kampung halaman", "Mengantar anak masuk sekolah", "Istirahat"];
const USER_AGENTS = [
  "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Linux; Android 14; CPH2591) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
];

export type AttendanceYearData = {
  employees: number;
  /** Dates per employee (the range's length). */
  days: number;
  from: string;
  to: string;
  records: number;
  dayRows: number;
  requests: number;
  holidays: number;
  statuses: Record<string, number>;
  /** Of insertMs, building the attendance tables' secondary indexes after the load. */
  indexMs: number;
  insertMs: number;
};

type Options = { days: number; employeeIds?: number[]; holidays?: boolean };

type NewRecord = { kind: "in" | "out"; recordedAt: number; site: Site | null; timeZone: string; date: string };
type RequestRow = DayRequest & { employeeId: number; startDate: string; endDate: string };

export function insertAttendanceYear(file: string, opts: Options, now = Date.now()): AttendanceYearData {
  const started = Date.now();
  const raw = openForBulkLoad(file);
  const deferred = raw
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('attendance_records', 'attendance_days') order by name`)
    .all() as { name: string; sql: string }[];
  let dropped: typeof deferred = [];
  try {
    // ~1 GB of page cache: the day table's primary key and the tables' ends stay in memory across transactions.
    raw.pragma("cache_size = -1048576");
    // Every id written is read from this database in the same load (employees, units, sites, requests just
    // inserted): the foreign-key lookups would cost a quarter of the load and find nothing. The vitest runs
    // PRAGMA foreign_key_check on a small load instead.
    raw.pragma("foreign_keys = OFF");
    const db = drizzle(raw, { schema }) as unknown as Db;
    const rand = prng(20261201);
    const agency = raw.prepare("select id, time_zone as timeZone from agencies order by id limit 1").get() as { id: number; timeZone: string };
    const today = localDate(new Date(now), agency.timeZone);
    const from = addDays(today, -opts.days);
    const to = addDays(today, -1);
    const dates = datesBetween(from, to);

    let holidays = 0;
    if (opts.holidays !== false) {
      const insertHoliday = raw.prepare("insert into holidays (agency_id, date, name, kind, created_at) values (?, ?, ?, ?, ?) on conflict do nothing");
      for (const [date, name, kind] of HOLIDAYS) if (date >= from && date <= to) holidays += insertHoliday.run(agency.id, date, name, kind, now).changes;
    }
    // What recomputeDays loads by default for the same scope.
    const rules = loadAgencyRules(db, agency.id, { from, to });
    const ids =
      opts.employeeIds ??
      (raw.prepare("select id from employees where agency_id = ? and active = 1 order by id").all(agency.id) as { id: number }[]).map((e) => e.id);

    // Who approves whose requests: the holder of the direct superior's post (definitif, current).
    const ownPost = new Map((raw.prepare("select employee_id as e, position_id as p from assignments where kind = 'definitif' and end_date is null order by id").all() as { e: number; p: number }[]).map((a) => [a.e, a.p]));
    const superiorOf = new Map((raw.prepare("select id, superior_id as s from positions where agency_id = ?").all(agency.id) as { id: number; s: number | null }[]).map((p) => [p.id, p.s]));
    const holderOf = new Map(
      (raw.prepare("select position_id as p, employee_id as e, id from assignments where kind = 'definitif' and end_date is null order by id desc").all() as { p: number; e: number; id: number }[]).map((a) => [a.p, a]),
    );

    const existingDays = new Map<number, Set<string>>();
    for (const r of raw.prepare("select employee_id as e, local_date as d from attendance_days where agency_id = ? and local_date between ? and ?").all(agency.id, from, to) as { e: number; d: string }[]) {
      existingDays.set(r.e, (existingDays.get(r.e) ?? new Set()).add(r.d));
    }
    type OldRecord = { employeeId: number; localDate: string; kind: "in" | "out"; recordedAt: number; mode: WorkMode; flags: string; reviewState: string };
    const oldRecords = new Map<number, OldRecord[]>();
    for (const r of raw
      .prepare("select employee_id as employeeId, local_date as localDate, kind, recorded_at as recordedAt, mode, flags, review_state as reviewState from attendance_records where agency_id = ? and local_date between ? and ?")
      .all(agency.id, from, to) as OldRecord[]) {
      oldRecords.set(r.employeeId, [...(oldRecords.get(r.employeeId) ?? []), r]);
    }
    const requestsOf = raw.prepare(
      `select id, employee_id as employeeId, kind, leave_type as leaveType, start_date as startDate, end_date as endDate, corrected_check_in_minute as correctedCheckInMinute, corrected_check_out_minute as correctedCheckOutMinute
       from attendance_requests where employee_id = ? and state = 'approved' and start_date <= ? and end_date >= ?`,
    );

    const insertRecord = raw.prepare(
      `insert into attendance_records (agency_id, employee_id, kind, source, recorded_at, local_date, time_zone, mode, latitude, longitude, accuracy_meters, site_id, distance_meters,
         client_time, clock_skew_ms, ip, user_agent, reason, flags, review_state, request_key, created_at)
       values (?, ?, ?, 'device', ?, ?, ?, 'wfo', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '[]', 'none', ?, ?)`,
    );
    const insertRequest = raw.prepare(
      `insert into attendance_requests (agency_id, employee_id, kind, leave_type, start_date, end_date, working_days, reason, state, approver_position_id, decided_by_employee_id,
         decided_assignment_id, decided_at, decision_note, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?, '', ?)`,
    );
    const insertDay = raw.prepare(
      `insert into attendance_days (employee_id, local_date, agency_id, unit_id, time_zone, status, mode, scheduled_start_minute, scheduled_end_minute, check_in_at, check_out_at,
         worked_minutes, late_minutes, early_leave_minutes, late_bucket, early_leave_bucket, deduction_basis_points, request_id, leave_type, anomaly_count, computed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (employee_id, local_date) do update set unit_id = excluded.unit_id, time_zone = excluded.time_zone, status = excluded.status, mode = excluded.mode,
         scheduled_start_minute = excluded.scheduled_start_minute, scheduled_end_minute = excluded.scheduled_end_minute, check_in_at = excluded.check_in_at,
         check_out_at = excluded.check_out_at, worked_minutes = excluded.worked_minutes, late_minutes = excluded.late_minutes, early_leave_minutes = excluded.early_leave_minutes,
         late_bucket = excluded.late_bucket, early_leave_bucket = excluded.early_leave_bucket, deduction_basis_points = excluded.deduction_basis_points,
         request_id = excluded.request_id, leave_type = excluded.leave_type, anomaly_count = excluded.anomaly_count, computed_at = excluded.computed_at`,
    );

    // Per unit and date, everything recompute derives from the rules (chain, zone, schedule, holiday, office).
    type UnitDay = { timeZone: string; rules: ReturnType<typeof dayRules>; office: Site | null; midnight: number };
    const unitDays = new Map<number | null, UnitDay[]>();
    const unitDay = (unitId: number | null, i: number): UnitDay => {
      let perDate = unitDays.get(unitId);
      if (!perDate) unitDays.set(unitId, (perDate = []));
      let hit = perDate[i];
      if (!hit) {
        const chain = unitChain(rules, unitId);
        const timeZone = timeZoneFor(rules, chain);
        perDate[i] = hit = { timeZone, rules: dayRules(rules, chain, dates[i]), office: homeOffice(rules, chain), midnight: startOfLocalDay(dates[i], timeZone).getTime() };
      }
      return hit;
    };

    const stats = { records: 0, dayRows: 0, requests: 0, statuses: {} as Record<string, number> };
    const computedAt = now;
    const nowDate = new Date(now);

    /** One employee's year: requests, records and days. Returns the rows written. */
    const writeEmployee = (employeeId: number, spans: ReturnType<typeof assignmentSpans>): number => {
      const own = spans.get(employeeId);
      const unitOf = dates.map((d) => unitOn(own, d));
      const existingRecords = oldRecords.get(employeeId) ?? NONE;
      const requests: RequestRow[] = (requestsOf.all(employeeId, to, from) as RequestRow[]).map((r) => ({ ...r }));
      const taken = new Set([...existingRecords.map((r) => r.localDate), ...(existingDays.get(employeeId) ?? [])]);
      const free = (i: number) => taken.size === 0 || !taken.has(dates[i]);
      const posted = (own?.length ?? 0) > 0;
      // Someone with no post at all still works under the agency's rules (recompute counts their days); a
      // date outside a person's posts is off.
      const working = (i: number) => {
        const ud = unitDay(unitOf[i], i);
        return (unitOf[i] !== null || !posted) && ud.rules.workday !== null && ud.rules.holidayName === null;
      };

      // Leave: only for people without requests of their own in the range, on free working days.
      let rows = 0;
      const excused = new Set<number>();
      if (requests.length === 0) {
        const post = ownPost.get(employeeId);
        const superior = post === undefined ? null : (superiorOf.get(post) ?? null);
        const approver = superior === null ? null : (holderOf.get(superior) ?? null);
        const spells: { kind: AttendanceRequestKind; leaveType: LeaveType | null; length: number }[] = [];
        const scale = dates.length / 365;
        if (rand() < ANNUAL_LEAVE_SHARE * Math.min(1, scale * 4)) {
          let allowance = Math.max(1, Math.round(12 * scale * (0.4 + rand() * 0.6)));
          while (allowance > 0 && spells.length < 4) {
            const length = Math.min(allowance, 1 + Math.floor(rand() * 4));
            spells.push({ kind: "cuti", leaveType: "tahunan", length });
            allowance -= length;
          }
        }
        if (rand() < SICK_SHARE * Math.min(1, scale * 4)) spells.push({ kind: "sakit", leaveType: null, length: 1 + Math.floor(rand() * 3) });
        for (const spell of spells) {
          // A start on a free working day, then `length` working days; nothing else excused in between.
          const start = Math.floor(rand() * dates.length);
          if (!working(start) || !free(start) || excused.has(start)) continue;
          const covered: number[] = [];
          let end = start;
          for (let i = start; i < dates.length && covered.length < spell.length; i++) {
            if (!free(i) || excused.has(i)) break;
            if (working(i)) covered.push(i);
            end = i;
          }
          const createdAt = Math.min(now - HOUR, unitDay(unitOf[start], start).midnight - (spell.kind === "sakit" ? -8 * HOUR : (2 + Math.floor(rand() * 12)) * 24 * HOUR) + 9 * HOUR);
          const decidedAt = Math.min(now - HOUR, createdAt + (0.5 + rand() * 20) * HOUR);
          const { lastInsertRowid } = insertRequest.run(
            agency.id,
            employeeId,
            spell.kind,
            spell.leaveType,
            dates[start],
            dates[end],
            covered.length,
            spell.kind === "sakit" ? pickOne(rand, SICK_REASONS) : pickOne(rand, LEAVE_REASONS),
            superior,
            approver?.e ?? null,
            approver?.id ?? null,
            approver ? decidedAt : null,
            createdAt,
          );
          requests.push({ id: Number(lastInsertRowid), employeeId, kind: spell.kind, leaveType: spell.leaveType, startDate: dates[start], endDate: dates[end], correctedCheckInMinute: null, correctedCheckOutMinute: null });
          for (let i = start; i <= end; i++) excused.add(i);
          stats.requests++;
          rows++;
        }
      }

      // Records of the free working days that no request excuses.
      const records: DayRecord[][] = [];
      for (const r of existingRecords) {
        if (r.reviewState === "rejected") continue;
        const i = dates.indexOf(r.localDate);
        (records[i] ??= []).push({ kind: r.kind, recordedAt: new Date(r.recordedAt), mode: r.mode, flagged: r.flags !== "[]" && r.reviewState !== "accepted" });
      }
      const excusedByOld = (date: string) => requests.length > 0 && requests.some((q) => q.startDate <= date && q.endDate >= date && q.kind !== "koreksi");
      const ua = pickOne(rand, USER_AGENTS);
      const ip = `10.${20 + Math.floor(rand() * 40)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`;
      const punctual = rand() < 0.7;
      dates.forEach((date, i) => {
        if (!free(i) || !working(i) || excused.has(i) || excusedByOld(date)) return;
        const roll = rand();
        if (roll < ABSENT_SHARE) return;
        const ud = unitDay(unitOf[i], i);
        const workday = ud.rules.workday!;
        const lateRoll = rand();
        const inMinute =
          lateRoll < LATE_SHARE
            ? workday.startMinute + pick(rand, [[1 + rand() * 29, 70], [31 + rand() * 29, 18], [61 + rand() * 29, 7], [91 + rand() * 60, 5]] as Weighted<number>)
            : workday.startMinute - (punctual ? 5 + rand() * 40 : rand() * 20) + rand() * 0.9;
        const earlyRoll = rand();
        const outMinute =
          earlyRoll < EARLY_SHARE
            ? workday.endMinute - pick(rand, [[1 + rand() * 29, 60], [31 + rand() * 29, 25], [61 + rand() * 29, 10], [91 + rand() * 60, 5]] as Weighted<number>)
            : workday.endMinute + rand() * 60;
        const day: NewRecord[] = [{ kind: "in", recordedAt: ud.midnight + Math.floor(inMinute * MINUTE), site: ud.office, timeZone: ud.timeZone, date }];
        if (rand() >= NO_CHECKOUT_SHARE) day.push({ kind: "out", recordedAt: ud.midnight + Math.floor(outMinute * MINUTE), site: ud.office, timeZone: ud.timeZone, date });
        for (const r of day) {
          const place = near(rand, r.site);
          const skew = Math.round((rand() - 0.5) * 40_000);
          insertRecord.run(
            agency.id,
            employeeId,
            r.kind,
            r.recordedAt,
            date,
            r.timeZone,
            place.latitude,
            place.longitude,
            place.accuracy,
            r.site?.id ?? null,
            place.distance,
            r.recordedAt + skew,
            skew,
            ip,
            ua,
            `y-${date}-${r.kind}`,
            r.recordedAt,
          );
          stats.records++;
          rows++;
        }
        records[i] = day.map((r) => ({ kind: r.kind, recordedAt: new Date(r.recordedAt), mode: "wfo", flagged: false }));
      });

      // The days, exactly as recomputeDays builds them.
      const requestsNewestFirst = [...requests].sort((a, b) => b.id - a.id);
      dates.forEach((date, i) => {
        const unitId = unitOf[i];
        const ud = unitDay(unitId, i);
        const { workday, schedule, holidayName } = ud.rules;
        const dayRequests = requestsNewestFirst.length === 0 ? NONE : requestsNewestFirst.filter((r) => (r.kind === "koreksi" ? r.startDate === date : r.startDate <= date && r.endDate >= date));
        const computed = computeAttendanceDay({
          date,
          timeZone: ud.timeZone,
          workday,
          graceMinutes: schedule?.graceMinutes ?? 0,
          checkOutClosesMinute: schedule?.checkOutClosesMinute ?? 1439,
          holiday: holidayName !== null,
          requests: dayRequests,
          records: records[i] ?? NONE,
          lateBuckets: rules.policy.lateBuckets,
          earlyLeaveBuckets: rules.policy.earlyLeaveBuckets,
          absentDeductionPercent: rules.policy.absentDeductionPercent,
          now: nowDate,
        });
        const d = unitId === null && posted ? offDay(computed) : computed;
        insertDay.run(
          employeeId,
          date,
          agency.id,
          unitId,
          ud.timeZone,
          d.status,
          d.mode,
          d.scheduledStartMinute,
          d.scheduledEndMinute,
          d.checkInAt?.getTime() ?? null,
          d.checkOutAt?.getTime() ?? null,
          d.workedMinutes,
          d.lateMinutes,
          d.earlyLeaveMinutes,
          d.lateBucket,
          d.earlyLeaveBucket,
          d.deductionBasisPoints,
          d.requestId,
          d.leaveType,
          d.anomalyCount,
          computedAt,
        );
        stats.statuses[d.status] = (stats.statuses[d.status] ?? 0) + 1;
        stats.dayRows++;
        rows++;
      });
      return rows;
    };

    // The indexes are built once at the end (CREATE INDEX sorts) rather than grown row by row: measured
    // ~25% faster. Recreated from their own definitions in sqlite_master, so exactly as the migration made them.
    for (const index of deferred) raw.exec(`drop index "${index.name}"`);
    dropped = deferred;

    // Chunks of employees whose rows come to ~TX_ROWS; spans loaded per chunk as recompute does.
    const perEmployee = Math.max(1, dates.length * 2.3);
    const chunkSize = Math.max(1, Math.floor(TX_ROWS / perEmployee));
    const writeChunk = raw.transaction((chunk: number[]) => {
      const spans = assignmentSpans(db, chunk);
      for (const id of chunk) writeEmployee(id, spans);
    });
    for (let i = 0; i < ids.length; i += chunkSize) writeChunk(ids.slice(i, i + chunkSize));
    const rebuilt = recreate(raw, dropped);
    dropped = [];
    return { employees: ids.length, days: dates.length, from, to, ...stats, holidays, indexMs: rebuilt, insertMs: Date.now() - started };
  } finally {
    // After a failure too: the database keeps its indexes whatever happened.
    recreate(raw, dropped);
    finishBulkLoad(raw);
  }
}

/** Builds the dropped indexes again from their sqlite_master definitions; returns how long it took. */
function recreate(db: ReturnType<typeof openForBulkLoad>, indexes: readonly { sql: string }[]): number {
  const started = Date.now();
  for (const index of indexes) db.exec(index.sql);
  return Date.now() - started;
}

/** recompute.ts offDay: a date before the first post (or after the last) is not a working day here. */
function offDay(day: ComputedDay): ComputedDay {
  return { ...day, status: "off", scheduledStartMinute: null, scheduledEndMinute: null, lateBucket: 0, earlyLeaveBucket: 0, lateMinutes: 0, earlyLeaveMinutes: 0, deductionBasisPoints: 0 };
}

/** A phone fix inside the office's fence: a point within 70% of the radius, its distance and accuracy. */
function near(rand: Rand, site: Site | null): { latitude: number | null; longitude: number | null; accuracy: number; distance: number | null } {
  const accuracy = Math.round((4 + rand() * 26) * 10) / 10;
  if (!site) return { latitude: null, longitude: null, accuracy, distance: null };
  const r = (site.radiusMeters * 0.7 * Math.sqrt(rand())) / 111_320;
  const angle = rand() * 2 * Math.PI;
  const latitude = site.latitude + r * Math.sin(angle);
  const longitude = site.longitude + (r * Math.cos(angle)) / Math.cos((site.latitude * Math.PI) / 180);
  return { latitude, longitude, accuracy, distance: Math.round(haversineMeters(site, { latitude, longitude }) * 10) / 10 };
}

const NONE: never[] = [];
const pickOne = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
