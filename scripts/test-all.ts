/**
 * `npm test`: typecheck, lint, unit/integration tests (vitest), production build, browser tests
 * (Playwright). Prints one closing line "N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const reportDir = path.join(process.cwd(), ".e2e");
fs.mkdirSync(reportDir, { recursive: true });

let passed = 0;
let failed = 0;

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  console.log(`=== ${label}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function count(ok: boolean) {
  if (ok) passed++;
  else failed++;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

count(run("typecheck", "npx", ["tsc", "--noEmit"]));
count(run("lint", "npx", ["eslint", "."]));

const vitestReport = path.join(reportDir, "vitest.json");
fs.rmSync(vitestReport, { force: true });
const vitestOk = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`]);
const vitest = readJson(vitestReport) as { numPassedTests?: number; numFailedTests?: number } | null;
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
}
if (!vitestOk && !vitest?.numFailedTests) failed++; // the runner itself failed

const buildOk = run("build", "npx", ["next", "build"]);
count(buildOk);

if (buildOk) {
  const e2eReport = path.join(reportDir, "results.json");
  fs.rmSync(e2eReport, { force: true });
  const e2eOk = run("playwright", "npx", ["playwright", "test"]);
  const stats = (readJson(e2eReport)?.stats ?? null) as { expected?: number; unexpected?: number; flaky?: number } | null;
  if (stats) {
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  }
  if (!e2eOk && !stats?.unexpected) failed++;
} else {
  failed++; // browser tests could not run without a build
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
