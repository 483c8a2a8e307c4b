/**
 * `npm run soak` (`-- --minutes 10` by default): a steady mixed load against the production server on the
 * quick regency (scripts/bench/regency.ts), to show that hours of ordinary use neither fail nor grow the
 * server's memory. Every 50 ms one operation starts (20 a second, whatever the answers take): two thirds page
 * reads by the leaders and staff (home, inbox, disposition inbox, a letter's tree, search, presensi), a quarter
 * check-ins and check-outs by a crowd of signed-in employees, the rest new drafts and dispositions through their
 * server actions. The server's resident memory (its whole process group) is sampled every second.
 *
 * Reported (printed, and bench/results/soak.{md,json}): operations and errors per minute, p50/p95/p99 per kind,
 * resident memory per minute; the verdict compares the memory of the second minute (after warm-up) with the
 * last minute.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureBuild } from "./bench/build";
import { OFFICE } from "./bench/checkin-data";
import { SEKDA_EMAIL } from "./bench/dispositions-data";
import { AUTH_SECRET, freePort, Server, signIn } from "./bench/http";
import { LEADER_EMAIL } from "./bench/inbox-data";
import { buildRegency } from "./bench/regency";
import { callAction } from "./bench/server-actions";
import { signInMany } from "./bench/sessions";
import { elapsedMs, mib, ms, stats } from "./bench/stats";

const minutesArg = process.argv.indexOf("--minutes");
const MINUTES = minutesArg > 0 ? Number(process.argv[minutesArg + 1]) : 10;
const EVERY_MS = 50;
const REGENT_EMAIL = "ahmad.rahman@banyuwangikab.go.id";

type Op = { kind: string; run: () => Promise<string | null> };
type Sample = { at: number; kind: string; ms: number; error: string | null };

async function main() {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-soak-"));
  const server = { current: undefined as Server | undefined };
  try {
    console.log("Generating the quick regency...");
    const regency = buildRegency(dir, true);
    const file = regency.file;
    const db = new Database(file);
    const everyDay = JSON.stringify(Array.from({ length: 7 }, () => ({ startMinute: 450, endMinute: 960 })));
    db.prepare("update work_schedules set days = ?, check_in_opens_minute = 0, check_in_closes_minute = 1439, check_out_opens_minute = 0, check_out_closes_minute = 1439").run(everyDay);
    db.prepare("delete from holidays where date = ?").run(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
    const instruction = (db.prepare("select label from disposition_instructions where active = 1 order by sort_order limit 1").get() as { label: string }).label;
    const notaDinas = (db.prepare("select id from document_types where code = 'ND'").get() as { id: number }).id;
    // The Bupati disposes a different recent letter each time (not one he closed without disposition), as a leader
    // clearing his tray does; one letter disposed 600 times over (an earlier version of this run) grows a tree no
    // office has, whose page the action's redirect renders each time.
    const regentLetters = (db.prepare("select letter_id as id from incoming_letter_addressees where position_id = ? and state <> 'no_disposition' order by letter_id desc limit 1000").all(regency.dispositions.regentPositionId) as { id: number }[]).map((r) => r.id);
    db.close();
    const crowd = await signInMany(file, regency.staff.staffEmployeeIds.slice(0, 2_000));
    const drafters = await signInMany(file, regency.staff.heads.slice(0, 4).map((h) => h.employeeId));

    const port = await freePort();
    const s = new Server(port, { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
    server.current = s;
    await s.ready();
    const base = s.base;
    const leader = (await signIn(base, LEADER_EMAIL, "/")).header;
    const sekda = (await signIn(base, SEKDA_EMAIL, "/")).header;
    const regent = (await signIn(base, REGENT_EMAIL, "/")).header;

    const page = (kind: string, url: string, cookie: string, marker: string): Op => ({
      kind,
      run: async () => {
        const res = await fetch(base + url, { headers: { cookie }, redirect: "manual" });
        const html = await res.text();
        return res.status === 200 && html.includes(marker) ? null : `${res.status} ${url}`;
      },
    });
    let clocks = 0;
    const clock: Op = {
      kind: "check-in/out",
      run: async () => {
        const n = clocks++;
        const person = crowd[n % crowd.length];
        const res = await fetch(`${base}/api/presensi`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, cookie: person.cookie },
          body: JSON.stringify({ kind: Math.floor(n / crowd.length) % 2 === 0 ? "in" : "out", ...OFFICE, accuracy: 10, clientTime: Date.now(), requestKey: `soak-${String(n).padStart(8, "0")}` }),
        });
        const text = await res.text();
        return res.status === 200 ? null : `${res.status} ${text.slice(0, 200)}`;
      },
    };
    let drafts = 0;
    const draft: Op = {
      kind: "new draft",
      run: async () => {
        const reply = await callAction(base, drafters[drafts++ % drafters.length].cookie, "createDraftAction", "/naskah/baru", { documentTypeId: String(notaDinas) });
        return reply.redirect?.startsWith("/naskah/") ? null : `${reply.status} ${JSON.stringify(reply.state)}`;
      },
    };
    let dispositions = 0;
    const dispose: Op = {
      kind: "disposition",
      run: async () => {
        const letter = regentLetters[dispositions % regentLetters.length];
        const reply = await callAction(base, regent, "disposeAction", `/surat-masuk/${letter}`, {
          letterId: String(letter),
          toPositionIds: JSON.stringify([{ positionId: regency.dispositions.sekdaPositionId }]),
          instructions: instruction,
          note: `soak-${dispositions++}`,
          urgency: "biasa",
        });
        return reply.redirect?.startsWith("/surat-masuk/") ? null : `${reply.status} ${JSON.stringify(reply.state)}`;
      },
    };
    // 20 slots: 13 reads, 5 clock presses, 1 draft, 1 disposition.
    const mix: Op[] = [
      page("home", "/", leader, 'data-testid="home-counters"'),
      page("naskah inbox", "/naskah?daftar=masuk", leader, 'data-testid="document-list"'),
      clock,
      page("disposition inbox", "/surat-masuk?daftar=disposisi", sekda, 'data-testid="letter-list"'),
      page("letter tree", `/surat-masuk/${regency.dispositions.bigLetterId}`, sekda, 'data-testid="disposition-tree"'),
      clock,
      page("search", "/cari?q=anggaran", leader, 'data-testid="search-results"'),
      draft,
      page("presensi", "/presensi", crowd[0].cookie, 'data-testid="clock-button"'),
      clock,
      page("naskah inbox", "/naskah?daftar=masuk&halaman=3", leader, 'data-testid="document-list"'),
      page("surat masuk", "/surat-masuk?daftar=masuk", regent, 'data-testid="letter-list"'),
      clock,
      page("home", "/", sekda, 'data-testid="home-counters"'),
      dispose,
      page("presensi month", "/presensi/bulan", crowd[1].cookie, 'data-testid="month-calendar"'),
      clock,
      page("notifications", "/notifikasi", sekda, 'data-testid="notification-list"'),
      page("search", "/cari?q=rapat+koordinasi", sekda, 'data-testid="search-results"'),
      page("disposition inbox", "/surat-masuk?daftar=disposisi&halaman=5", sekda, 'data-testid="letter-list"'),
    ];

    console.log(`Soaking for ${MINUTES} minutes at ${1000 / EVERY_MS} operations a second...`);
    const samples: Sample[] = [];
    const memory: { at: number; rss: number }[] = [];
    const started = Date.now();
    const end = started + MINUTES * 60_000;
    const inFlight = new Set<Promise<void>>();
    const memoryTimer = setInterval(() => memory.push({ at: Date.now() - started, rss: s.rssBytes().current }), 1_000);
    let slot = 0;
    let nextAt = started;
    while (Date.now() < end) {
      const op = mix[slot++ % mix.length];
      const t0 = process.hrtime.bigint();
      const at = Date.now() - started;
      const p: Promise<void> = op
        .run()
        .catch((error: unknown) => String(error))
        .then((error) => {
          samples.push({ at, kind: op.kind, ms: elapsedMs(t0), error });
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      nextAt += EVERY_MS;
      const wait = nextAt - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (slot % 1200 === 0) {
        const minute = Math.round((Date.now() - started) / 60_000);
        const failed = samples.filter((x) => x.error);
        console.log(`  minute ${minute}: ${failed.length} errors so far, server ${mib(s.rssBytes().current)}, ${inFlight.size} in flight`);
        for (const kind of new Set(failed.map((x) => x.kind))) console.log(`    ${kind}: ${failed.find((x) => x.kind === kind)?.error}`);
      }
    }
    await Promise.all(inFlight);
    clearInterval(memoryTimer);
    await s.stop();

    const minutes = Array.from({ length: MINUTES }, (_, m) => {
      const inMinute = samples.filter((x) => x.at >= m * 60_000 && x.at < (m + 1) * 60_000);
      const rss = memory.filter((x) => x.at >= m * 60_000 && x.at < (m + 1) * 60_000).map((x) => x.rss);
      const lat = inMinute.length ? stats(inMinute.map((x) => x.ms)) : null;
      return { minute: m + 1, operations: inMinute.length, errors: inMinute.filter((x) => x.error).length, p95: lat?.p95 ?? 0, rssMedian: rss.length ? stats(rss).median : 0, rssMax: rss.length ? Math.max(...rss) : 0 };
    });
    const kinds = [...new Set(samples.map((x) => x.kind))].map((kind) => {
      const of = samples.filter((x) => x.kind === kind);
      return { kind, operations: of.length, errors: of.filter((x) => x.error).length, ...stats(of.map((x) => x.ms)) };
    });
    const errors = samples.filter((x) => x.error);
    const early = minutes[Math.min(1, minutes.length - 1)].rssMedian;
    const late = minutes[minutes.length - 1].rssMedian;
    const growth = early ? (late - early) / early : 0;
    const verdict = `${errors.length} errors in ${samples.length.toLocaleString("en")} operations; server memory ${mib(early)} in minute 2, ${mib(late)} in minute ${minutes.length} (${(growth * 100).toFixed(1)}%)`;
    const md = [
      `# Kawan soak run (${new Date().toISOString()})`,
      "",
      `${MINUTES} minutes, one operation every ${EVERY_MS} ms, on the quick regency (${regency.size.employees.toLocaleString("en")} employees, ${regency.size.documents.toLocaleString("en")} documents, ${regency.size.dispositions.toLocaleString("en")} dispositions).`,
      "",
      `**${verdict}.**`,
      "",
      "| minute | operations | errors | p95 ms | server RSS median | server RSS max |",
      "| --- | --- | --- | --- | --- | --- |",
      ...minutes.map((m) => `| ${m.minute} | ${m.operations} | ${m.errors} | ${ms(m.p95)} | ${mib(m.rssMedian)} | ${mib(m.rssMax)} |`),
      "",
      "| operation | count | errors | p50 ms | p95 ms | p99 ms |",
      "| --- | --- | --- | --- | --- | --- |",
      ...kinds.map((k) => `| ${k.kind} | ${k.operations} | ${k.errors} | ${ms(k.median)} | ${ms(k.p95)} | ${ms(k.p99)} |`),
      ...(errors.length ? ["", "First errors:", ...errors.slice(0, 5).map((e) => `- ${e.kind}: ${e.error}`)] : []),
    ].join("\n");
    const outDir = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "soak.md"), `${md}\n`);
    fs.writeFileSync(path.join(outDir, "soak.json"), JSON.stringify({ minutes: MINUTES, everyMs: EVERY_MS, verdict, growth, perMinute: minutes, kinds, errors: errors.slice(0, 50), memory }, null, 2));
    console.log(`\n${md}`);
    if (errors.length) process.exitCode = 1;
  } finally {
    await server.current?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
