/**
 * Kawan over real HTTP on the regency database (regency.ts): one production server (`next start`), real
 * sessions, and every page people open all day, each measured twice: one request at a time (p50/p95/p99: the
 * server's answer alone) and 8 in flight (requests per second). Then the 07.30 rush on the same server, and the
 * bare baselines in the same run: a node:http + better-sqlite3 server for the check-in insert and for the inbox
 * query. The server's resident memory is sampled throughout; its peak is reported.
 *
 * Who asks: the Kepala Dinas Kominfo (the naskah leader: 5% of all documents are addressed to him), the Bupati
 * (every incoming letter is addressed to him), the Sekretaris Daerah (the disposition leader), the records clerk of
 * the Setda (the register), a staff member and a unit head of the regency's units (presensi), the agency admin
 * (the recap). The leaders sign in through Auth.js's credentials form, as a browser does (the sign-in row); the
 * crowd of the rush gets minted sessions (sessions.ts), since signing 5,000 people in would measure scrypt.
 */
import Database from "better-sqlite3";
import { LEADER_EMAIL } from "./inbox-data";
import { SEKDA_EMAIL } from "./dispositions-data";
import { rush, withBaselineServer, type RushResult } from "./checkin-rush";
import { AUTH_SECRET, freePort, Server, signIn } from "./http";
import { measurePage, type PageCase, type PageResult } from "./load";
import type { Regency } from "./regency";
import { signInMany } from "./sessions";
import { check, elapsedMs, stats, type BenchRow } from "./stats";

const REGENT_EMAIL = "ahmad.rahman@banyuwangikab.go.id";
const CLERK_EMAIL = "siti.nurhasanah@banyuwangikab.go.id";
const ADMIN_EMAIL = "rizky.putra@banyuwangikab.go.id";

export type RegencyHttpRun = {
  rows: BenchRow[];
  peakServerRssBytes: number;
  rush: { employees: number; concurrency: number; kawan: RushResult; bare: RushResult };
  pages: Record<string, PageResult & { url: string }>;
};

