/**
 * `npm run lighthouse`: only the Lighthouse part of `npm run bench` (scripts/bench/lighthouse.ts), for working on
 * the phone experience without generating the regency. Needs a current build (`npx next build`).
 */
import { ensureBuild } from "./bench/build";
import { benchLighthouse, LIGHTHOUSE_TARGETS } from "./bench/lighthouse";

async function main() {
  ensureBuild();
  const pages = await benchLighthouse(Number(process.env.LIGHTHOUSE_RUNS ?? 3));
  for (const p of pages) {
    const ok = p.performance >= LIGHTHOUSE_TARGETS.performance && p.accessibility >= LIGHTHOUSE_TARGETS.accessibility && p.firstLoadJsBytes < LIGHTHOUSE_TARGETS.firstLoadJsBytes;
    console.log(
      `${ok ? "ok  " : "MISS"} ${p.name} (${p.path}): performance ${p.performance}, accessibility ${p.accessibility}, FCP ${p.fcpMs.toFixed(0)} ms, LCP ${p.lcpMs.toFixed(0)} ms, TBT ${p.tbtMs.toFixed(0)} ms, CLS ${p.cls.toFixed(3)}, first-load JS ${(p.firstLoadJsBytes / 1024).toFixed(1)} KiB (${p.firstLoadJsFiles} files; all JS loaded ${(p.scriptBytes / 1024).toFixed(1)} KiB)`,
    );
    for (const failure of p.accessibilityFailures) console.log(`       ${failure}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
