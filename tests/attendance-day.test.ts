import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bucketOf, DEFAULT_EARLY_LEAVE_BUCKETS, DEFAULT_LATE_BUCKETS } from "@/lib/attendance/buckets";
import { computeAttendanceDay, type DayInput, type DayRecord } from "@/lib/attendance/day";
import { haversineMeters, nearestFence } from "@/lib/attendance/geo";
import { inNetworks, parseNetworks } from "@/lib/attendance/networks";
import { DEFAULT_RAMADAN_DAYS, DEFAULT_REGULAR_DAYS, minuteOf, scheduleFor, weekdayIndex } from "@/lib/attendance/schedule";
import { startOfLocalDay } from "@/lib/time";

const at = (date: string, hhmm: string, timeZone = "Asia/Jakarta") => new Date(startOfLocalDay(date, timeZone).getTime() + minuteOf(hhmm) * 60_000);
const record = (kind: "in" | "out", date: string, hhmm: string, timeZone = "Asia/Jakarta"): DayRecord => ({ kind, recordedAt: at(date, hhmm, timeZone), mode: "wfo", flagged: false });

function day(overrides: Partial<DayInput>): DayInput {
  const date = overrides.date ?? "2026-11-26"; // a Thursday
  return {
    date,
    timeZone: "Asia/Jakarta",
    workday: DEFAULT_REGULAR_DAYS[weekdayIndex(date)],
    graceMinutes: 0,
    checkOutClosesMinute: 1439,
    holiday: false,
    requests: [],
    records: [],
    lateBuckets: DEFAULT_LATE_BUCKETS,
    earlyLeaveBuckets: DEFAULT_EARLY_LEAVE_BUCKETS,
    absentDeductionPercent: 5,
    now: new Date("2026-12-01T00:00:00Z"),
    ...overrides,
  };
}

