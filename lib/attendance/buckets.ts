import { z } from "zod";

// Lateness (TL) and early-leave (PSW) buckets with their TPP deduction, configurable per agency. Typical buckets
// (DOMAIN.md): 1-30, 31-60, 61-90 and over 90 minutes; a missing check-in counts as TL4, a missing check-out PSW4.

export const bucketSchema = z.object({
  code: z.string().trim().min(1).max(10),
  fromMinute: z.number().int().min(1).max(1440),
  /** Inclusive; null for the open-ended last bucket. */
  toMinute: z.number().int().min(1).max(1440).nullable(),
  deductionPercent: z.number().min(0).max(100),
});
export type Bucket = z.infer<typeof bucketSchema>;

export const bucketListSchema = z
  .array(bucketSchema)
  .length(4)
  .superRefine((list, issue) => {
    for (let i = 0; i < list.length; i++) {
      const b = list[i];
      const last = i === list.length - 1;
      if (last ? b.toMinute !== null : b.toMinute === null || b.toMinute < b.fromMinute) issue.addIssue({ code: "custom", message: "presensiAdmin.policy.bucketsInvalid" });
      if (i === 0 ? b.fromMinute !== 1 : b.fromMinute !== (list[i - 1].toMinute ?? 0) + 1) issue.addIssue({ code: "custom", message: "presensiAdmin.policy.bucketsInvalid" });
    }
  });

const defaults = (prefix: string): Bucket[] => [
  { code: `${prefix}1`, fromMinute: 1, toMinute: 30, deductionPercent: 0.5 },
  { code: `${prefix}2`, fromMinute: 31, toMinute: 60, deductionPercent: 1 },
  { code: `${prefix}3`, fromMinute: 61, toMinute: 90, deductionPercent: 1.25 },
  { code: `${prefix}4`, fromMinute: 91, toMinute: null, deductionPercent: 2.5 },
];
export const DEFAULT_LATE_BUCKETS = defaults("TL");
export const DEFAULT_EARLY_LEAVE_BUCKETS = defaults("PSW");

export function parseBuckets(json: string, fallback: Bucket[]): Bucket[] {
  try {
    const parsed = bucketListSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** 0 for no minutes, else the 1-based bucket the minutes fall in (the last bucket for anything beyond). */
export function bucketOf(minutes: number, buckets: readonly Bucket[]): number {
  if (minutes <= 0) return 0;
  const index = buckets.findIndex((b) => minutes >= b.fromMinute && (b.toMinute === null || minutes <= b.toMinute));
  return index === -1 ? buckets.length : index + 1;
}

/** Percent to hundredths of a percent, so a month's sum is exact. */
export const toBasisPoints = (percent: number) => Math.round(percent * 100);
