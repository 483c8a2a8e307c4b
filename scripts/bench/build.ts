/**
 * The production build the HTTP rows run on: built when there is none (a build takes minutes, and other people
 * may be serving the existing one); a build older than the sources is used with a warning in the output and JSON.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { check } from "./stats";

/** Source files changed after the build, which the HTTP rows therefore do not measure. */
function newerThanBuild(buildId: string): string[] {
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css|json)$/.test(entry.name) && fs.statSync(full).mtimeMs > builtAt) newer.push(path.relative(process.cwd(), full));
    }
  };
  for (const dir of ["app", "components", "lib", "db", "messages"]) if (fs.existsSync(dir)) walk(dir);
  return newer;
}

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
