import { defineConfig, devices } from "@playwright/test";
import path from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const e2eDir = path.join(process.cwd(), ".e2e");

// Debian's Chromium: Playwright cannot download its own browser on this network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // The fake camera feeds the attendance selfie a test pattern; the fake UI grants it without a prompt.
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(e2eDir, "results.json") }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, browserName: "chromium", launchOptions } },
    // The naskah and surat masuk paths are phone journeys by fixed demo people (one enrols for TTE): they run once, on the
    // phone; so does the durability test, which drives its own server, the installable-app and push tests (phone features; push drives its own server) and the
    // 360 px usability pass.
    { name: "desktop", testIgnore: /(naskah|surat-masuk|presensi)-flow|durability|pwa|push|phone-usability/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions } },
  ],
  webServer: {
    // A fresh database for every run, seeded with the demo regency, served by the production build.
    command: `rm -rf ${e2eDir}/data && npm run seed && npx tsx e2e/arrange-attendance.ts && npm run start -- -p ${PORT}`,
    url: `http://localhost:${PORT}/masuk`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DATABASE_PATH: path.join(e2eDir, "data", "kawan.db"), AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef" },
  },
});
