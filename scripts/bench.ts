/**
 * `npm run bench` (`-- --quick` for a short run): Kawan's performance measurements, each in its own module
 * under scripts/bench/, printed as one table and written to bench/results/latest.{md,json}.
 *
 * - signing.ts: TTE signing in-process (2-page letter, 200-page PDF) against the bare hash-and-sign step;
 * - render.ts: rendering a 3-page Nota Dinas to PDF;
 * - numbering.ts: document numbers per second, one process and four processes on one database file;
 * - inbox-http.ts: a leader's Naskah inbox over HTTP from `next start`, with 100,000 documents in the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchInboxHttp } from "./bench/inbox-http";
import { benchNumbering } from "./bench/numbering";
import { benchRender } from "./bench/render";
import { benchSigning } from "./bench/signing";
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

  const cpus = os.cpus();
  const table = [
    "| measurement | runs | median ms | p95 ms | notes |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${r.stats.runs} | ${ms(r.stats.median)} | ${ms(r.stats.p95)} | ${r.note} |`),
    "",
    `Inbox database: ${inbox.data.documents.toLocaleString("en")} sent documents, ${inbox.data.leaderInbox.toLocaleString("en")} addressed to the leader ` +
      `(${inbox.data.leaderUnread.toLocaleString("en")} unread, plus ${inbox.data.leaderCc.toLocaleString("en")} tembusan); file size ${mib(inbox.data.databaseBytes)}.`,
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
    JSON.stringify({ at, quick, machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version }, peakRssBytes: signing.peakRssBytes, inbox: inbox.data, staleBuildFiles: inbox.staleBuildFiles, rows }, null, 2),
  );
  console.log(`\n${table}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
