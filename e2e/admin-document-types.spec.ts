import { expect, test } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, signIn } from "./support";

// The jenis naskah master table: the admin adds a type with its own numbering template, sees the example
// number while typing, and a wrong template is refused with the reason in Indonesian.

test("the admin adds a document type and sees its example number", async ({ page }, testInfo) => {
  const code = `UJI-${testInfo.project.name.toUpperCase()}`;
  await signIn(page, DEMO.admin.email);
  await page.goto("/admin/jenis-naskah");
  await expect(page.getByText("Nota Dinas").filter({ visible: true }).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "Tambah jenis naskah" }).click();
  await page.getByLabel("Kode", { exact: true }).fill(code);
  await page.getByLabel("Nama jenis naskah").fill(`Nota Uji ${testInfo.project.name}`);
  const template = page.getByLabel("Pola nomor");
  await template.fill("{kode}/{urut:4}/{tahun}");
  await page.getByRole("button", { name: "Buat jenis naskah" }).click();
  // Per unit kerja needs {unit}: refused, with the reason, and nothing is created.
  await expect(page.getByText("Penomoran per unit kerja harus memuat {unit}")).toBeVisible();
  await page.getByLabel("Kode", { exact: true }).fill(code);
  await page.getByLabel("Nama jenis naskah").fill(`Nota Uji ${testInfo.project.name}`);
  await template.fill("{kode}/{urut:4}/{unit}/{tahun}");
  await expect(page.getByText(/800\.1\.2\/0007\/DISKOMINFO\/\d{4}/)).toBeVisible();
  await page.getByRole("button", { name: "Buat jenis naskah" }).click();
  await expect(page).toHaveURL(/\/admin\/jenis-naskah$/);
  await expect(page.getByText(code).filter({ visible: true })).toBeVisible();
});

test("only the admin manages document types", async ({ page }) => {
  await signIn(page, DEMO.staff.email);
  const response = await page.goto("/admin/jenis-naskah");
  expect(response?.status()).toBe(403);
});
