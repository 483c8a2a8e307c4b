/**
 * The disposition inbox and tree over HTTP, as the Sekretaris Daerah sees them: a production server
 * (`next start`) on a database with the demo regency, 200,000 incoming letters to the Bupati and 2,000,000
 * dispositions (dispositions-data.ts; `--quick`: 10x smaller), signed in through Auth.js like a browser, then
 * his disposition inbox's first page, page 50, a search, and the letter with the big tree, each requested one
 * after another. Times are from sending the request to the last byte of the HTML.
 *
 * The HTTP rows run only on a production build newer than every file of the Surat Masuk pages
 * (app/(app)/surat-masuk) and with their routes: otherwise they are printed as skipped, with the reason, never
 * silently left out. Components and queries changed since the build (components/incoming, lib/incoming) are
 * named in the rows' notes. The in-process SQL rows (dispositions-sql.ts) run either way.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDispositionsSql } from "./dispositions-sql";
import { insertDispositionTrees, SEKDA_EMAIL, type DispositionData } from "./dispositions-data";
import { AUTH_SECRET, freePort, getPage, Server, signIn } from "./http";
import { databaseSize, seedDemoDatabase } from "./seeded-db";
import { check, mib, stats, type BenchRow } from "./stats";

const LIST_MARKER = 'data-testid="letter-list"';
const LIST_ITEM = 'data-testid="agenda-number"';
const TREE_MARKER = 'data-testid="disposition-tree"';
const TREE_NODE = 'data-testid="disposition-node"';
/** The pages measured: a build older than any file here measures other pages (or none), so the rows are skipped. */
const PAGES = "app/(app)/surat-masuk";
/** What the pages render and query: a build older than these still runs, with the files named in the notes. */
const DEPENDENCIES = ["components/incoming", "lib/incoming"];
const ROUTES = ["/surat-masuk", "/surat-masuk/[id]"];

const occurrences = (html: string, marker: string) => html.split(marker).length - 1;

function filesNewerThan(mtimeMs: number, dirs: string[]): string[] {
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (fs.statSync(full).mtimeMs > mtimeMs) newer.push(full);
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
  return newer;
}

/**
 * Whether the HTTP rows can run on the current `.next`: `skip` says why not (no build, a build older than the
 * Surat Masuk pages, or one without their routes); `stale` lists their components and queries changed since.
 */
export function suratMasukBuildState(): { skip: string | null; stale: string[] } {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return { skip: "skipped: no production build (.next/BUILD_ID missing)", stale: [] };
  const builtAt = fs.statSync(buildId).mtimeMs;
  if (!fs.existsSync(PAGES)) return { skip: `skipped: no ${PAGES} pages`, stale: [] };
  const newer = filesNewerThan(builtAt, [PAGES]);
  if (newer.length > 0) return { skip: `skipped: build older than sources (${newer.length} file(s) changed after .next/BUILD_ID, e.g. ${newer.slice(0, 2).join(", ")})`, stale: [] };
  const manifest = path.join(process.cwd(), ".next", "app-path-routes-manifest.json");
  const routes = fs.existsSync(manifest) ? Object.values(JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, string>) : [];
  const missing = ROUTES.filter((r) => !routes.includes(r));
  if (missing.length > 0) return { skip: `skipped: the build has no ${missing.join(", ")} route`, stale: [] };
  return { skip: null, stale: filesNewerThan(builtAt, DEPENDENCIES) };
}

export type DispositionsRun = {
  rows: BenchRow[];
  data: DispositionData & { databaseBytes: number; seedMs: number; seedShared: boolean; setupMs: number };
  /** Why the HTTP rows were skipped, or null when they ran. */
  httpSkipped: string | null;
  /** Components and queries of the pages changed after the build the HTTP rows ran on. */
  httpStaleFiles: string[];
};