describe("lateness and early-leave buckets", () => {
  it.each([
    [0, 0],
    [1, 1],
    [29, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [600, 4],
  ])("%i minutes fall in bucket %i", (minutes, bucket) => {
    expect(bucketOf(minutes, DEFAULT_LATE_BUCKETS)).toBe(bucket);
  });

  it("checks in at 07.30 + n minutes land in TL buckets at the boundaries, on a Thursday in WIB", () => {
    const cases: [string, number, number][] = [
      ["07:30", 0, 0],
      ["07:59", 29, 1],
      ["08:00", 30, 1],
      ["08:01", 31, 2],
      ["08:30", 60, 2],
      ["08:31", 61, 3],
      ["09:00", 90, 3],
      ["09:01", 91, 4],
    ];
    for (const [time, minutes, bucket] of cases) {
      const d = computeAttendanceDay(day({ records: [record("in", "2026-11-26", time), record("out", "2026-11-26", "16:00")] }));
      expect([time, d.lateMinutes, d.lateBucket]).toEqual([time, minutes, bucket]);
    }
  });

  it("seconds do not count: 07.30.59 is on time", () => {
    const d = computeAttendanceDay(day({ records: [{ ...record("in", "2026-11-26", "07:30"), recordedAt: new Date(at("2026-11-26", "07:30").getTime() + 59_000) }, record("out", "2026-11-26", "16:00")] }));
    expect(d.lateBucket).toBe(0);
  });

  it("early leave counts against 16.00 Monday-Thursday and 16.30 on Friday", () => {
    const thu = computeAttendanceDay(day({ records: [record("in", "2026-11-26", "07:20"), record("out", "2026-11-26", "15:29")] }));
    expect([thu.earlyLeaveMinutes, thu.earlyLeaveBucket]).toEqual([31, 2]);
    const fri = computeAttendanceDay(day({ date: "2026-11-27", records: [record("in", "2026-11-27", "07:20"), record("out", "2026-11-27", "16:00")] }));
    expect([fri.earlyLeaveMinutes, fri.earlyLeaveBucket]).toEqual([30, 1]);
    const friOnTime = computeAttendanceDay(day({ date: "2026-11-27", records: [record("in", "2026-11-27", "07:20"), record("out", "2026-11-27", "16:30")] }));
    expect(friOnTime.earlyLeaveBucket).toBe(0);
  });

  it("grace minutes excuse small lateness but not beyond", () => {
    expect(computeAttendanceDay(day({ graceMinutes: 5, records: [record("in", "2026-11-26", "07:35"), record("out", "2026-11-26", "16:00")] })).lateBucket).toBe(0);
    const d = computeAttendanceDay(day({ graceMinutes: 5, records: [record("in", "2026-11-26", "07:36"), record("out", "2026-11-26", "16:00")] }));
    expect([d.lateMinutes, d.lateBucket]).toEqual([6, 1]);
  });

  it("a missing check-in counts as TL4 and a missing check-out as PSW4 once the day closed; neither is TK", () => {
    const noIn = computeAttendanceDay(day({ records: [record("out", "2026-11-26", "16:00")] }));
    expect([noIn.status, noIn.lateBucket, noIn.earlyLeaveBucket, noIn.deductionBasisPoints]).toEqual(["present", 4, 0, 250]);
    const noOut = computeAttendanceDay(day({ records: [record("in", "2026-11-26", "07:00")] }));
    expect([noOut.status, noOut.lateBucket, noOut.earlyLeaveBucket, noOut.deductionBasisPoints]).toEqual(["present", 0, 4, 250]);
    const none = computeAttendanceDay(day({}));
    expect([none.status, none.deductionBasisPoints]).toEqual(["absent", 500]);
  });

  it("today before the day closes is not yet absent nor PSW4", () => {
    const now = at("2026-11-26", "10:00");
    expect(computeAttendanceDay(day({ now })).status).toBe("upcoming");
    const checkedIn = computeAttendanceDay(day({ now, records: [record("in", "2026-11-26", "07:10")] }));
    expect([checkedIn.status, checkedIn.earlyLeaveBucket, checkedIn.deductionBasisPoints]).toEqual(["present", 0, 0]);
  });

  it("deductions add TL and PSW percentages exactly (0.5 % + 1.25 %)", () => {
    const d = computeAttendanceDay(day({ records: [record("in", "2026-11-26", "07:45"), record("out", "2026-11-26", "14:59")] }));
    expect([d.lateBucket, d.earlyLeaveBucket, d.deductionBasisPoints]).toEqual([1, 3, 50 + 125]);
  });

  it("property: the bucket never decreases as lateness grows, and a day's deduction stays within TL4 + PSW4", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return bucketOf(lo, DEFAULT_LATE_BUCKETS) <= bucketOf(hi, DEFAULT_LATE_BUCKETS);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 720 }), fc.integer({ min: 721, max: 1439 }), (inMinute, outMinute) => {
        const base = startOfLocalDay("2026-11-26", "Asia/Jakarta").getTime();
        const d = computeAttendanceDay(
          day({
            records: [
              { kind: "in", recordedAt: new Date(base + inMinute * 60_000), mode: "wfo", flagged: false },
              { kind: "out", recordedAt: new Date(base + outMinute * 60_000), mode: "wfo", flagged: false },
            ],
          }),
        );
        return d.deductionBasisPoints <= 500 && d.workedMinutes === outMinute - inMinute;
      }),
    );
  });
});

