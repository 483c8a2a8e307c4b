import { expect, test, type Request } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, fillSignIn, signIn } from "./support";

test("the admin adds an employee, who signs in with the temporary password and must change it", async ({ page, browser, baseURL }, testInfo) => {
  const nip = testInfo.project.name === "phone" ? "199102032020121001" : "199102032020121002";
  const forgedNip = testInfo.project.name === "phone" ? "199102032020121091" : "199102032020121092";

  await signIn(page, DEMO.admin.email);
  await page.goto("/admin/pegawai/baru");
  await expectNoHorizontalScroll(page);
  await page.getByLabel("NIP", { exact: true }).fill(`${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`);
  await page.getByLabel("Nama lengkap tanpa gelar").fill(`Bagus Prasetyo ${testInfo.project.name}`);
  await page.getByLabel("Gelar belakang (opsional)").fill("S.Kom.");

  // Keep the real request the admin's browser sends, to replay it later as an employee without the right.
  let createRequest: Request | undefined;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) createRequest ??= request;
  });
  await page.getByRole("button", { name: "Simpan pegawai" }).click();
  await expect(page.getByTestId("issued-password")).toBeVisible();
  const temporaryPassword = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);

  // The new employee signs in and is held at the change-password screen until the password is changed.
  const newcomer = await browser.newContext({ ...testInfo.project.use, baseURL });
  const newcomerPage = await newcomer.newPage();
  await fillSignIn(newcomerPage, nip, temporaryPassword);
  await expect(newcomerPage).toHaveURL(/\/ganti-kata-sandi$/);
  await expect(newcomerPage.getByTestId("must-change-notice")).toBeVisible();
  await newcomerPage.goto("/");
  await expect(newcomerPage).toHaveURL(/\/ganti-kata-sandi$/);
  await newcomerPage.getByLabel("Kata sandi lama").fill(temporaryPassword);
  await newcomerPage.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
  await newcomerPage.getByLabel("Ulangi kata sandi baru").fill("pendek");
  await newcomerPage.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(newcomerPage.getByText("Kata sandi minimal 10 karakter.")).toBeVisible();
  await newcomerPage.getByLabel("Kata sandi lama").fill(temporaryPassword);
  await newcomerPage.getByLabel("Kata sandi baru", { exact: true }).fill("Banyuwangi-Sejahtera-2026");
  await newcomerPage.getByLabel("Ulangi kata sandi baru").fill("Banyuwangi-Sejahtera-2026");
  await newcomerPage.getByRole("button", { name: "Ganti kata sandi" }).click();
  await expect(newcomerPage).toHaveURL(/\/\?kata-sandi=diganti$/);
  await expect(newcomerPage.getByTestId("actor-name")).toContainText("Bagus Prasetyo");
  await newcomer.close();

  // An ordinary employee replays the admin's create-employee call directly: refused, nothing created.
  expect(createRequest).toBeDefined();
  const staff = await browser.newContext({ ...testInfo.project.use, baseURL });
  const staffPage = await staff.newPage();
  await signIn(staffPage, DEMO.staff.email);
  const body = createRequest!.postDataBuffer()!;
  const forged = Buffer.from(body.toString("latin1").replaceAll(nip.slice(0, 8), forgedNip.slice(0, 8)).replaceAll(nip.slice(8), forgedNip.slice(8)), "latin1");
  const headers = createRequest!.headers();
  const response = await staffPage.request.post("/admin/pegawai/baru", {
    headers: {
      "next-action": headers["next-action"],
      "content-type": headers["content-type"],
      accept: "text/x-component",
      origin: baseURL!,
    },
    data: forged,
  });
  expect(await response.text()).toContain("Anda tidak berwenang melakukan tindakan ini.");
  await staff.close();

  await page.goto(`/admin/pegawai?q=${forgedNip}`);
  await expect(page.getByText("Tidak ada pegawai yang cocok dengan pencarian ini.")).toBeVisible();
  await page.goto(`/admin/pegawai?q=${nip}`);
  await expect(page.getByRole("link", { name: `Bagus Prasetyo ${testInfo.project.name}, S.Kom.` })).toBeVisible();
});
