// The baseline of the inbox page: the least a server can do to show a leader's first inbox page, with the same
// database settings as Kawan: node:http, find the session by its id in a plain cookie and its acting post, count
// the unread, read the 20 newest deliveries with their document, type and drafter post, and write them as a bare
// HTML list. No framework, no JWT, no layout, no navigation counts, no React. The ratio between Kawan's inbox page
// and this shows what everything else costs. Usage: node inbox-baseline-server.mjs <db> <port>
import http from "node:http";
import Database from "better-sqlite3";

const [file, port] = process.argv.slice(2);
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
db.pragma("cache_size = -65536");
const session = db.prepare(
  "select s.employee_id as employeeId, e.agency_id as agencyId, a.position_id as positionId from user_sessions s join employees e on e.id = s.employee_id join assignments a on a.id = s.acting_assignment_id where s.id = ? and s.expires_at > ?",
);
const unread = db.prepare("select count(*) as n from document_deliveries where position_id = ? and kind = 'to' and read_at is null");
const page = db.prepare(
  `select d.id, d.subject, d.number, d.sent_at as sentAt, t.name as type, p.name as drafter, dl.read_at as readAt
     from document_deliveries dl
     join official_documents d on d.id = dl.document_id
     join document_types t on t.id = d.document_type_id
     left join positions p on p.id = d.drafter_position_id
    where dl.position_id = ? and dl.kind = 'to' and d.agency_id = ?
    order by dl.delivered_at desc, dl.id desc limit 20`,
);
const escape = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

http
  .createServer((req, res) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
    const who = sid ? session.get(sid, Date.now()) : undefined;
    if (!who) {
      res.writeHead(401).end();
      return;
    }
    const rows = page.all(who.positionId, who.agencyId);
    const html = `<!doctype html><title>Naskah masuk</title><p>${unread.get(who.positionId).n} belum dibaca</p><ul data-testid="document-list">${rows
      .map((r) => `<li><a href="/naskah/${r.id}">${escape(r.type)} ${escape(r.number)}: ${escape(r.subject)} (${escape(r.drafter)}, ${new Date(r.sentAt).toISOString()})${r.readAt ? "" : " baru"}</a></li>`)
      .join("")}</ul>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