/** The rush can run at any hour and on any day the bench runs: every day and hour opened, no holiday today. */
function openScheduleForTheRush(file: string) {
  const db = new Database(file);
  const everyDay = JSON.stringify(Array.from({ length: 7 }, () => ({ startMinute: 450, endMinute: 960 })));
  db.prepare("update work_schedules set days = ?, check_in_opens_minute = 0, check_in_closes_minute = 1439, check_out_opens_minute = 0, check_out_closes_minute = 1439").run(everyDay);
  db.prepare("delete from holidays where date = ?").run(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
  db.close();
}

export async function benchRegencyHttp(regency: Regency, quick: boolean): Promise<RegencyHttpRun> {
  const { file } = regency;
  const latencyRuns = quick ? 20 : 100;
  const throughputRuns = quick ? 40 : 200;
  const warmup = quick ? 3 : 10;
  const concurrency = 8;
  const rushEmployees = quick ? 1_000 : 5_000;

  // Facts of the data the pages need, read before the server starts.
  const facts = (() => {
    const db = new Database(file, { readonly: true });
    try {
      const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
      const leaderDocument = one<{ id: number }>("select document_id as id from document_deliveries where position_id = ? and kind = 'to' order by delivered_at desc limit 1", regency.inbox.leaderPositionId).id;
      // A staff member of the regency's units with the most attendance history.
      const staffEmployee = one<{ id: number }>(
        `select employee_id as id from attendance_days where employee_id in (${regency.staff.staffEmployeeIds.slice(0, 200).join(",")}) group by employee_id order by count(*) desc limit 1`,
      )?.id;
      const rushCrowd = (db.prepare("select id from employees where active = 1 and id <> ? order by id desc limit ?").all(staffEmployee, rushEmployees) as { id: number }[]).map((r) => r.id);
      const now = new Date(Date.now() + 7 * 3_600_000);
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      const leaderEmployee = one<{ id: number }>("select id from employees where email = ?", LEADER_EMAIL).id;
      return { leaderDocument, leaderEmployee, staffEmployee, rushCrowd, lastMonth };
    } finally {
      db.close();
    }
  })();
  check(facts.staffEmployee, "no employee of the regency's units has attendance days");
  check(facts.rushCrowd.length === rushEmployees, `only ${facts.rushCrowd.length} employees for the rush`);
  const recapUnit = regency.staff.recapUnitId;
  const head = regency.staff.heads.find((h) => h.unitId === recapUnit) ?? regency.staff.heads[0];
  openScheduleForTheRush(file);
  const [staff, unitHead, leaderSession] = await signInMany(file, [facts.staffEmployee, head.employeeId, facts.leaderEmployee]);
  const crowd = await signInMany(file, facts.rushCrowd);

  const server = new Server(await freePort(), { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
  const memory = server.rssSampler();
  const rows: BenchRow[] = [];
  const pages: RegencyHttpRun["pages"] = {};
  try {
    await server.ready();
    const base = server.base;

    // Sign-in through the credentials form: CSRF token, POST, session cookie (scrypt by design: ~50-150 ms).
    const signInTimes: number[] = [];
    const cookies: Record<string, string> = {};
    for (const [who, email] of Object.entries({ leader: LEADER_EMAIL, sekda: SEKDA_EMAIL, regent: REGENT_EMAIL, clerk: CLERK_EMAIL, admin: ADMIN_EMAIL })) {
      const started = process.hrtime.bigint();
      cookies[who] = (await signIn(base, email, "/")).header;
      signInTimes.push(elapsedMs(started));
    }
    for (let i = 0; i < (quick ? 5 : 25); i++) {
      const started = process.hrtime.bigint();
      await signIn(base, LEADER_EMAIL, "/");
      signInTimes.push(elapsedMs(started));
    }
    rows.push({ group: "http", name: "Sign in (Auth.js credentials: CSRF, POST, session)", stats: stats(signInTimes), errors: 0, note: "scrypt password hash by design (N=2^15)" });

    const docList = ['data-testid="document-list"', 'data-testid="list-empty"'];
    const letterList = ['data-testid="letter-list"', 'data-testid="list-empty"'];
    const leaderScale = `leader with ${regency.inbox.leaderInbox.toLocaleString("en")} inbox documents of ${regency.inbox.documents.toLocaleString("en")}`;
    const sekdaScale = `Sekretaris Daerah with ${regency.dispositions.sekdaInbox.toLocaleString("en")} dispositions of ${regency.dispositions.dispositions.toLocaleString("en")}`;
    const deepInbox = Math.max(2, Math.min(50, Math.floor(regency.inbox.leaderInbox / 20)));
    const cases: PageCase[] = [
      { name: "Home (Beranda), leader", url: "/", marker: 'data-testid="home-counters"', cookie: cookies.leader, note: "pending work counters and attendance card" },
      { name: "Naskah inbox (masuk), page 1", url: "/naskah?daftar=masuk", marker: docList, cookie: cookies.leader, list: true, note: leaderScale },
      { name: `Naskah inbox (masuk), page ${deepInbox}`, url: `/naskah?daftar=masuk&halaman=${deepInbox}`, marker: docList, cookie: cookies.leader, list: true, note: leaderScale },
      { name: "Naskah inbox, filtered q=anggaran", url: "/naskah?daftar=masuk&q=anggaran", marker: docList, cookie: cookies.leader, list: true, note: leaderScale },
      { name: "Naskah tembusan", url: "/naskah?daftar=tembusan", marker: docList, cookie: cookies.leader, list: true, note: leaderScale },
      { name: "Naskah keluar (sent)", url: "/naskah?daftar=keluar", marker: docList, cookie: cookies.leader, list: true, note: "documents he signed or drafted" },
      { name: "Naskah konsep (drafts)", url: "/naskah?daftar=konsep", marker: docList, cookie: cookies.leader, list: true, note: "empty for him: the query still runs" },
      { name: "Naskah perlu paraf", url: "/naskah?daftar=paraf", marker: docList, cookie: cookies.leader, list: true, note: "empty for him: the query still runs" },
      { name: "Naskah perlu tanda tangan", url: "/naskah?daftar=tandatangan", marker: docList, cookie: cookies.leader, list: true, note: "empty for him: the query still runs" },
      { name: "Naskah detail", url: `/naskah/${facts.leaderDocument}`, marker: 'data-testid="document-status"', cookie: cookies.leader, note: "his newest inbox document, with receipts and timeline" },
      { name: "Surat masuk (Bupati), page 1", url: "/surat-masuk?daftar=masuk", marker: letterList, cookie: cookies.regent, list: true, note: `${regency.dispositions.letters.toLocaleString("en")} letters addressed to him` },
      { name: "Register surat masuk (records clerk), page 1", url: "/surat-masuk?daftar=register", marker: letterList, cookie: cookies.clerk, list: true, note: `the Setda register of ${regency.dispositions.letters.toLocaleString("en")} letters` },
      { name: "Disposition inbox, page 1", url: "/surat-masuk?daftar=disposisi", marker: letterList, cookie: cookies.sekda, list: true, note: sekdaScale },
      { name: "Disposition inbox, page 50", url: "/surat-masuk?daftar=disposisi&halaman=50", marker: letterList, cookie: cookies.sekda, list: true, note: sekdaScale },
      { name: "Dispositions sent (terkirim)", url: "/surat-masuk?daftar=terkirim", marker: letterList, cookie: cookies.sekda, list: true, note: sekdaScale },
      {
        name: `Letter with a ${regency.dispositions.bigTreeVisible}-node disposition tree`,
        url: `/surat-masuk/${regency.dispositions.bigLetterId}`,
        marker: 'data-testid="disposition-tree"',
        cookie: cookies.sekda,
        note: sekdaScale,
      },
      { name: "Search (Cari) q=anggaran, leader", url: "/cari?q=anggaran", marker: 'data-testid="search-results"', cookie: cookies.leader, note: "FTS5 over documents and letters he may open" },
      { name: "Search (Cari) q=rapat koordinasi, Sekretaris Daerah", url: "/cari?q=rapat+koordinasi", marker: 'data-testid="search-results"', cookie: cookies.sekda, note: "two words, ranked" },
      { name: "Notifications", url: "/notifikasi", marker: 'data-testid="notification-list"', cookie: cookies.sekda, note: "" },
      { name: "Presensi today (staff)", url: "/presensi", marker: 'data-testid="clock-button"', cookie: staff.cookie, note: "server clock, today's records" },
      { name: "Presensi month calendar (staff)", url: "/presensi/bulan", marker: 'data-testid="month-calendar"', cookie: staff.cookie, note: `${regency.size.attendanceDays} days of history` },
      { name: "Team today (unit head)", url: "/presensi/tim", marker: 'data-testid="team-counts"', cookie: unitHead.cookie, note: "his unit's staff and anomalies" },
      {
        name: `Monthly recap page (${facts.lastMonth}), admin`,
        url: `/presensi/rekap?unit=${recapUnit}&bulan=${facts.lastMonth}`,
        marker: 'data-testid="recap-totals"',
        cookie: cookies.admin,
        note: `unit ${recapUnit} and its sub-units, 50 employees a page`,
      },
      {
        name: `Monthly recap XLSX export (${facts.lastMonth})`,
        url: `/api/presensi/rekap?unit=${recapUnit}&bulan=${facts.lastMonth}&format=xlsx`,
        marker: "PK",
        cookie: cookies.admin,
        note: "the whole unit",
      },
    ];
    // Warm every URL in turn first (compilation of each route's chunks, JIT, page cache).
    for (let i = 0; i < warmup; i++) for (const c of cases) await fetch(base + c.url, { headers: { cookie: c.cookie }, redirect: "manual" }).then((r) => r.arrayBuffer());
    for (const c of cases) {
      const result = await measurePage(base, c, { runs: latencyRuns, warmup, concurrency, throughputRuns });
      pages[c.name] = { ...result, url: c.url };
      rows.push({
        group: "http",
        name: `GET ${c.name}`,
        stats: result.latency,
        perSecond: result.perSecond,
        errors: result.errors,
        note: `${c.note ? `${c.note}; ` : ""}${(result.htmlBytes / 1024).toFixed(0)} KiB; \`${c.url}\``,
        extra: { url: c.url, htmlBytes: result.htmlBytes, firstErrors: result.firstErrors, list: c.list ?? false },
      });
    }

    // The 07.30 rush on the same server: the crowd's check-ins, warmed with a few of them first.
    const warm = await rush(server.port, crowd.slice(0, 20), 4, (p) => p.cookie);
    check(warm.errors === 0, "warm-up check-ins failed");
    const rushConcurrency = 32;
    const kawanRush = await rush(server.port, crowd.slice(20), rushConcurrency, (p) => p.cookie);
    await server.stop();
    memory.stop();

    const db = new Database(file, { readonly: true });
    const stored = db.prepare("select count(*) as n, count(distinct employee_id) as people from attendance_records where request_key like 'rush-%'").get() as { n: number; people: number };
    const days = db
      .prepare("select count(*) as n from attendance_days d where d.check_in_at is not null and exists (select 1 from attendance_records r where r.request_key like 'rush-%' and r.employee_id = d.employee_id and r.local_date = d.local_date)")
      .get() as { n: number };
    db.close();
    check(stored.n === crowd.length && stored.people === crowd.length, `expected ${crowd.length} check-ins by as many employees, found ${stored.n} by ${stored.people}`);
    check(days.n === crowd.length, `expected ${crowd.length} computed days with a check-in, found ${days.n}`);

    const bareRush = await withBaselineServer("checkin-baseline-server.mjs", file, (port) => rush(port, crowd.slice(20), rushConcurrency, (p) => `sid=${p.sessionId}`, "bare"));
    const rushNote = (r: RushResult) => `${r.perSecond.toFixed(0)} check-ins/s, p99 ${r.stats.p99.toFixed(1)} ms, ${r.errors} errors`;
    rows.push(
      {
        group: "http",
        name: `Check-in rush: ${(crowd.length - 20).toLocaleString("en")} employees, ${rushConcurrency} in flight`,
        stats: kawanRush.stats,
        perSecond: kawanRush.perSecond,
        errors: kawanRush.errors,
        note: `${rushNote(kawanRush)}; ${(kawanRush.perSecond / bareRush.perSecond).toFixed(2)}x the bare server's rate; every check-in stored once with its computed day`,
      },
      { group: "baseline", name: "Bare node:http + better-sqlite3 check-in insert, same load", stats: bareRush.stats, perSecond: bareRush.perSecond, errors: bareRush.errors, note: rushNote(bareRush) },
    );

    // The inbox page's query without the framework, for the leader (his session row, a plain cookie).
    {
      const kawanInbox = pages["Naskah inbox (masuk), page 1"];
      const bare = await withBaselineServer("inbox-baseline-server.mjs", file, (port) =>
        measurePage(`http://127.0.0.1:${port}`, { name: "bare inbox", url: "/", marker: 'data-testid="document-list"', cookie: `sid=${leaderSession.sessionId}` }, { runs: latencyRuns, warmup, concurrency, throughputRuns }),
      );
      rows.push({
        group: "baseline",
        name: "Bare node:http + better-sqlite3 inbox page 1 (same query, bare HTML)",
        stats: bare.latency,
        perSecond: bare.perSecond,
        errors: bare.errors,
        note: `Kawan's inbox page 1 is ${(kawanInbox.latency.median / bare.latency.median).toFixed(1)}x its p50 and ${(bare.perSecond / kawanInbox.perSecond).toFixed(1)}x slower in throughput`,
      });
    }
    return { rows, peakServerRssBytes: memory.peak, rush: { employees: crowd.length - 20, concurrency: rushConcurrency, kawan: kawanRush, bare: bareRush }, pages };
  } catch (error) {
    console.error(`next start output:\n${server.output}`);
    throw error;
  } finally {
    memory.stop();
    await server.stop();
  }
}
