import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ABSENCE_SANCTIONS, ABSENCE_STEPS, absenceStanding, CONSECUTIVE_DISMISSAL_DAYS, longestAbsentRun } from "@/lib/attendance/recap/absence-thresholds";

// PP 94/2021: 3 days verbal warning, 4-6 written warning, 7-10 written dissatisfaction, 11-13 / 14-16 / 17-20 pay
// cuts, 21-24 demotion, 25-27 non-managerial post, 28 a year or 10 consecutive working days dismissal.

describe("absence thresholds (PP 94/2021)", () => {
  const expected: [number, string][] = [
    [0, "none"],
    [1, "none"],
    [2, "none"],
    [3, "verbal_warning"],
    [4, "written_warning"],
    [6, "written_warning"],
    [7, "written_dissatisfaction"],
    [10, "written_dissatisfaction"],
    [11, "pay_cut_6_months"],
    [13, "pay_cut_6_months"],
    [14, "pay_cut_9_months"],
    [16, "pay_cut_9_months"],
    [17, "pay_cut_12_months"],
    [20, "pay_cut_12_months"],
    [21, "demotion"],
    [24, "demotion"],
    [25, "non_managerial_post"],
    [27, "non_managerial_post"],
    [28, "dismissal"],
    [200, "dismissal"],
  ];
  it.each(expected)("%i TK days a year reach %s", (days, sanction) => {
    expect(absenceStanding(days).sanction).toBe(sanction);
  });

  it("10 consecutive working days dismiss whatever the yearly count; 9 do not", () => {
    expect(absenceStanding(10, 10)).toMatchObject({ sanction: "dismissal", byConsecutiveDays: true, nextAtDays: null });
    expect(absenceStanding(9, 9).sanction).toBe("written_dissatisfaction");
    expect(absenceStanding(30, 12).byConsecutiveDays).toBe(false);
  });

  it("names the next step and says when it is one day away", () => {
    expect(absenceStanding(2)).toMatchObject({ nextAtDays: 3, nearNext: true, level: 0 });
    expect(absenceStanding(1)).toMatchObject({ nextAtDays: 3, nearNext: false });
    expect(absenceStanding(10)).toMatchObject({ nextAtDays: 11, nearNext: true });
    expect(absenceStanding(28)).toMatchObject({ nextAtDays: null, nearNext: false });
  });

  it("treats nonsense input as whole days from zero", () => {
    expect(absenceStanding(-4).sanction).toBe("none");
    expect(absenceStanding(3.9).sanction).toBe("verbal_warning");
    expect(absenceStanding(Number.NaN).sanction).toBe("none");
  });

  it("property: more days never lead to a milder step, and every step starts exactly at its threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(absenceStanding(lo).level).toBeLessThanOrEqual(absenceStanding(hi).level);
      }),
    );
    for (let i = 1; i < ABSENCE_STEPS.length; i++) {
      const step = ABSENCE_STEPS[i];
      expect(absenceStanding(step.fromDays).sanction).toBe(step.sanction);
      expect(absenceStanding(step.fromDays - 1).sanction).toBe(ABSENCE_STEPS[i - 1].sanction);
    }
    expect(ABSENCE_STEPS.map((s) => s.sanction)).toEqual([...ABSENCE_SANCTIONS]);
  });

  it("property: the next step's start is always above the count, and the level matches the sanction's order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), (days, run) => {
        const s = absenceStanding(days, run);
        expect(ABSENCE_SANCTIONS[s.level]).toBe(s.sanction);
        if (s.nextAtDays !== null) expect(s.nextAtDays).toBeGreaterThan(days);
        if (run >= CONSECUTIVE_DISMISSAL_DAYS) expect(s.sanction).toBe("dismissal");
      }),
    );
  });

  it("counts the longest run of absent working days", () => {
    const days = (pattern: string) => [...pattern].map((c) => ({ absent: c === "x" }));
    expect(longestAbsentRun(days(""))).toBe(0);
    expect(longestAbsentRun(days("..x..xxx.x"))).toBe(3);
    expect(longestAbsentRun(days("xxxxxxxxxx"))).toBe(10);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), (flags) => {
        const run = longestAbsentRun(flags.map((absent) => ({ absent })));
        expect(run).toBeLessThanOrEqual(flags.filter(Boolean).length);
        if (flags.some(Boolean)) expect(run).toBeGreaterThan(0);
      }),
    );
  });
});
