/**
 * Signed-in sessions without the sign-in form: a user_sessions row, as the credentials sign-in creates, and the
 * Auth.js session cookie minted with the server's secret, as the sign-in response would set. Signing thousands
 * of people in over HTTP would measure scrypt (50 ms each by design), not what the benchmark or test is about.
 */
import { randomBytes } from "node:crypto";
import BetterSqlite from "better-sqlite3";
import type Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { AUTH_SECRET } from "./http";

const SESSION_COOKIE = "authjs.session-token";
const TWELVE_HOURS = 12 * 3_600_000;

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/** The Cookie header value for a server-side session id. */
export async function sessionCookie(sessionId: string): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: { sid: sessionId, sub: sessionId }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 12 * 3600 })}`;
}

/** Signs an existing employee in on their current own post (definitif assignment), for 12 hours from `now`. */
export async function signInEmployee(db: Database.Database, employeeId: number, now = Date.now()): Promise<string> {
  const assignment = db
    .prepare("select id from assignments where employee_id = ? and end_date is null order by case kind when 'definitif' then 0 else 1 end, id limit 1")
    .get(employeeId) as { id: number } | undefined;
  const sessionId = newSessionId();
  db.prepare("insert into user_sessions (id, employee_id, acting_assignment_id, ip, user_agent, created_at, expires_at) values (?, ?, ?, '127.0.0.1', 'bench', ?, ?)").run(
    sessionId,
    employeeId,
    assignment?.id ?? null,
    now,
    now + TWELVE_HOURS,
  );
  return sessionCookie(sessionId);
}

/** Signs many employees in at once (one transaction): the check-in rush's crowd. */
export async function signInMany(file: string, employeeIds: number[], now = Date.now()): Promise<{ employeeId: number; sessionId: string; cookie: string }[]> {
  const db = new BetterSqlite(file);
  db.pragma("busy_timeout = 5000");
  const assignment = db.prepare("select id from assignments where employee_id = ? and end_date is null order by case kind when 'definitif' then 0 else 1 end, id limit 1");
  const insert = db.prepare("insert into user_sessions (id, employee_id, acting_assignment_id, ip, user_agent, created_at, expires_at) values (?, ?, ?, '127.0.0.1', 'bench', ?, ?)");
  const sessions = db.transaction(() =>
    employeeIds.map((employeeId) => {
      const sessionId = newSessionId();
      insert.run(sessionId, employeeId, (assignment.get(employeeId) as { id: number } | undefined)?.id ?? null, now, now + TWELVE_HOURS);
      return { employeeId, sessionId };
    }),
  )();
  db.close();
  return Promise.all(sessions.map(async (s) => ({ ...s, cookie: await sessionCookie(s.sessionId) })));
}