export async function benchDispositions(quick: boolean): Promise<DispositionsRun> {
  const scaleDown = quick ? 10 : 1;
  const size = { letters: 200_000 / scaleDown, dispositions: 2_000_000 / scaleDown, sekdaInbox: 20_000 / scaleDown };
  const runs = quick ? 30 : 200;
  const warmup = quick ? 5 : 10;
  const { skip: httpSkipped, stale } = suratMasukBuildState();
  if (httpSkipped) console.warn(`  HTTP rows ${httpSkipped}`);
  const staleNote = stale.length ? `; **build older than ${stale.length} file(s) it uses: ${stale.slice(0, 3).join(", ")}**` : "";
  if (stale.length) console.warn(`  WARNING: the HTTP rows run on a build older than ${stale.join(", ")}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-dispositions-"));
  const file = path.join(dir, "kawan.db");
  let server: Server | undefined;
  try {
    const setupStarted = Date.now();
    const { seedMs, copied } = seedDemoDatabase(file);
    const inserted = insertDispositionTrees(file, size);
    const data = { ...inserted, databaseBytes: databaseSize(file), seedMs, seedShared: copied, setupMs: Date.now() - setupStarted };
    console.log(
      `  disposition data: ${data.letters} letters, ${data.dispositions} dispositions, ${data.sekdaInbox} to the Sekretaris Daerah; big tree letter ${data.bigLetterId} ` +
        `(${data.bigTreeVisible} of ${data.bigTreeNodes} nodes his); ${mib(data.databaseBytes)} (insert ${(data.insertMs / 1000).toFixed(1)} s, setup ${(data.setupMs / 1000).toFixed(1)} s)`,
    );

    const scale = `Sekretaris Daerah with ${data.sekdaInbox.toLocaleString("en")} dispositions of ${data.dispositions.toLocaleString("en")}`;
    const treeName = `Letter with a ${data.bigTreeVisible}-node disposition tree`;
    const deepPage = 50;
    const cases = [
      { name: "Disposition inbox, page 1", url: "/surat-masuk?daftar=disposisi", marker: LIST_MARKER, filter: { page: 1 } },
      { name: `Disposition inbox, page ${deepPage}`, url: `/surat-masuk?daftar=disposisi&halaman=${deepPage}`, marker: LIST_MARKER, filter: { page: deepPage } },
      { name: "Disposition inbox, search q=anggaran", url: "/surat-masuk?daftar=disposisi&q=anggaran", marker: LIST_MARKER, filter: { q: "anggaran", page: 1 } },
      { name: treeName, url: `/surat-masuk/${data.bigLetterId}`, marker: TREE_MARKER, filter: null },
    ];
    const rows: BenchRow[] = [];
    if (httpSkipped) {
      for (const c of cases) rows.push({ group: "dispositions-http", name: `GET ${c.name}`, stats: null, note: `${httpSkipped}; \`${c.url}\``, extra: { url: c.url, skipped: httpSkipped } });
    } else {
      server = new Server(await freePort(), { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
      await server.ready();
      const cookies = await signIn(server.base, SEKDA_EMAIL, "/surat-masuk");
      // Warm every URL in turn (compilation, JIT, page cache), then each again right before measuring it.
      for (let i = 0; i < warmup; i++) for (const c of cases) await getPage(server.base, cookies, c.url, c.marker);
      for (const c of cases) {
        const { html } = await getPage(server.base, cookies, c.url, c.marker);
        const shown = occurrences(html, c.filter ? LIST_ITEM : TREE_NODE);
        if (c.filter) check(shown === 20, `GET ${c.url} lists ${shown} letters, not a full page of 20`);
        else check(shown === data.bigTreeVisible, `GET ${c.url} shows ${shown} tree nodes, not the ${data.bigTreeVisible} the Sekretaris Daerah may see`);
        for (let i = 0; i < warmup; i++) await getPage(server.base, cookies, c.url, c.marker);
        const samples: { ms: number; bytes: number }[] = [];
        for (let i = 0; i < runs; i++) {
          const { ms, bytes } = await getPage(server.base, cookies, c.url, c.marker);
          samples.push({ ms, bytes });
        }
        const bytes = samples[samples.length - 1].bytes;
        rows.push({
          group: "dispositions-http",
          name: `GET ${c.name}`,
          stats: stats(samples.map((s) => s.ms)),
          note: `${scale}; ${c.filter ? `${shown} letters` : `${shown} nodes`}; ${(bytes / 1024).toFixed(0)} KiB HTML; \`${c.url}\`${staleNote}`,
          extra: { url: c.url, htmlBytes: bytes, shown, staleFiles: stale },
        });
      }
      await server.stop();
    }

    rows.push(
      ...(await benchDispositionsSql(file, {
        lists: [
          ...cases.flatMap((c) => (c.filter ? [{ name: c.name, filter: c.filter }] : [])),
          { name: "Disposition inbox, search without a match (reads every row of his list)", filter: { q: "tidak-ada-yang-cocok", page: 1 } },
          { name: "Disposition inbox, open only (terbuka=1), page 1", filter: { onlyOpen: true, page: 1 } },
        ],
        treeLetterId: data.bigLetterId,
        treeName,
        runs,
        scale,
      })),
    );
    return { rows, data, httpSkipped, httpStaleFiles: stale };
  } catch (error) {
    if (server) console.error(`next start output:\n${server.output}`);
    throw error;
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
