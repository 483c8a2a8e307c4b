/**
 * Renders public/icons/icon.svg and badge.svg into the PNG sizes the web app manifest, iOS and Android
 * notifications ask for, with the Chromium the browser tests already use (no image library needed).
 * Run after changing the drawings: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const iconsDir = path.join(process.cwd(), "public", "icons");
const targets = [
  { svg: "icon.svg", size: 192, out: "icon-192.png" },
  { svg: "icon.svg", size: 512, out: "icon-512.png" },
  { svg: "icon.svg", size: 180, out: "apple-touch-icon.png" },
  { svg: "icon.svg", size: 32, out: "favicon-32.png" },
  { svg: "badge.svg", size: 72, out: "badge-72.png" },
];

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    for (const { svg, size, out } of targets) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const markup = fs.readFileSync(path.join(iconsDir, svg), "utf8");
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
      await page.screenshot({ path: path.join(iconsDir, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`${out} ${size}x${size}`);
    }
  } finally {
    await browser.close();
  }
}

void main();
