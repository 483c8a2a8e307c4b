/**
 * `npm run bench` (`-- --quick` for a short run): Kawan's performance measurements, each in its own module
 * under scripts/bench/, printed as one table and written to bench/results/latest.{md,json}.
 *
 * - signing.ts: TTE signing in-process (2-page letter, 200-page PDF) against the bare hash-and-sign step;
 * - render.ts: rendering a 3-page Nota Dinas to PDF;
 * - numbering.ts: document numbers per second, one process and four processes on one database file;
 * - inbox-http.ts: a leader's Naskah inbox over HTTP from `next start`, with 100,000 documents in the database;
 * - dispositions-http.ts: the Sekretaris Daerah's disposition inbox and a 60-node disposition tree over HTTP,
 *   with 200,000 incoming letters and 2,000,000 dispositions (rows marked skipped when `.next` predates the
 *   Surat Masuk sources), and the same pages' queries in-process (dispositions-sql.ts);
 * - checkin-rush.ts: the 07.30 rush, 5,000 signed-in employees checking in through POST /api/presensi of
 *   `next start`, beside a bare node:http + better-sqlite3 server doing the same insert;
 * - recap.ts: the monthly attendance recap of a 2,000-employee unit and its XLSX and PDF exports.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDispositions } from "./bench/dispositions-http";
import { benchInboxHttp } from "./bench/inbox-http";
import { benchNumbering } from "./bench/numbering";
import { benchRender } from "./bench/render";
import { benchSigning } from "./bench/signing";
import { benchCheckinRush } from "./bench/checkin-rush";
import { benchRecap } from "./bench/recap";
import { mib, ms, type BenchRow } from "./bench/stats";

const quick = process.argv.includes("--quick");

async function main() {
  const started = Date.now();
  const rows: BenchRow[] = [];
  const step = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    console.log(`${label}...`);
    const result = await run();
    console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };

  const signing = await step("Signing", () => benchSigning(quick));
  rows.push(...signing.rows);
  rows.push(...(await step("Rendering", () => benchRender(quick))));
  rows.push(...(await step("Numbering", () => benchNumbering(quick))));
  const inbox = await step("Inbox over HTTP", () => benchInboxHttp(quick));
  rows.push(...inbox.rows);
  const dispositions = await step("Dispositions (HTTP and SQL)", () => benchDispositions(quick));
  rows.push(...dispositions.rows);
  const d = dispositions.data;
  const rush = await step("Presensi: check-in rush over HTTP", () => benchCheckinRush(quick));
  rows.push(...rush.rows);
  const recap = await step("Presensi: monthly recap", () => benchRecap(quick));
  rows.push(...recap.rows);

  const cpus = os.cpus();
  const table = [
    "| measurement | runs | median ms | p95 ms | notes |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => (r.stats ? `| ${r.name} | ${r.stats.runs} | ${ms(r.stats.median)} | ${ms(r.stats.p95)} | ${r.note} |` : `| ${r.name} | – | – | – | ${r.note} |`)),
    "",
    `Inbox database: ${inbox.data.documents.toLocaleString("en")} sent documents, ${inbox.data.leaderInbox.toLocaleString("en")} addressed to the leader ` +
      `(${inbox.data.leaderUnread.toLocaleString("en")} unread, plus ${inbox.data.leaderCc.toLocaleString("en")} tembusan); file size ${mib(inbox.data.databaseBytes)}.`,
    `Disposition database: ${d.letters.toLocaleString("en")} incoming letters to the Bupati, ${d.dispositions.toLocaleString("en")} dispositions ` +
      `(${d.overdue.toLocaleString("en")} overdue; ${((100 * ((d.states.withdrawn ?? 0) + (d.states.declined ?? 0))) / d.dispositions).toFixed(1)}% withdrawn or declined), ` +
      `${d.sekdaInbox.toLocaleString("en")} to the Sekretaris Daerah (${d.sekdaCc.toLocaleString("en")} tembusan, ${d.sekdaOpen.toLocaleString("en")} open, ${d.sekdaOverdue.toLocaleString("en")} overdue), ` +
      `${d.events.toLocaleString("en")} letter events; file size ${mib(d.databaseBytes)}; setup ${(d.setupMs / 1000).toFixed(0)} s (bulk insert ${(d.insertMs / 1000).toFixed(0)} s` +
      `${d.seedShared ? `, seed copied from the inbox benchmark's ${(d.seedMs / 1000).toFixed(0)} s npm run seed` : `, npm run seed ${(d.seedMs / 1000).toFixed(0)} s`}).`,
    `Check-in rush: ${rush.data.employees.toLocaleString("en")} employees each signed in (a session row and its Auth.js cookie), ${rush.data.concurrency} requests in flight from one client process on the same machine; ` +
      `Kawan ${rush.data.kawan.perSecond.toFixed(0)}/s (p50 ${ms(rush.data.kawan.stats.median)} ms, p99 ${ms(rush.data.kawan.stats.p99)} ms), bare server ${rush.data.bare.perSecond.toFixed(0)}/s (p50 ${ms(rush.data.bare.stats.median)} ms, p99 ${ms(rush.data.bare.stats.p99)} ms).`,
    `Recap: ${recap.data.employees.toLocaleString("en")} employees, ${recap.data.records.toLocaleString("en")} records in ${recap.data.month}, ${recap.data.days.toLocaleString("en")} computed days.`,
    ...(dispositions.httpSkipped ? [`Disposition HTTP rows ${dispositions.httpSkipped}.`] : []),
    ...(dispositions.httpStaleFiles.length ? [`Warning: the disposition HTTP rows ran on a .next build older than ${dispositions.httpStaleFiles.join(", ")}.`] : []),
    ...(inbox.staleBuildFiles.length ? [`Warning: the HTTP rows ran on a .next build older than ${inbox.staleBuildFiles.length} source file(s).`] : []),
    `Peak resident memory while signing: ${(signing.peakRssBytes / 1048576).toFixed(0)} MiB. ` +
      `Machine: ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, Node ${process.version}${quick ? ", --quick" : ""}; total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ].join("\n");

  const at = new Date().toISOString();
  const outDir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "latest.md"), `# Kawan benchmark (${at})\n\n${table}\n`);
  fs.writeFileSync(
    path.join(outDir, "latest.json"),
    JSON.stringify({ at, quick, machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version }, peakRssBytes: signing.peakRssBytes, inbox: inbox.data, staleBuildFiles: inbox.staleBuildFiles, dispositions: { ...d, httpSkipped: dispositions.httpSkipped, httpStaleFiles: dispositions.httpStaleFiles }, checkinRush: rush.data, recap: recap.data, rows }, null, 2),
  );
  console.log(`\n${table}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
