import { and, gte, isNull, lte, or, type Placeholder } from "drizzle-orm";
import { assignments } from "@/db/schema";

/** SQL condition: the assignment has not ended by `today` (a local ISO date in the agency's zone). */
export const notEndedBy = (today: string | Placeholder) => or(isNull(assignments.endDate), gte(assignments.endDate, today));

/** SQL condition: the assignment is in force on `today`: started, and not ended. */
export const inForceOn = (today: string | Placeholder) => and(lte(assignments.startDate, today), notEndedBy(today));
