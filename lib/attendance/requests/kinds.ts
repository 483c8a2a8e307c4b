import type { AttendanceRequestKind, LeaveType } from "@/db/schema";

// The rules of request kinds that the form and the server share (pure module, no database).

/** Kinds that excuse whole days (the day becomes leave, permit, sick or duty). */
export const EXCUSING_KINDS: readonly AttendanceRequestKind[] = ["cuti", "izin", "sakit", "dinas_luar", "tugas_kedinasan", "tugas_belajar"];
/** Work-location plans that keep the employee working (and clocking in) elsewhere. */
export const PLAN_KINDS: readonly AttendanceRequestKind[] = ["wfh", "wfa"];
/** Only employees the head of the agency allowed flexible work may plan these. */
export const FLEXIBLE_KINDS: readonly AttendanceRequestKind[] = ["wfh", "wfa"];

/** Leave types that legally run for months (cuti besar up to 3 months, melahirkan 3 months, CLTN up to 3 years). */
export const LONG_LEAVE_TYPES: readonly LeaveType[] = ["besar", "melahirkan", "cltn"];

/** Calendar days a request may span, both ends included. */
export const MAX_RANGE_DAYS = 90;
/** The ceiling for the long leave types: CLTN is granted for at most three years. */
export const MAX_LONG_RANGE_DAYS = 3 * 366;

export const REASON_MAX = 1000;
export const NOTE_MAX = 1000;

/** A doctor's letter or another supporting scan: PDF, JPEG or PNG up to this size. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const isExcusing = (kind: AttendanceRequestKind) => EXCUSING_KINDS.includes(kind);
export const isPlan = (kind: AttendanceRequestKind) => PLAN_KINDS.includes(kind);

/** A doctor's letter is required for sick days and for sick leave (PP 11/2017 asks for a doctor's statement). */
export const needsAttachment = (kind: AttendanceRequestKind, leaveType: LeaveType | null) => kind === "sakit" || (kind === "cuti" && leaveType === "sakit");

/**
 * Whether a new request of `kind` collides with an existing pending or approved one of `other` on shared dates:
 * two excusing requests exclude each other, and a WFH/WFA plan makes no sense on a day already excused or planned.
 * An excusing request over a plan is allowed: falling ill during a WFH week is exactly what sakit is for, and the
 * day computation lets the excusing request win.
 */
export function collides(kind: AttendanceRequestKind, other: AttendanceRequestKind): boolean {
  if (kind === "koreksi" || other === "koreksi") return kind === other;
  if (isExcusing(kind)) return isExcusing(other);
  return isExcusing(other) || isPlan(other);
}

/** The catalog key naming a request: "cuti tahunan", "izin", "koreksi presensi". */
export const kindKey = (kind: AttendanceRequestKind, leaveType: LeaveType | null) =>
  kind === "cuti" && leaveType ? `pengajuan.leaveTypes.${leaveType}` : `pengajuan.kinds.${kind}`;
