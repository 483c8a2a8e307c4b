import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, dispositions, incomingLetters } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { notifyPosition } from "@/lib/notifications/notify";
import { addDays, localDate } from "@/lib/time";

// The deadline sweep: the day before a disposition's deadline and on the day itself, whoever holds the
// receiving post is reminded, once each (the reminded_* columns). It runs periodically in the server
// (instrumentation.ts) and is idempotent, so running it twice, or in two server processes, reminds once.

const OPEN = ["unread", "read", "in_progress"] as const;

/** Nobody: the sweep acts for the system, so no holder is skipped as "the actor". */
function systemActor(agencyId: number): Actor {
  return { employeeId: 0, agencyId, sessionId: "system", nip: "", displayName: "Kawan", roles: new Set(), locale: "id", mustChangePassword: false, assignments: [], acting: null };
}

export function runDeadlineSweep(db: Db, now: Date): { reminders: number } {
  let reminders = 0;
  for (const agency of db.select({ id: agencies.id, timeZone: agencies.timeZone }).from(agencies).all()) {
    const today = localDate(now, agency.timeZone);
    const ctx: Ctx = { db, actor: systemActor(agency.id), now, request: { ip: "", userAgent: "deadline-sweep" } };
    for (const [deadline, column, kind, messageKey] of [
      [addDays(today, 1), dispositions.remindedBeforeAt, "deadline_tomorrow", "notifications.messages.deadlineTomorrow"],
      [today, dispositions.remindedOnDayAt, "deadline_today", "notifications.messages.deadlineToday"],
    ] as const) {
      // Reminder bookkeeping and notifications only: nothing a person did, so no audit row.
      reminders += db.transaction(
        (tx) => {
          const due = tx
            .select({ id: dispositions.id, toPositionId: dispositions.toPositionId, letterId: dispositions.letterId, subject: incomingLetters.subject })
            .from(dispositions)
            .innerJoin(incomingLetters, eq(incomingLetters.id, dispositions.letterId))
            .where(and(eq(incomingLetters.agencyId, agency.id), eq(dispositions.kind, "to"), eq(dispositions.deadline, deadline), inArray(dispositions.state, [...OPEN]), isNull(column)))
            .all();
          for (const d of due) {
            notifyPosition(tx, ctx, d.toPositionId, { kind, messageKey, params: { subject: d.subject }, href: `/surat-masuk/${d.letterId}` });
            tx.update(dispositions)
              .set(kind === "deadline_tomorrow" ? { remindedBeforeAt: now } : { remindedOnDayAt: now })
              .where(eq(dispositions.id, d.id))
              .run();
          }
          return due.length;
        },
        { behavior: "immediate" },
      );
    }
  }
  return { reminders };
}

/** Starts the sweep in this server process: now, then every 30 minutes. */
export function startDeadlineSweep(db: Db): void {
  const run = () => {
    try {
      runDeadlineSweep(db, new Date());
    } catch (error) {
      console.error("deadline sweep failed", error);
    }
  };
  run();
  setInterval(run, 30 * 60_000).unref();
}
