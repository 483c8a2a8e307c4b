/**
 * `npm run bench` (`-- --quick` for a short run): Kawan's performance measurements, each in its own module
 * under scripts/bench/, printed as one table with the targets of issue 7 and written to
 * bench/results/latest.{md,json}.
 *
 * In-process: TTE signing and verifying (2-page letter, 200-page PDF) beside the bare hash-and-sign step
 * (signing.ts); rendering a Nota Dinas (render.ts); document numbering, one and four processes (numbering.ts);
 * the monthly recap's first computation and exports (recap.ts).
 * The regency (regency.ts): 20,000 employees in 40 units, 500,000 documents, 2,000,000 dispositions, a year of
 * attendance, generated into one file; then over real HTTP from `next start` (regency-http.ts): sign-in, home,
 * every list, details, the disposition tree, search, presensi pages, the recap and its export, the check-in rush,
 * with the bare baselines; then the same pages' queries in-process (inbox-sql.ts, dispositions-sql.ts,
 * search-sql.ts), which tell SQL from rendering.
 * The phone experience (lighthouse.ts, issue 8): Lighthouse's mobile profile on five pages of the demo regency,
 * with each page's first-load JavaScript.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./bench/build";
import { benchDispositionsSql } from "./bench/dispositions-sql";
import { benchInboxSql } from "./bench/inbox-sql";
import { benchLighthouse, LIGHTHOUSE_TARGETS, type LighthousePage } from "./bench/lighthouse";
import { benchNumbering } from "./bench/numbering";
import { benchRecap } from "./bench/recap";
import { buildRegency } from "./bench/regency";
import { benchRegencyHttp } from "./bench/regency-http";
import { benchRender } from "./bench/render";
import { benchSearchSql } from "./bench/search-sql";
import { benchSigning } from "./bench/signing";
import { mib, ms, type BenchRow } from "./bench/stats";

const quick = process.argv.includes("--quick");

type Target = { target: string; measured: string; met: boolean };

function lighthouseTargets(pages: LighthousePage[]): Target[] {
  const worst = (key: "performance" | "accessibility") => pages.reduce((a, b) => (a[key] <= b[key] ? a : b));
  const heaviest = pages.reduce((a, b) => (a.firstLoadJsBytes >= b.firstLoadJsBytes ? a : b));
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    {
      target: `Lighthouse performance at least ${LIGHTHOUSE_TARGETS.performance} on every measured page (mobile profile)`,
      measured: pages.map((p) => `${p.name} ${p.performance}`).join(", "),
      met: worst("performance").performance >= LIGHTHOUSE_TARGETS.performance,
    },
    {
      target: `Lighthouse accessibility at least ${LIGHTHOUSE_TARGETS.accessibility} on every measured page`,
      measured: pages.map((p) => `${p.name} ${p.accessibility}`).join(", "),
      met: worst("accessibility").accessibility >= LIGHTHOUSE_TARGETS.accessibility,
    },
    {
      target: "First-load JavaScript per route under 150 kB compressed",
      measured: `heaviest ${heaviest.name} ${kib(heaviest.firstLoadJsBytes)}`,
      met: heaviest.firstLoadJsBytes < LIGHTHOUSE_TARGETS.firstLoadJsBytes,
    },
  ];
}

function lighthouseTable(pages: LighthousePage[]): string[] {
  return [
    "| page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | first-load JS | all JS loaded |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...pages.map(
      (p) =>
        `| ${p.name} (\`${p.path.replace(/\/\d+$/, "/<id>")}\`) | ${p.performance} | ${p.accessibility} | ${p.fcpMs.toFixed(0)} | ${p.lcpMs.toFixed(0)} | ${p.tbtMs.toFixed(0)} | ${p.cls.toFixed(3)} | ` +
        `${(p.firstLoadJsBytes / 1024).toFixed(1)} KiB (${p.firstLoadJsFiles} files) | ${(p.scriptBytes / 1024).toFixed(1)} KiB |`,
    ),
  ];
}

function targets(rows: BenchRow[], quick: boolean): Target[] {
  const out: Target[] = [];
  const rush = rows.find((r) => r.name.startsWith("Check-in rush"));
  if (rush?.stats && rush.perSecond !== undefined) {
    out.push({ target: "Check-in rush at least 1,000/s with p99 under 100 ms", measured: `${rush.perSecond.toFixed(0)}/s, p99 ${ms(rush.stats.p99)} ms`, met: rush.perSecond >= 1000 && rush.stats.p99 < 100 });
  }
  const lists = rows.filter((r) => r.extra?.list && r.stats);
  if (lists.length) {
    const worst = lists.reduce((a, b) => (a.stats!.p95 >= b.stats!.p95 ? a : b));
    const over = lists.filter((r) => r.stats!.p95 >= 50);
    out.push({
      target: `Every list page p95 under 50 ms (HTTP, ${quick ? "--quick" : "full"} dataset)`,
      measured: `${lists.length - over.length} of ${lists.length} under; worst ${worst.name.replace(/^GET /, "")} p95 ${ms(worst.stats!.p95)} ms`,
      met: over.length === 0,
    });
  }
  const sign = rows.find((r) => r.name === "Sign a 2-page letter");
  if (sign?.stats) out.push({ target: "Signing a 2-page letter under 50 ms median", measured: `${ms(sign.stats.median)} ms`, met: sign.stats.median < 50 });
  const searches = rows.filter((r) => r.group === "search-sql" && r.stats);
  if (searches.length) {
    const worst = searches.reduce((a, b) => (a.stats!.p95 >= b.stats!.p95 ? a : b));
    out.push({ target: "Search p95 under 50 ms (the query, in-process)", measured: `worst ${worst.name.replace(/^SQL only: /, "")} p95 ${ms(worst.stats!.p95)} ms`, met: worst.stats!.p95 < 50 });
  }
  const searchPages = rows.filter((r) => r.name.startsWith("GET Search") && r.stats);
  if (searchPages.length) {
    const worst = searchPages.reduce((a, b) => (a.stats!.p95 >= b.stats!.p95 ? a : b));
    out.push({ target: "Search page p95 under 50 ms (HTTP)", measured: `worst ${worst.name.replace(/^GET /, "")} p95 ${ms(worst.stats!.p95)} ms`, met: worst.stats!.p95 < 50 });
  }
  return out;
}

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

  const signing = await step("Signing and verifying", () => benchSigning(quick));
  rows.push(...signing.rows);
  rows.push(...(await step("Rendering", () => benchRender(quick))));
  rows.push(...(await step("Numbering", () => benchNumbering(quick))));
  const recap = await step("Presensi: monthly recap in-process", () => benchRecap(quick));
  rows.push(...recap.rows);

  const { staleFiles } = ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-regency-"));
  try {
    const regency = await step("Generating the regency", async () => buildRegency(dir, quick));
    const http = await step("The regency over HTTP", () => benchRegencyHttp(regency, quick));
    rows.push(...http.rows);
    const runs = quick ? 30 : 200;
    const sqlRows = await step("The same queries in-process", async () => {
      const inboxScale = "loadActor + documentListCounts + listDocuments + listDocumentTypes + getAgency, in-process";
      const d = regency.dispositions;
      const scale = `Sekretaris Daerah with ${d.sekdaInbox.toLocaleString("en")} dispositions of ${d.dispositions.toLocaleString("en")}`;
      return [
        ...(await benchInboxSql(
          regency.file,
          [
            { name: "Inbox (masuk), page 1", filter: { page: 1 } },
            { name: "Inbox (masuk), search q=anggaran", filter: { q: "anggaran", page: 1 } },
            { name: "Inbox (masuk), search without a match (reads every inbox row)", filter: { q: "tidak-ada-yang-cocok", page: 1 } },
          ],
          runs,
          inboxScale,
        )),
        ...(await benchDispositionsSql(regency.file, {
          lists: [
            { name: "Disposition inbox, page 1", filter: { page: 1 } },
            { name: "Disposition inbox, page 50", filter: { page: 50 } },
            { name: "Disposition inbox, search without a match (reads every row of his list)", filter: { q: "tidak-ada-yang-cocok", page: 1 } },
          ],
          treeLetterId: d.bigLetterId,
          treeName: `Letter with a ${d.bigTreeVisible}-node disposition tree`,
          runs,
          scale,
        })),
        ...(await benchSearchSql(regency.file, runs)),
      ];
    });
    rows.push(...sqlRows);
    const lighthouse = await step("The phone experience: Lighthouse, mobile profile", () => benchLighthouse(quick ? 1 : 3));

    const met = [...targets(rows, quick), ...lighthouseTargets(lighthouse)];
    const cpus = os.cpus();
    const cell = (n: number | undefined) => (n === undefined ? "–" : ms(n));
    const table = [
      "| measurement | runs | per s | p50 ms | p95 ms | p99 ms | errors | notes |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map((r) =>
        r.stats
          ? `| ${r.name} | ${r.stats.runs} | ${r.perSecond === undefined ? "–" : r.perSecond.toFixed(0)} | ${cell(r.stats.median)} | ${cell(r.stats.p95)} | ${cell(r.stats.p99)} | ${r.errors ?? "–"} | ${r.note} |`
          : `| ${r.name} | – | – | – | – | – | – | ${r.note} |`,
      ),
    ];
    const s = regency.size;
    const report = [
      "## Targets (2-core machine)",
      "",
      "| target | measured | met |",
      "| --- | --- | --- |",
      ...met.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? "yes" : "**no**"} |`),
      "",
      "## Measurements",
      "",
      ...table,
      "",
      "HTTP rows: p50/p95/p99 from requests one at a time (the server's answer alone, to the last byte); per s with 8 requests in flight; the rush with 32.",
      "",
      "## The phone experience (Lighthouse 12.2.3, mobile profile, Debian Chromium; demo regency)",
      "",
      ...lighthouseTable(lighthouse),
      "",
      `Median of ${quick ? 1 : 3} runs per page after one unmeasured run. First-load JS: the scripts in the page's HTML, gzip-compressed; all JS: everything loaded during the run (pdf.js on the document page).`,
      "",
      "## The regency",
      "",
      `${s.employees.toLocaleString("en")} employees in ${s.units} units, ${s.documents.toLocaleString("en")} documents, ${s.letters.toLocaleString("en")} letters with ${s.dispositions.toLocaleString("en")} dispositions, ${s.attendanceDays} days of attendance; ` +
        `database ${mib(regency.databaseBytes)}, generated in ${(regency.totalMs / 1000).toFixed(0)} s:`,
      "",
      ...regency.steps.map((st) => `- ${st.name}: ${st.rows}, ${(st.ms / 1000).toFixed(1)} s`),
      "",
      `Server peak resident memory (\`next start\` and its children: the kernel high-water mark over the HTTP rows and the rush): ${mib(http.peakServerRssBytes)}. ` +
        `Peak resident memory of the bench process while signing: ${mib(signing.peakRssBytes)}.`,
      ...(staleFiles.length ? [`Warning: the HTTP rows ran on a .next build older than ${staleFiles.length} source file(s).`] : []),
      `Machine: ${cpus.length} x ${cpus[0]?.model ?? "cpu"}, Node ${process.version}${quick ? ", --quick" : ""}; total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    ].join("\n");

    const at = new Date().toISOString();
    const outDir = path.join(process.cwd(), "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "latest.md"), `# Kawan benchmark (${at})\n\n${report}\n`);
    fs.writeFileSync(
      path.join(outDir, "latest.json"),
      JSON.stringify(
        {
          at,
          quick,
          machine: { cpus: cpus.length, model: cpus[0]?.model, node: process.version },
          targets: met,
          regency: { size: regency.size, steps: regency.steps, totalMs: regency.totalMs, databaseBytes: regency.databaseBytes },
          peakServerRssBytes: http.peakServerRssBytes,
          peakSigningRssBytes: signing.peakRssBytes,
          checkinRush: http.rush,
          lighthouse,
          recap: recap.data,
          staleBuildFiles: staleFiles,
          rows,
        },
        null,
        2,
      ),
    );
    console.log(`\n${report}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
