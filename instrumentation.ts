// Runs once when the server starts: bring the database schema up to date before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, migrateDatabase } = await import("./db");
  migrateDatabase(getDb());
  // Each agency's root CA exists from first start, so its certificate can be handed out before anyone enrols.
  const { ensureAllAgencyAuthorities } = await import("./lib/signing/authority");
  await ensureAllAgencyAuthorities(getDb());
  // Deadline reminders for dispositions: a periodic sweep inside the server, no separate scheduler to run.
  const { startDeadlineSweep } = await import("./lib/incoming/deadline-sweep");
  startDeadlineSweep(getDb());
  // Attendance days close at night: whoever never checked in becomes TK, a missing check-out PSW4.
  const { startAttendanceDayClosing } = await import("./lib/attendance/close-days");
  startAttendanceDayClosing(getDb());
  // E-mail (only when SMTP_URL is set): queued mails are sent every minute, daily digests at each person's hour.
  (await import("./lib/notifications/email/send-sweep")).startEmailSendSweep(getDb());
  (await import("./lib/notifications/email/digest")).startEmailDigest(getDb());
  // Web push: sent at once after each notification commits; this sweep retries failures every minute. The VAPID
  // keys are made now if missing, so the first opt-in finds them.
  (await import("./lib/notifications/push/vapid")).vapidKeys();
  (await import("./lib/notifications/push/send-sweep")).startPushSendSweep(getDb());
}
