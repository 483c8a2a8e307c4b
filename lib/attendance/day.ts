import type { AttendanceRequestKind, DayStatus, LeaveType, WorkMode } from "@/db/schema";
import { startOfLocalDay } from "@/lib/time";
import { bucketOf, toBasisPoints, type Bucket } from "./buckets";
import type { ScheduleDay } from "./schedule";

// The attendance of one employee on one local date, computed from everything that decides it. Pure: the same
// inputs give the same day, so recomputing after any change is safe (lib/attendance/recompute.ts writes it).

export type DayRequest = {
  id: number;
  kind: AttendanceRequestKind;
  leaveType: LeaveType | null;
  correctedCheckInMinute: number | null;
  correctedCheckOutMinute: number | null;
};

export type DayRecord = { kind: "in" | "out"; recordedAt: Date; mode: WorkMode; flagged: boolean };

export type DayInput = {
  date: string;
  timeZone: string;
  /** The schedule's hours for this weekday; null for a day off. */
  workday: ScheduleDay | null;
  graceMinutes: number;
  /** When the day closes for check-outs (the schedule's check-out window), minutes of the day. */
  checkOutClosesMinute: number;
  holiday: boolean;
  /** Approved requests covering the date (a correction applies to its startDate only). */
  requests: readonly DayRequest[];
  records: readonly DayRecord[];
  lateBuckets: readonly Bucket[];
  earlyLeaveBuckets: readonly Bucket[];
  absentDeductionPercent: number;
  now: Date;
};

export type ComputedDay = {
  status: DayStatus;
  mode: WorkMode | null;
  scheduledStartMinute: number | null;
  scheduledEndMinute: number | null;
  checkInAt: Date | null;
  checkOutAt: Date | null;
  workedMinutes: number;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  lateBucket: number;
  earlyLeaveBucket: number;
  deductionBasisPoints: number;
  requestId: number | null;
  leaveType: LeaveType | null;
  anomalyCount: number;
};

/** Requests that excuse the whole day, and the status they give it. */
const EXCUSING: Partial<Record<AttendanceRequestKind, DayStatus>> = {
  cuti: "leave",
  izin: "permit",
  sakit: "sick",
  dinas_luar: "duty",
  tugas_kedinasan: "duty",
  tugas_belajar: "duty",
};
const PLAN_MODES: Partial<Record<AttendanceRequestKind, WorkMode>> = { wfh: "wfh", wfa: "wfa", dinas_luar: "dinas_luar", tugas_kedinasan: "tugas_kedinasan" };

const MINUTE = 60_000;
const wholeMinutes = (ms: number) => Math.max(0, Math.floor(ms / MINUTE));

export function computeAttendanceDay(input: DayInput): ComputedDay {
  const { workday } = input;
  const midnight = startOfLocalDay(input.date, input.timeZone).getTime();
  const at = (minute: number) => new Date(midnight + minute * MINUTE);
  const correction = input.requests.find((r) => r.kind === "koreksi") ?? null;
  const excusing = input.requests.find((r) => EXCUSING[r.kind]) ?? null;
  const plan = input.requests.find((r) => PLAN_MODES[r.kind]) ?? null;

  const ins = input.records.filter((r) => r.kind === "in");
  const outs = input.records.filter((r) => r.kind === "out");
  let checkInAt = ins.length ? ins.reduce((a, b) => (a.recordedAt <= b.recordedAt ? a : b)).recordedAt : null;
  let checkOutAt = outs.length ? outs.reduce((a, b) => (a.recordedAt >= b.recordedAt ? a : b)).recordedAt : null;
  if (correction?.correctedCheckInMinute != null) checkInAt = at(correction.correctedCheckInMinute);
  if (correction?.correctedCheckOutMinute != null) checkOutAt = at(correction.correctedCheckOutMinute);
  if (checkInAt && checkOutAt && checkOutAt < checkInAt) checkOutAt = null;

  const day: ComputedDay = {
    status: "present",
    mode: plan ? PLAN_MODES[plan.kind]! : (ins[0]?.mode ?? outs[0]?.mode ?? null),
    scheduledStartMinute: workday?.startMinute ?? null,
    scheduledEndMinute: workday?.endMinute ?? null,
    checkInAt,
    checkOutAt,
    workedMinutes: checkInAt && checkOutAt ? wholeMinutes(checkOutAt.getTime() - checkInAt.getTime()) : 0,
    lateMinutes: 0,
    earlyLeaveMinutes: 0,
    lateBucket: 0,
    earlyLeaveBucket: 0,
    deductionBasisPoints: 0,
    requestId: correction?.id ?? plan?.id ?? null,
    leaveType: null,
    anomalyCount: input.records.filter((r) => r.flagged).length,
  };

  // A holiday or a day off asks nothing of anyone, whatever was requested or recorded.
  if (input.holiday || !workday) return { ...day, status: input.holiday ? "holiday" : "off", scheduledStartMinute: null, scheduledEndMinute: null };
  if (excusing) return { ...day, status: EXCUSING[excusing.kind]!, requestId: excusing.id, leaveType: excusing.leaveType, mode: PLAN_MODES[excusing.kind] ?? day.mode };

  const closed = input.now.getTime() >= at(input.checkOutClosesMinute).getTime();
  if (!checkInAt && !checkOutAt) {
    if (!closed) return { ...day, status: "upcoming" };
    return { ...day, status: "absent", deductionBasisPoints: toBasisPoints(input.absentDeductionPercent) };
  }

  const lateRaw = checkInAt ? wholeMinutes(checkInAt.getTime() - at(workday.startMinute).getTime()) : 0;
  const lateMinutes = lateRaw > input.graceMinutes ? lateRaw : 0;
  const earlyLeaveMinutes = checkOutAt ? wholeMinutes(at(workday.endMinute).getTime() - checkOutAt.getTime()) : 0;
  // A missing check-in counts as the last TL bucket, a missing check-out (once the day closed) as the last PSW one.
  const lateBucket = checkInAt ? bucketOf(lateMinutes, input.lateBuckets) : input.lateBuckets.length;
  const earlyLeaveBucket = checkOutAt ? bucketOf(earlyLeaveMinutes, input.earlyLeaveBuckets) : closed ? input.earlyLeaveBuckets.length : 0;
  const percent = (buckets: readonly Bucket[], bucket: number) => (bucket ? buckets[bucket - 1].deductionPercent : 0);
  return {
    ...day,
    lateMinutes,
    earlyLeaveMinutes,
    lateBucket,
    earlyLeaveBucket,
    deductionBasisPoints: toBasisPoints(percent(input.lateBuckets, lateBucket)) + toBasisPoints(percent(input.earlyLeaveBuckets, earlyLeaveBucket)),
  };
}
