// The baseline of the check-in rush: the least a server can do for a check-in, with the same database settings
// as Kawan (WAL, synchronous=FULL, busy_timeout): node:http, parse the JSON body, find the session by its id in
// a plain cookie, insert the record. No framework, no JWT, no rules, no audit row, no day recompute. The ratio
// between Kawan and this shows what everything else costs. Usage: node checkin-baseline-server.mjs <db> <port>
import http from "node:http";
import Database from "better-sqlite3";

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
const session = db.prepare("select s.employee_id as employeeId, e.agency_id as agencyId from user_sessions s join employees e on e.id = s.employee_id where s.id = ? and s.expires_at > ?");
const insert = db.prepare(
  "insert into attendance_records (agency_id, employee_id, kind, source, recorded_at, local_date, time_zone, mode, latitude, longitude, accuracy_meters, client_time, ip, user_agent, request_key, created_at) values (?, ?, ?, 'device', ?, ?, 'Asia/Jakarta', 'wfo', ?, ?, ?, ?, '', '', ?, ?)",
);

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
      const now = Date.now();
      const who = sid ? session.get(sid, now) : undefined;
      if (!who) {
        res.writeHead(401).end();
        return;
      }
      const input = JSON.parse(body);
      const localDate = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
      const id = insert.run(who.agencyId, who.employeeId, input.kind, now, localDate, input.latitude, input.longitude, input.accuracy, input.clientTime, input.requestKey, now).lastInsertRowid;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ record: { recordId: Number(id), recordedAt: new Date(now) } }));
    });
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
