/**
 * The Naskah inbox over HTTP, as a leader sees it: a production server (`next start`) on a database with
 * the demo regency and N sent documents (inbox-data.ts), the leader signed in through Auth.js like a
 * browser, then the inbox's first page, a deep page and a search, each requested one after another.
 * Times are from sending the request to the last byte of the HTML (gzip on the wire, as for a browser).
 * After the server stops, inbox-sql.ts times the same pages' queries in-process on the same file, so the
 * table shows how much of a request is SQL.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchInboxSql } from "./inbox-sql";
import { AUTH_SECRET, freePort, getPage, Server, signIn } from "./http";
import { insertSentDocuments, LEADER_EMAIL, type InboxData } from "./inbox-data";
import { databaseSize, seedDemoDatabase } from "./seeded-db";
import { check, mib, stats, type BenchRow } from "./stats";

const LIST_MARKER = 'data-testid="document-list"';

/** Source files changed after the build, which the HTTP rows therefore do not measure. */
function newerThanBuild(buildId: string): string[] {
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css)$/.test(entry.name) && fs.statSync(full).mtimeMs > builtAt) newer.push(path.relative(process.cwd(), full));
    }
  };
  for (const dir of ["app", "components", "lib", "db"]) if (fs.existsSync(dir)) walk(dir);
  return newer;
}

/**
 * `next start` needs a production build; build only when there is none (a build takes minutes, and other
 * people may be serving the existing one). A stale build is used with a warning in the output and the JSON.
 */
export function ensureBuild(): { staleFiles: string[] } {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) {
    console.log("  no .next/BUILD_ID: running `npx next build` first...");
    const built = spawnSync("npx", ["next", "build"], { stdio: "inherit", cwd: process.cwd() });
    check(built.status === 0, `npx next build failed (${built.status})`);
  }
  const staleFiles = newerThanBuild(buildId);
  if (staleFiles.length > 0) {
    console.warn(`  WARNING: .next is older than ${staleFiles.length} source file(s) (${staleFiles.slice(0, 3).join(", ")}...): the HTTP rows measure the last build; run \`npx next build\` to measure the working tree`);
  }
  return { staleFiles };
}

export type InboxRun = { rows: BenchRow[]; data: InboxData & { databaseBytes: number; seedMs: number }; staleBuildFiles: string[] };

export async function benchInboxHttp(quick: boolean): Promise<InboxRun> {
  const documents = quick ? 10_000 : 100_000;
  const runs = quick ? 30 : 200;
  const warmup = quick ? 5 : 10;
  const { staleFiles } = ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kawan-bench-inbox-"));
  const file = path.join(dir, "kawan.db");
  let server: Server | undefined;
  try {
    const { seedMs } = seedDemoDatabase(file);
    const inserted = insertSentDocuments(file, documents);
    const data = { ...inserted, databaseBytes: databaseSize(file), seedMs };
    console.log(
      `  inbox data: ${documents} documents, ${data.leaderInbox} to the leader (${data.leaderUnread} unread), ${mib(data.databaseBytes)} (seed ${(seedMs / 1000).toFixed(0)} s, insert ${(data.insertMs / 1000).toFixed(1)} s)`,
    );

    server = new Server(await freePort(), { DATABASE_PATH: file, AUTH_SECRET, AUTH_TRUST_HOST: "true" });
    await server.ready();
    const cookies = await signIn(server.base, LEADER_EMAIL, "/naskah");

    // The deepest page the leader's inbox has in --quick (500 documents), 50 otherwise.
    const deepPage = Math.min(50, Math.floor(data.leaderInbox / 20));
    const cases = [
      { name: "Inbox (masuk), page 1", url: "/naskah?daftar=masuk", filter: { page: 1 } },
      { name: `Inbox (masuk), page ${deepPage}`, url: `/naskah?daftar=masuk&halaman=${deepPage}`, filter: { page: deepPage } },
      { name: "Inbox (masuk), search q=anggaran", url: "/naskah?daftar=masuk&q=anggaran", filter: { q: "anggaran", page: 1 } },
    ];
    const scale = `leader with ${data.leaderInbox.toLocaleString("en")} inbox documents of ${documents.toLocaleString("en")}`;
    // The server's first requests compile and JIT its code: warm it on every URL in turn, so the case measured
    // first is not penalised, then warm each URL again right before measuring it.
    for (let i = 0; i < warmup; i++) for (const c of cases) await getPage(server.base, cookies, c.url, LIST_MARKER);
    const rows: BenchRow[] = [];
    for (const { name, url } of cases) {
      for (let i = 0; i < warmup; i++) await getPage(server.base, cookies, url, LIST_MARKER);
      const samples: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const { ms, bytes } = await getPage(server.base, cookies, url, LIST_MARKER);
        samples.push({ ms, bytes });
      }
      const bytes = samples[samples.length - 1].bytes;
      rows.push({ group: "inbox-http", name: `GET ${name}`, stats: stats(samples.map((s) => s.ms)), note: `${scale}; ${(bytes / 1024).toFixed(0)} KiB HTML; \`${url}\``, extra: { url, htmlBytes: bytes } });
    }
    await server.stop();
    rows.push(
      ...(await benchInboxSql(
        file,
        [
          ...cases.map((c) => ({ name: c.name, filter: c.filter })),
          { name: "Inbox (masuk), search without a match (reads every inbox row)", filter: { q: "tidak-ada-yang-cocok", page: 1 } },
        ],
        runs,
        "loadActor + documentListCounts + listDocuments + listDocumentTypes + getAgency, in-process",
      )),
    );
    return { rows, data, staleBuildFiles: staleFiles };
  } catch (error) {
    if (server) console.error(`next start output:\n${server.output}`);
    throw error;
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
