import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support";

// The installable app on a phone: manifest and service worker make Chromium consider Kawan installable, a page
// that cannot be reached shows the offline page (never a cached copy of a private page), and signing out leaves
// nothing in the caches.

async function activeServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? "";
  });
}

/** Every URL held in any cache of the origin. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
}

/** Shared, non-personal files only: build assets, icons and the offline page. */
const SHARED = /^\/(_next\/static\/|icons\/|offline\.html$)/;

test("Chromium finds the app installable: manifest with icons, a service worker that controls the page", async ({ page, request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining("Kawan"), short_name: "Kawan", start_url: "/", display: "standalone", theme_color: "#0b5a46" });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
  }

  await page.goto("/masuk");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  expect(await activeServiceWorker(page)).toMatch(/\/serwist\/sw\.js$/);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? "")).toMatch(/\/serwist\/sw\.js$/);

  // The browser's own verdict, as behind the install prompt. "in-incognito" is about the test's browser
  // profile (every Playwright context is one), not about the app: nothing else may be reported.
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors.filter((error) => error.errorId !== "in-incognito")).toEqual([]);
});

test("offline: a page that cannot be reached shows the offline page, never a cached private page", async ({ page, context }) => {
  await signIn(page, DEMO.staff.email);
  await activeServiceWorker(page);
  await page.reload(); // now controlled by the worker
  await page.goto("/naskah");
  await expect(page.getByTestId("actor-name")).toBeVisible();
  for (const url of await cachedUrls(page)) expect(url).toMatch(SHARED);

  await context.setOffline(true);
  await page.goto("/naskah");
  await expect(page.getByTestId("offline-page")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tidak ada koneksi internet" })).toBeVisible();
  await expect(page.getByText(DEMO.staff.name)).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByTestId("offline-page")).toBeVisible();

  // "Coba lagi" while still offline: the offline page again. Back online, the page reloads by itself.
  await page.getByRole("button", { name: "Coba lagi" }).click();
  await expect(page.getByTestId("offline-page")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("actor-name")).toBeVisible();
});

test("signing out empties every cache but the shared precache, so the next person still gets the offline page", async ({ page }) => {
  await signIn(page, DEMO.staff.email);
  await activeServiceWorker(page);
  await page.goto("/presensi");
  // A marker in the runtime cache stands for whatever the previous person's pages left there.
  await page.evaluate(async () => (await caches.open("kawan-static")).put("/_next/static/previous-person-marker.js", new Response("x")));
  expect(await cachedUrls(page)).toContain("/_next/static/previous-person-marker.js");

  await page.goto("/akun");
  await page.getByTestId("sign-out-form").getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  const after = await cachedUrls(page);
  expect(after).not.toContain("/_next/static/previous-person-marker.js");
  expect(after).toContain("/offline.html");
  for (const url of after) expect(url).toMatch(SHARED);
});
