import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { attendancePolicies } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { invalidateAgencyRules } from "../agency-rules";
import type { Ctx } from "@/lib/context";
import { bucketListSchema, type Bucket } from "../buckets";
import { attendancePolicy, type AttendancePolicy } from "../policy";
import { configurableAgency, parseInput } from "./access";
import { asRecord, formCheckbox, formNumber, formNumberOrNull } from "./form-values";
import { recomputeAffected } from "./recompute-window";

// The agency's attendance policy: evidence limits for check-ins, the TL/PSW buckets with their TPP deductions,
// the TK deduction and the annual leave rules. One row per agency, created on the first save (until then the
// defaults of lib/attendance/policy.ts apply). Changing a deduction rewrites the computed days of the window.

const intIn = (min: number, max: number, key: string) => z.number(key).int(key).min(min, key).max(max, key);

const BUCKET_VALUE = "presensiAdmin.policy.bucketValueInvalid";
const minute = z.number(BUCKET_VALUE).int(BUCKET_VALUE).min(1, BUCKET_VALUE).max(1440, BUCKET_VALUE);
/** Each value checked with our message first; then the shared rule that the four ranges follow each other. */
const bucketList = z
  .array(
    z.object({
      code: z.string(BUCKET_VALUE).trim().min(1, BUCKET_VALUE).max(10, BUCKET_VALUE),
      fromMinute: minute,
      toMinute: minute.nullable(),
      deductionPercent: z.number(BUCKET_VALUE).min(0, BUCKET_VALUE).max(100, BUCKET_VALUE),
    }),
    BUCKET_VALUE,
  )
  .length(4, "presensiAdmin.policy.bucketsInvalid")
  .pipe(bucketListSchema);

export const policyInputSchema = z.object({
  accuracyLimitMeters: intIn(10, 1000, "presensiAdmin.policy.accuracyRange"),
  maxClockSkewSeconds: intIn(30, 3600, "presensiAdmin.policy.skewRange"),
  maxSpeedKmh: intIn(50, 2000, "presensiAdmin.policy.speedRange"),
  checkOfficeNetwork: z.boolean("validation.invalid"),
  selfieRequired: z.boolean("validation.invalid"),
  lateBuckets: bucketList,
  earlyLeaveBuckets: bucketList,
  absentDeductionPercent: z.number("presensiAdmin.policy.percentRange").min(0, "presensiAdmin.policy.percentRange").max(100, "presensiAdmin.policy.percentRange"),
  annualLeaveDays: intIn(0, 30, "presensiAdmin.policy.leaveDaysRange"),
  leaveCarryOverMaxDays: intIn(0, 24, "presensiAdmin.policy.carryOverRange"),
});
export type PolicyInput = z.input<typeof policyInputSchema>;

export const BUCKET_FIELDS = ["lateBuckets", "earlyLeaveBuckets"] as const;
const CODE_PREFIX = { lateBuckets: "TL", earlyLeaveBuckets: "PSW" } as const;

/** The policy form: plain fields plus `lateBuckets.0.fromMinute`-style cells of the two bucket tables. */
export const policyForm = z.preprocess((raw) => {
  const f = asRecord(raw);
  const buckets = (field: (typeof BUCKET_FIELDS)[number]) =>
    [0, 1, 2, 3].map((i) => ({
      code: `${CODE_PREFIX[field]}${i + 1}`,
      fromMinute: formNumber(f[`${field}.${i}.fromMinute`]),
      toMinute: formNumberOrNull(f[`${field}.${i}.toMinute`]),
      deductionPercent: formNumber(f[`${field}.${i}.deductionPercent`]),
    }));
  return {
    accuracyLimitMeters: formNumber(f.accuracyLimitMeters),
    maxClockSkewSeconds: formNumber(f.maxClockSkewSeconds),
    maxSpeedKmh: formNumber(f.maxSpeedKmh),
    checkOfficeNetwork: formCheckbox(f.checkOfficeNetwork),
    selfieRequired: formCheckbox(f.selfieRequired),
    lateBuckets: buckets("lateBuckets"),
    earlyLeaveBuckets: buckets("earlyLeaveBuckets"),
    absentDeductionPercent: formNumber(f.absentDeductionPercent),
    annualLeaveDays: formNumber(f.annualLeaveDays),
    leaveCarryOverMaxDays: formNumber(f.leaveCarryOverMaxDays),
  };
}, policyInputSchema);

