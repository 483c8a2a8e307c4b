import "server-only";
import { eq } from "drizzle-orm";
import { attendancePolicies, workSchedules } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { DEFAULT_EARLY_LEAVE_BUCKETS, DEFAULT_LATE_BUCKETS, parseBuckets, type Bucket } from "./buckets";
import { DEFAULT_REGULAR_DAYS } from "./schedule";

export type AttendancePolicy = Omit<typeof attendancePolicies.$inferSelect, "lateBuckets" | "earlyLeaveBuckets"> & {
  lateBuckets: Bucket[];
  earlyLeaveBuckets: Bucket[];
};

const defaultRow = (agencyId: number) => ({
  agencyId,
  lateBuckets: JSON.stringify(DEFAULT_LATE_BUCKETS),
  earlyLeaveBuckets: JSON.stringify(DEFAULT_EARLY_LEAVE_BUCKETS),
});

/** The agency's policy; the defaults of DOMAIN.md until the admin saves one. */
export function attendancePolicy(db: DbOrTx, agencyId: number): AttendancePolicy {
  const row = db.select().from(attendancePolicies).where(eq(attendancePolicies.agencyId, agencyId)).get();
  if (!row) {
    return {
      agencyId,
      accuracyLimitMeters: 100,
      maxClockSkewSeconds: 300,
      maxSpeedKmh: 300,
      checkOfficeNetwork: false,
      selfieRequired: false,
      lateBuckets: DEFAULT_LATE_BUCKETS,
      earlyLeaveBuckets: DEFAULT_EARLY_LEAVE_BUCKETS,
      absentDeductionPercent: 5,
      annualLeaveDays: 12,
      leaveCarryOverMaxDays: 6,
      updatedAt: new Date(0),
    };
  }
  return { ...row, lateBuckets: parseBuckets(row.lateBuckets, DEFAULT_LATE_BUCKETS), earlyLeaveBuckets: parseBuckets(row.earlyLeaveBuckets, DEFAULT_EARLY_LEAVE_BUCKETS) };
}

/** Seeds a new agency's policy row and its agency-wide Perpres 21/2023 schedule (idempotent). */
export function ensureAttendanceDefaults(db: DbOrTx, agencyId: number): void {
  db.insert(attendancePolicies).values(defaultRow(agencyId)).onConflictDoNothing().run();
  const hasSchedule = db.select({ id: workSchedules.id }).from(workSchedules).where(eq(workSchedules.agencyId, agencyId)).limit(1).get();
  if (!hasSchedule) {
    db.insert(workSchedules).values({ agencyId, unitId: null, name: "Jam kerja reguler (Perpres 21/2023)", kind: "regular", days: JSON.stringify(DEFAULT_REGULAR_DAYS) }).run();
  }
}
