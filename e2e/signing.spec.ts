import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DEMO_PASSWORD, expectNoHorizontalScroll, signIn } from "./support";

// Enrolment happens once per employee, so each viewport signs as its own demo employee.
const SIGNER = {
  phone: { email: "wahyu.hidayat@banyuwangikab.go.id", name: "Wahyu Hidayat" },
  desktop: { email: "bambang.sutrisno@banyuwangikab.go.id", name: "Bambang Sutrisno" },
} as const;
const PASSPHRASE = "sate kambing pedas 42";

const A4 = { width: 595.28, height: 841.89 };
const BLOCK = { width: 252, height: 88 };

async function makeLetter(file: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([A4.width, A4.height]);
    page.drawText(`Nota Dinas uji e2e, halaman ${i + 1}`, { x: 72, y: 760, size: 14, font });
  }
  fs.writeFileSync(file, await doc.save());
}

async function placement(page: Page) {
  const value = async (name: string) => Number(await page.locator(`input[name="${name}"]`).inputValue());
  return { pageIndex: await value("pageIndex"), x: await value("x"), y: await value("y") };
}

/** Drags the signature block by (dx, dy) CSS pixels: with a finger (CDP touch events) or the mouse. */
async function dragBlock(page: Page, dx: number, dy: number, touch: boolean) {
  const block = page.getByTestId("placement-block");
  await block.scrollIntoViewIfNeeded();
  const box = (await block.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  if (touch) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: start.x + (dx * i) / 8, y: start.y + (dy * i) / 8 }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  } else {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
    await page.mouse.up();
  }
}

/** A fresh visitor, signed out, with the same screen as the test's project. */
async function anonymousPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, userAgent, locale, timezoneId } = testInfo.project.use;
  const context = await browser.newContext({ baseURL, viewport, isMobile, hasTouch, deviceScaleFactor, userAgent, locale, timezoneId });
  return context.newPage();
}

