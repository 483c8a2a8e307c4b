import { expect, test } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, signIn } from "./support";

// Search from the header: the demo admin drafted the invitation to the TTE socialisation (db/seed/demo-documents.ts),
// so he finds it by a word of its subject, highlighted, and opens it; the staff member, who is no participant,
// finds nothing for the same word.

test("the drafter finds his document by a word of its subject and opens it; a colleague outside it finds nothing", async ({ page }) => {
  await signIn(page, DEMO.admin.email);
  await page.getByTestId("search-link").click();
  await expect(page).toHaveURL(/\/cari$/);
  await page.getByLabel("Kata pencarian").fill("sosialisasi tanda");
  await page.getByRole("button", { name: "Cari" }).click();
  const results = page.getByTestId("search-results");
  await expect(results).toBeVisible();
  const hit = results.getByRole("link", { name: /Undangan sosialisasi tanda tangan elektronik/ });
  await expect(hit).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/sosialisasi/i);
  await expectNoHorizontalScroll(page);
  await hit.click();
  await expect(page).toHaveURL(/\/naskah\/\d+/);

  await page.context().clearCookies();
  await signIn(page, DEMO.staff.email);
  await page.goto("/cari?q=sosialisasi");
  await expect(page.getByTestId("search-empty")).toBeVisible();
  await expect(page.getByTestId("search-results")).toHaveCount(0);
});
