import { expect, test } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, fillSignIn, signIn } from "./support";

test("an employee signs in with a NIP typed with spaces, sees the home screen, and signs out", async ({ page }) => {
  const nip = DEMO.staff.nip;
  await signIn(page, `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Selamat datang");
  await expect(page.getByTestId("actor-name")).toContainText(DEMO.staff.name);
  await expectNoHorizontalScroll(page);
  await page.goto("/akun");
  await page.getByRole("button", { name: "Keluar" }).first().click();
  await expect(page).toHaveURL(/\/masuk$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/masuk$/);
});

test("a wrong password gets the generic message and no session", async ({ page }) => {
  await fillSignIn(page, DEMO.staff.email, "bukan-sandinya-1");
  await expect(page.getByTestId("form-error")).toHaveText("NIP/e-mail atau kata sandi salah.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/masuk$/);
});

test("repeated failures throttle the account with a clear message", async ({ page }, testInfo) => {
  // A separate, well-formed NIP per project so the two viewports do not share a throttle counter.
  const nip = testInfo.project.name === "phone" ? "199001012015031001" : "199001012015031002";
  for (let i = 0; i < 5; i++) {
    await fillSignIn(page, nip, `tebakan-${i}`);
    await expect(page.getByTestId("form-error")).toHaveText("NIP/e-mail atau kata sandi salah.");
  }
  await fillSignIn(page, nip, "tebakan-lagi-1");
  await expect(page.getByTestId("form-error")).toContainText("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam");
});

test("an employee with a Plh assignment switches the acting position in the header", async ({ page }) => {
  await signIn(page, DEMO.plh.email);
  const switcher = page.getByLabel("Bertindak sebagai");
  await expect(switcher).toBeVisible();
  await expect(page.getByTestId("home-acting")).not.toContainText("Plh.");
  await switcher.selectOption({ label: "Plh. Kepala Dinas Kesehatan" });
  await expect(page.getByTestId("home-acting")).toHaveText("Plh. Kepala Dinas Kesehatan");
  await page.reload();
  await expect(page.getByTestId("home-acting")).toHaveText("Plh. Kepala Dinas Kesehatan");
  await expectNoHorizontalScroll(page);
});

test("an employee without the admin role gets 403 on admin pages", async ({ page }) => {
  await signIn(page, DEMO.staff.email);
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/pegawai", "/admin/pegawai/baru", "/admin/unit-kerja", "/admin/jabatan", "/admin/audit", "/admin/pegawai/impor"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
  }
});

test("the auth endpoints answer (AUTH_SECRET and trusted host are configured)", async ({ request }) => {
  const session = await request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  const providers = await request.get("/api/auth/providers");
  expect(await providers.json()).toHaveProperty("credentials");
});