describe("what decides the day", () => {
  it("a holiday or weekend asks nothing; approved leave overrides a working day", () => {
    expect(computeAttendanceDay(day({ holiday: true })).status).toBe("holiday");
    expect(computeAttendanceDay(day({ date: "2026-11-28", workday: null })).status).toBe("off");
    const leave = computeAttendanceDay(day({ requests: [{ id: 7, kind: "cuti", leaveType: "tahunan", correctedCheckInMinute: null, correctedCheckOutMinute: null }] }));
    expect([leave.status, leave.deductionBasisPoints, leave.requestId, leave.leaveType]).toEqual(["leave", 0, 7, "tahunan"]);
    const sick = computeAttendanceDay(day({ requests: [{ id: 8, kind: "sakit", leaveType: null, correctedCheckInMinute: null, correctedCheckOutMinute: null }] }));
    expect(sick.status).toBe("sick");
  });

  it("a correction replaces the recorded check-in and removes the lateness", () => {
    const d = computeAttendanceDay(
      day({
        records: [record("in", "2026-11-26", "09:40"), record("out", "2026-11-26", "16:05")],
        requests: [{ id: 9, kind: "koreksi", leaveType: null, correctedCheckInMinute: minuteOf("07:25"), correctedCheckOutMinute: null }],
      }),
    );
    expect([d.lateBucket, d.checkInAt?.toISOString(), d.requestId]).toEqual([0, at("2026-11-26", "07:25").toISOString(), 9]);
  });

  it("a WFH plan sets the mode of the day", () => {
    const d = computeAttendanceDay(day({ records: [record("in", "2026-11-26", "07:20"), record("out", "2026-11-26", "16:00")], requests: [{ id: 3, kind: "wfh", leaveType: null, correctedCheckInMinute: null, correctedCheckOutMinute: null }] }));
    expect([d.status, d.mode]).toEqual(["present", "wfh"]);
  });

  it("Ramadan hours start at 08.00: 08.10 is TL1, and a Ramadan schedule wins over a unit's regular one", () => {
    const d = computeAttendanceDay(day({ workday: DEFAULT_RAMADAN_DAYS[3], records: [record("in", "2026-11-26", "08:10"), record("out", "2026-11-26", "15:00")] }));
    expect([d.lateMinutes, d.lateBucket, d.earlyLeaveBucket]).toEqual([10, 1, 0]);
    const schedules = [
      { id: 1, unitId: null, kind: "regular" as const, validFrom: null, validTo: null, active: true },
      { id: 2, unitId: 5, kind: "regular" as const, validFrom: null, validTo: null, active: true },
      { id: 3, unitId: null, kind: "ramadan" as const, validFrom: "2027-02-08", validTo: "2027-03-09", active: true },
    ];
    expect(scheduleFor(schedules, [5, 1], "2027-02-10")?.id).toBe(3);
    expect(scheduleFor(schedules, [5, 1], "2027-03-10")?.id).toBe(2);
    expect(scheduleFor(schedules, [6, 1], "2027-03-10")?.id).toBe(1);
  });

  it("the same local clock time is a different instant in WIB, WITA and WIT, and each office is on time at its own 07.30", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]) {
      const d = computeAttendanceDay(day({ timeZone: zone, records: [record("in", "2026-11-26", "07:30", zone), record("out", "2026-11-26", "16:00", zone)] }));
      expect([zone, d.lateBucket, d.earlyLeaveBucket]).toEqual([zone, 0, 0]);
    }
    // 07.30 WIB is 08.30 WITA: a WITA office checking in at that instant is 60 minutes late.
    const witaLate = computeAttendanceDay(day({ timeZone: "Asia/Makassar", records: [record("in", "2026-11-26", "07:30", "Asia/Jakarta"), record("out", "2026-11-26", "16:00", "Asia/Makassar")] }));
    expect([witaLate.lateMinutes, witaLate.lateBucket]).toEqual([60, 2]);
  });
});

describe("geometry and networks", () => {
  it("haversine is right to a metre over 100 m and picks the fence the point is inside", () => {
    // 0.0009 degrees of latitude is about 100.1 m anywhere.
    expect(haversineMeters({ latitude: -8.2192, longitude: 114.3691 }, { latitude: -8.2201, longitude: 114.3691 })).toBeCloseTo(100.1, 0);
    const fences = [
      { id: 1, latitude: -8.2192, longitude: 114.3691, radiusMeters: 50 },
      { id: 2, latitude: -8.2199, longitude: 114.3691, radiusMeters: 100 },
    ];
    expect(nearestFence({ latitude: -8.2196, longitude: 114.3691 }, fences)?.fence.id).toBe(2);
  });

  it("office networks match IPv4 and IPv6 CIDRs and reject malformed ones", () => {
    expect(inNetworks("10.20.3.4", "10.20.0.0/16")).toBe(true);
    expect(inNetworks("::ffff:10.20.3.4", "10.20.0.0/16, 192.168.1.0/24")).toBe(true);
    expect(inNetworks("10.21.0.1", "10.20.0.0/16")).toBe(false);
    expect(inNetworks("2001:db8::1", "2001:db8::/48")).toBe(true);
    expect(parseNetworks("10.0.0.0/33")).toBeNull();
    expect(parseNetworks("kantor")).toBeNull();
  });
});