test("enrol, upload a PDF, place the block by dragging, sign, download, open the QR target and verify by upload", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const signer = SIGNER[testInfo.project.name as keyof typeof SIGNER];
  const touch = testInfo.project.name === "phone";
  const title = `Nota Dinas rapat koordinasi (${testInfo.project.name})`;
  await signIn(page, signer.email);

  // Enrolment: the TTE page issues the certificate under a passphrase of the employee's own.
  await page.goto("/tte");
  await page.getByLabel("Kata sandi masuk").fill(DEMO_PASSWORD);
  await page.getByLabel("Passphrase TTE", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Ulangi passphrase TTE").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Daftar dan terbitkan sertifikat" }).click();
  await expect(page.getByTestId("tte-current")).toBeVisible({ timeout: 60_000 });

  // Upload, with "Saya sendiri" as the only signer (the default).
  const letter = testInfo.outputPath("surat.pdf");
  await makeLetter(letter);
  // The menu entry: the sidebar on a desktop, the bottom bar on a phone.
  await page.getByRole("link", { name: "Tanda tangan", exact: true }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/tandatangan$/);
  await page.getByRole("link", { name: "Tandatangani PDF" }).click();
  await expect(page).toHaveURL(/\/tandatangan\/baru$/);
  await page.getByLabel("Berkas PDF").setInputFiles(letter);
  await page.getByLabel("Judul dokumen").fill(title);
  await page.getByLabel("Nomor dokumen").fill("800/123/429.116/2026");
  const signers = page.getByTestId("signer-list").getByRole("listitem");
  await expect(signers).toHaveCount(1);
  await expect(signers.first()).toContainText("Saya sendiri");
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Unggah dan lanjutkan" }).click();
  await expect(page).toHaveURL(/\/tandatangan\/\d+$/, { timeout: 30_000 });
  await expect(page.getByTestId("signing-status").first()).toHaveText("Menunggu tanda tangan Anda");

  // Placement: the preview opens on the last page with the block bottom right; drag it up and left.
  await expect(page.getByTestId("placement-block")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Halaman", { exact: true })).toHaveValue("1");
  const initial = await placement(page);
  expect(initial.x).toBeGreaterThan(0.4);
  expect(initial.y).toBeGreaterThan(0.8);
  await dragBlock(page, -60, -200, touch);
  const placed = await placement(page);
  expect(placed.pageIndex).toBe(1);
  expect(placed.x).toBeLessThan(initial.x - 0.05);
  expect(placed.y).toBeLessThan(initial.y - 0.1);
  await expectNoHorizontalScroll(page);

  // A wrong passphrase: a clear message, and the chosen position survives.
  await page.getByLabel("Passphrase TTE").fill("bukan passphrase saya");
  await page.getByRole("button", { name: "Tandatangani" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Passphrase TTE salah");
  expect(await placement(page)).toEqual(placed);

  await page.getByLabel("Passphrase TTE").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Tandatangani" }).click();
  await expect(page.getByTestId("signed-notice")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("signing-status").first()).toHaveText("Selesai");

  // The signed file: a valid signature for an independent verifier, with the block where it was dropped.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-signed").click()]);
  const signedPath = testInfo.outputPath("surat-ditandatangani.pdf");
  await download.saveAs(signedPath);
  const signed = fs.readFileSync(signedPath);
  const pdfsig = spawnSync("pdfsig", [signedPath], { encoding: "utf8" });
  expect(`${pdfsig.stdout}${pdfsig.stderr}`).toContain("Signature is Valid");
  const rect = /\/Rect \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]/.exec(signed.subarray(fs.statSync(letter).size).toString("latin1"));
  expect(rect).not.toBeNull();
  const [left, bottom, right, top] = rect!.slice(1).map(Number);
  expect(Math.abs(left - placed.x * A4.width)).toBeLessThan(1);
  expect(Math.abs(top - (A4.height - placed.y * A4.height))).toBeLessThan(1);
  expect(Math.round(right - left)).toBe(BLOCK.width);
  expect(Math.round(top - bottom)).toBe(BLOCK.height);

  // The QR code's target, opened by someone who is not signed in.
  const verificationPath = await page.getByRole("link", { name: "Buka halaman verifikasi" }).getAttribute("href");
  expect(verificationPath).toMatch(/^\/verifikasi\/[0-9a-f]{32}$/);
  const visitor = await anonymousPage(browser, testInfo);
  await visitor.goto(verificationPath!);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Dokumen sah");
  await expect(visitor.getByTestId("verify-title")).toHaveText(title);
  await expect(visitor.getByTestId("verify-signers")).toContainText(signer.name);
  await expect(visitor.getByTestId("verify-signers")).toContainText("Sertifikat sah saat menandatangani");
  await expect(visitor.getByTestId("verify-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expectNoHorizontalScroll(visitor);

  // Upload-to-verify: the signed file is valid and is exactly what Kawan issued…
  await visitor.getByRole("link", { name: "Periksa berkas PDF" }).click();
  await expect(visitor).toHaveURL(/\/verifikasi$/);
  await visitor.getByLabel("Berkas PDF").setInputFiles(signedPath);
  await visitor.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(visitor.getByTestId("verify-verdict")).toHaveText("Dokumen sah");
  await expect(visitor.getByTestId("verify-signature")).toContainText(signer.name);
  await expect(visitor.getByTestId("verify-issued")).toContainText("sama persis dengan versi 2");

  // …and the same file with bytes appended after the signature is flagged.
  await visitor.getByRole("button", { name: "Periksa berkas lain" }).click();
  await visitor.getByLabel("Berkas PDF").setInputFiles({
    name: "surat-diubah.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([signed, Buffer.from("\n% baris tambahan sesudah tanda tangan\n", "latin1")]),
  });
  await visitor.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(visitor.getByTestId("verify-verdict")).toHaveText("Dokumen diubah setelah ditandatangani");
  await expect(visitor.getByTestId("verify-not-issued")).toBeVisible();
  await visitor.context().close();
});

test("signs at the # marker the drafter typed (anchor placement, in the server's worker thread)", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // Runs after the test above in the same worker, so this employee is already enrolled.
  const signer = SIGNER[testInfo.project.name as keyof typeof SIGNER];
  await signIn(page, signer.email);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const only = doc.addPage([A4.width, A4.height]);
  only.drawText("Banyuwangi, 28 November 2026", { x: 300, y: 330, size: 12, font });
  only.drawText("#", { x: 300, y: 300, size: 12, font });
  const letter = testInfo.outputPath("surat-berpenanda.pdf");
  fs.writeFileSync(letter, await doc.save());

  await page.goto("/tandatangan/baru");
  await page.getByLabel("Berkas PDF").setInputFiles(letter);
  await page.getByLabel("Judul dokumen").fill(`Surat dengan penanda (${testInfo.project.name})`);
  await page.getByRole("button", { name: "Unggah dan lanjutkan" }).click();
  await expect(page).toHaveURL(/\/tandatangan\/\d+$/, { timeout: 30_000 });
  await page.getByRole("radio", { name: "Pada tanda # di dokumen" }).click();
  await page.getByLabel("Passphrase TTE").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Tandatangani" }).click();
  await expect(page.getByTestId("signed-notice")).toBeVisible({ timeout: 90_000 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-signed").click()]);
  const signedPath = testInfo.outputPath("surat-berpenanda-ditandatangani.pdf");
  await download.saveAs(signedPath);
  const signed = fs.readFileSync(signedPath);
  expect(spawnSync("pdfsig", [signedPath], { encoding: "utf8" }).stdout).toContain("Signature is Valid");
  const rect = /\/Rect \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]/.exec(signed.subarray(fs.statSync(letter).size).toString("latin1"));
  const [left, , , top] = rect!.slice(1).map(Number);
  expect(Math.abs(left - 300)).toBeLessThan(1);
  expect(top).toBeGreaterThan(300);
  expect(top).toBeLessThan(320);
});

test("the public finds verification from the sign-in page, and an unknown code gets guidance", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByRole("link", { name: "Verifikasi dokumen" }).click();
  await expect(page).toHaveURL(/\/verifikasi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periksa berkas PDF");
  await expect(page.getByTestId("public-agency")).toContainText("Banyuwangi");

  const response = await page.goto("/verifikasi/0123456789abcdef0123456789abcdef");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dokumen tidak ditemukan");
  await expect(page.getByText("Pastikan alamat dari kode QR tersalin utuh")).toBeVisible();
  await expectNoHorizontalScroll(page);

  // A file that is not a PDF gets a plain message, not a verdict.
  await page.goto("/verifikasi");
  await page.getByLabel("Berkas PDF").setInputFiles({ name: "bukan.pdf", mimeType: "application/pdf", buffer: Buffer.from("ini bukan PDF") });
  await page.getByRole("button", { name: "Periksa", exact: true }).click();
  await expect(page.getByText("Berkas ini bukan PDF")).toBeVisible();
});

test("signing files need a session: downloads refuse strangers", async ({ request }) => {
  expect((await request.get("/api/tandatangan/1/berkas")).status()).toBe(401);
  expect((await request.get("/api/verifikasi/0123456789abcdef0123456789abcdef/berkas")).status()).toBe(404);
  expect((await request.get("/tandatangan/cari-pegawai?q=wahyu")).status()).toBe(401);
});
