// Absence without valid reason (TK) and the discipline it leads to under PP 94/2021 (art. 9-11 on working hours):
// counted in working days per calendar year, or 10 working days in a row. Supervisors must see who reaches or nears
// a step, so the recap shows the step reached and how many days remain to the next.

export const ABSENCE_SANCTIONS = [
  "none",
  "verbal_warning",
  "written_warning",
  "written_dissatisfaction",
  "pay_cut_6_months",
  "pay_cut_9_months",
  "pay_cut_12_months",
  "demotion",
  "non_managerial_post",
  "dismissal",
] as const;
export type AbsenceSanction = (typeof ABSENCE_SANCTIONS)[number];

/** The first yearly TK count of each step, in order; a count belongs to the last step whose start it reached. */
export const ABSENCE_STEPS: readonly { fromDays: number; sanction: AbsenceSanction }[] = [
  { fromDays: 0, sanction: "none" },
  { fromDays: 3, sanction: "verbal_warning" },
  { fromDays: 4, sanction: "written_warning" },
  { fromDays: 7, sanction: "written_dissatisfaction" },
  { fromDays: 11, sanction: "pay_cut_6_months" },
  { fromDays: 14, sanction: "pay_cut_9_months" },
  { fromDays: 17, sanction: "pay_cut_12_months" },
  { fromDays: 21, sanction: "demotion" },
  { fromDays: 25, sanction: "non_managerial_post" },
  { fromDays: 28, sanction: "dismissal" },
];

/** Working days absent in a row that lead to dismissal whatever the yearly count. */
export const CONSECUTIVE_DISMISSAL_DAYS = 10;

/** How close to the next step counts as "nearing" it (the supervisor should talk to the employee now). */
export const NEAR_WITHIN_DAYS = 1;

export type AbsenceStanding = {
  sanction: AbsenceSanction;
  /** 0 for none, 1..9 in order of severity. */
  level: number;
  /** Yearly TK days at which the next step starts; null at dismissal. */
  nextAtDays: number | null;
  /** The next step is NEAR_WITHIN_DAYS away or closer. */
  nearNext: boolean;
  /** The dismissal came from the run of consecutive days, not the yearly count. */
  byConsecutiveDays: boolean;
};

/**
 * The PP 94/2021 step reached by `daysThisYear` TK working days in the calendar year, and by the longest run of
 * consecutive TK working days. Negative or fractional input is treated as whole days from zero.
 */
export function absenceStanding(daysThisYear: number, longestRunDays = 0): AbsenceStanding {
  const days = Math.max(0, Math.floor(Number.isFinite(daysThisYear) ? daysThisYear : 0));
  const run = Math.max(0, Math.floor(Number.isFinite(longestRunDays) ? longestRunDays : 0));
  let index = 0;
  for (let i = 0; i < ABSENCE_STEPS.length; i++) if (days >= ABSENCE_STEPS[i].fromDays) index = i;
  const byRun = run >= CONSECUTIVE_DISMISSAL_DAYS;
  if (byRun) index = ABSENCE_STEPS.length - 1;
  const next = ABSENCE_STEPS[index + 1] ?? null;
  return {
    sanction: ABSENCE_STEPS[index].sanction,
    level: index,
    nextAtDays: next ? next.fromDays : null,
    nearNext: next !== null && next.fromDays - days <= NEAR_WITHIN_DAYS,
    byConsecutiveDays: byRun && days < ABSENCE_STEPS[ABSENCE_STEPS.length - 1].fromDays,
  };
}

/**
 * The longest run of consecutive TK days among a date-ordered list of working days (days off and holidays left
 * out by the caller, so a weekend between two absent Fridays and Mondays does not break the run).
 */
export function longestAbsentRun(workingDays: readonly { absent: boolean }[]): number {
  let best = 0;
  let run = 0;
  for (const day of workingDays) {
    run = day.absent ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