/** The policy in force for the admin's agency (defaults until first saved). */
export function policyForAdmin(ctx: Ctx): AttendancePolicy & { saved: boolean } {
  const agencyId = configurableAgency(ctx);
  const saved = ctx.db.select({ id: attendancePolicies.agencyId }).from(attendancePolicies).where(eq(attendancePolicies.agencyId, agencyId)).get() !== undefined;
  return { ...attendancePolicy(ctx.db, agencyId), saved };
}

/** Codes follow the table's rows (TL1..TL4, PSW1..PSW4); percentages in hundredths, as the days store them. */
const normalized = (list: readonly Bucket[], prefix: string): Bucket[] =>
  list.map((b, i) => ({ code: `${prefix}${i + 1}`, fromMinute: b.fromMinute, toMinute: b.toMinute, deductionPercent: Math.round(b.deductionPercent * 100) / 100 }));

type PolicyValues = Omit<AttendancePolicy, "agencyId" | "updatedAt">;

const snapshot = (p: PolicyValues): PolicyValues => ({
  accuracyLimitMeters: p.accuracyLimitMeters,
  maxClockSkewSeconds: p.maxClockSkewSeconds,
  maxSpeedKmh: p.maxSpeedKmh,
  checkOfficeNetwork: p.checkOfficeNetwork,
  selfieRequired: p.selfieRequired,
  lateBuckets: p.lateBuckets,
  earlyLeaveBuckets: p.earlyLeaveBuckets,
  absentDeductionPercent: p.absentDeductionPercent,
  annualLeaveDays: p.annualLeaveDays,
  leaveCarryOverMaxDays: p.leaveCarryOverMaxDays,
});

/** What computeAttendanceDay reads of the policy: only a change here rewrites days. */
const dayRulesOf = (p: PolicyValues) => JSON.stringify([p.lateBuckets, p.earlyLeaveBuckets, p.absentDeductionPercent]);

/**
 * Saves the policy (creating the row on the first save). An unchanged policy writes nothing; a change of the
 * buckets or the TK deduction recomputes every employee's days in the window within the same transaction.
 */
export function savePolicy(ctx: Ctx, input: PolicyInput): { changed: boolean; recomputedDays: number } {
  const agencyId = configurableAgency(ctx);
  const parsed = parseInput(policyInputSchema, input);
  const after: PolicyValues = {
    ...parsed,
    absentDeductionPercent: Math.round(parsed.absentDeductionPercent * 100) / 100,
    lateBuckets: normalized(parsed.lateBuckets, "TL"),
    earlyLeaveBuckets: normalized(parsed.earlyLeaveBuckets, "PSW"),
  };
  return ctx.db.transaction(
    (tx) => {
      const exists = tx.select({ id: attendancePolicies.agencyId }).from(attendancePolicies).where(eq(attendancePolicies.agencyId, agencyId)).get() !== undefined;
      const before = snapshot(attendancePolicy(tx, agencyId));
      if (exists && JSON.stringify(before) === JSON.stringify(after)) return { changed: false, recomputedDays: 0 };
      const row = { ...after, lateBuckets: JSON.stringify(after.lateBuckets), earlyLeaveBuckets: JSON.stringify(after.earlyLeaveBuckets), updatedAt: ctx.now };
      tx.insert(attendancePolicies)
        .values({ agencyId, ...row })
        .onConflictDoUpdate({ target: attendancePolicies.agencyId, set: row })
        .run();
      writeAudit(tx, ctx, { action: "attendance_policy.updated", entityType: "attendance_policy", entityId: agencyId, before: exists ? before : null, after });
      // Check-ins keep the rules cached for a few seconds: drop them so the next one reads the change.
      invalidateAgencyRules(tx, agencyId);
      const recomputedDays = dayRulesOf(before) === dayRulesOf(after) ? 0 : recomputeAffected(tx, agencyId, ctx.now);
      return { changed: true, recomputedDays };
    },
    { behavior: "immediate" },
  );
}
