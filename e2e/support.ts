import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Kawan2026!";

/** Demo employees from db/seed/demo-org.ts (DEMO_LOGINS). */
export const DEMO = {
  admin: { email: "rizky.putra@banyuwangikab.go.id", nip: "199309152019031005" },
  staff: { email: "putri.wulandari@banyuwangikab.go.id", nip: "199601282022012004", name: "Putri Ayu Wulandari" },
  plh: { email: "dyah.kusumawati@banyuwangikab.go.id", nip: "198005172006042011" },
} as const;

export async function fillSignIn(page: Page, identifier: string, password: string) {
  await page.goto("/masuk");
  await page.getByLabel("NIP atau e-mail").fill(identifier);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await fillSignIn(page, identifier, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("actor-name")).toBeVisible();
}

/** Neither page nor Next's own markup may scroll sideways on a 360 px phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
