import "server-only";
import type { DbOrTx } from "@/lib/context";
import { localDate, datesBetween } from "@/lib/time";
import { assignmentSpans, dayRules, loadAgencyRules, timeZoneFor, unitChain, unitOn, type AgencyRules } from "../agency-rules";

// Which dates of a range the employee is expected at work: their schedule has hours that weekday (the schedule of
// the unit they worked in on that date, Ramadan included) and the date is no holiday or collective leave. Leave is
// counted in these days, so a week of cuti over a holiday costs four days, not five.

export function workingDates(db: DbOrTx, agencyId: number, employeeId: number, from: string, to: string, rules?: AgencyRules): string[] {
  if (to < from) return [];
  const agencyRules = rules ?? loadAgencyRules(db, agencyId, { from, to });
  const spans = assignmentSpans(db, [employeeId]).get(employeeId);
  return datesBetween(from, to).filter((date) => {
    const { workday, holidayName } = dayRules(agencyRules, unitChain(agencyRules, unitOn(spans, date)), date);
    return workday !== null && holidayName === null;
  });
}

/** The employee's local date now: in the zone of their office (WIB, WITA or WIT), else the agency's. */
export function employeeToday(db: DbOrTx, agencyId: number, employeeId: number, now: Date): string {
  // Only the offices matter here; an empty holiday range spares reading the agency's holidays.
  const rules = loadAgencyRules(db, agencyId, { from: "9999-12-31", to: "9999-12-31" });
  const spans = assignmentSpans(db, [employeeId]).get(employeeId);
  // The unit is looked up on the agency's date: a day's difference at midnight cannot move someone between offices.
  const unitId = unitOn(spans, localDate(now, rules.agencyTimeZone));
  return localDate(now, timeZoneFor(rules, unitChain(rules, unitId)));
}
