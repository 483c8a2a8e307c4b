import { expect, test } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, signIn } from "./support";

test("the admin builds a unit with a position in it, and the audit log shows who did it", async ({ page }, testInfo) => {
  const unitName = `Bidang Uji Coba ${testInfo.project.name}`;
  await signIn(page, DEMO.admin.email);
  await page.goto("/admin");
  await page.getByRole("link", { name: /Unit kerja/ }).click();
  await expect(page.getByText("Dinas Komunikasi, Informatika dan Persandian").first()).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto("/admin/unit-kerja/baru");
  await page.getByLabel("Nama unit kerja").fill(unitName);
  await page.getByRole("button", { name: "Buat unit kerja" }).click();
  await expect(page).toHaveURL(/\/admin\/unit-kerja\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(unitName);
  const unitId = page.url().split("/").pop();

  await page.goto(`/admin/jabatan/baru?unit=${unitId}`);
  await page.getByLabel("Nama jabatan").fill(`Kepala ${unitName}`);
  await page.getByLabel("Pimpinan unit kerja").check();
  await page.getByRole("button", { name: "Buat jabatan" }).click();
  await expect(page).toHaveURL(/\/admin\/jabatan\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kepala ${unitName}`);
  await expectNoHorizontalScroll(page);

  await page.goto(`/admin/audit?action=unit.created&entityId=${unitId}`);
  await expect(page.getByText("Rizky Pratama Putra").first()).toBeVisible();
});

test("bad input is refused with an Indonesian message and creates nothing", async ({ page }) => {
  await signIn(page, DEMO.admin.email);
  await page.goto("/admin/unit-kerja/baru");
  await page.getByRole("button", { name: "Buat unit kerja" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Periksa kembali isian yang ditandai.");
  await expect(page.getByText("Wajib diisi.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/unit-kerja\/baru$/);
});
