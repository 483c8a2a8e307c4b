import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { DEMO_PASSWORD, expectNoHorizontalScroll, signIn } from "./support";

// The whole life of a Nota Dinas on a phone, by the people of the demo regency's Dinas Kominfo:
// the drafter (Pranata Komputer, Seksi Pengembangan Aplikasi) writes it with a table and a nested list;
// the Kepala Seksi returns it; the drafter revises; the Kepala Seksi and the Kepala Bidang initial; the
// Sekretaris Dinas signs with her passphrase; the number appears; the Kepala Dinas Kesehatan reads it;
// the drafter sees the read receipt; pdfsig validates the final file.

const MAIL = (name: string) => `${name}@banyuwangikab.go.id`;
const PEOPLE = {
  drafter: MAIL("rizky.putra"),
  kasi: MAIL("heni.handayani"),
  kabid: MAIL("nur.arifin"),
  signer: MAIL("dyah.kusumawati"),
  recipient: MAIL("hasan.basri"),
};
const PASSPHRASE = "kopi osing pagi 2026";

async function as(browser: Browser, testInfo: TestInfo, email: string): Promise<Page> {
  const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function openFromList(page: Page, list: string, subject: string) {
  await page.goto(`/naskah?daftar=${list}`);
  await page.getByTestId("document-list").getByRole("link", { name: new RegExp(subject) }).first().click();
  await expect(page).toHaveURL(/\/naskah\/\d+(\/ubah)?$/);
}

test("a Nota Dinas is drafted, returned, revised, initialled, signed, numbered, read and verified", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const subject = `Rapat koordinasi aplikasi presensi ${Date.now() % 100000}`;

  // --- The drafter writes on the phone.
  const drafter = await as(browser, testInfo, PEOPLE.drafter);
  await drafter.getByRole("link", { name: "Naskah", exact: true }).filter({ visible: true }).click();
  await drafter.getByRole("link", { name: "Tulis naskah" }).click();
  await expect(drafter).toHaveURL(/\/naskah\/baru$/);
  await drafter.getByRole("radio", { name: "Nota Dinas" }).check();
  await drafter.getByRole("button", { name: "Mulai menulis" }).click();
  await expect(drafter).toHaveURL(/\/naskah\/\d+\/ubah$/, { timeout: 20_000 });
  const documentId = Number(/\/naskah\/(\d+)\/ubah/.exec(drafter.url())![1]);

  const code = drafter.getByRole("combobox", { name: "Kode klasifikasi arsip" });
  await code.fill("rapat");
  await drafter.getByRole("listbox", { name: "Kode klasifikasi arsip" }).getByRole("option").first().click();
  await drafter.getByLabel("Hal", { exact: true }).fill(subject);

  const to = drafter.getByRole("group", { name: "Yth. (tujuan)" });
  await to.getByRole("combobox").fill("Kepala Dinas Kesehatan");
  await to.getByRole("option", { name: /Kepala Dinas Kesehatan/ }).first().click();
  await expect(drafter.getByTestId("recipients-list")).toContainText("Kepala Dinas Kesehatan");

  // The body: a paragraph, a numbered list with a nested item, and a table.
  const editor = drafter.locator("[contenteditable=true]");
  await editor.click();
  await drafter.keyboard.type("Dengan hormat, kami mengundang Bapak/Ibu ke rapat dengan agenda:");
  await drafter.keyboard.press("Enter");
  await drafter.getByRole("button", { name: "Daftar bernomor" }).click();
  await drafter.keyboard.type("Paparan aplikasi");
  await drafter.keyboard.press("Enter");
  await drafter.keyboard.press("Tab");
  await drafter.keyboard.type("uji coba lapangan");
  await drafter.keyboard.press("Enter");
  await drafter.keyboard.press("Shift+Tab");
  await drafter.keyboard.type("Tanya jawab");
  await drafter.keyboard.press("Enter");
  await drafter.keyboard.press("Enter");
  await drafter.getByRole("button", { name: "Sisipkan tabel 3 × 3" }).click();
  await drafter.keyboard.type("Waktu");
  await drafter.keyboard.press("Tab");
  await drafter.keyboard.type("Kegiatan");
  await expect(editor.locator("ol ol li")).toHaveCount(1);
  await expect(editor.locator("table")).toHaveCount(1);

  // The chain proposed from the tree: Kepala Seksi, Kepala Bidang; the signer is changed to the Sekretaris.
  const reviewers = drafter.getByTestId("reviewerPicks-list").getByRole("listitem");
  await expect(reviewers).toHaveCount(2);
  await expect(reviewers.nth(0)).toContainText("Kepala Seksi Pengembangan Aplikasi");
  await expect(reviewers.nth(1)).toContainText("Kepala Bidang Aplikasi Informatika");
  const signers = drafter.getByRole("group", { name: "Penandatangan, berurutan" });
  await signers.getByRole("button", { name: /Hapus Kepala Dinas Komunikasi/ }).click();
  await signers.getByRole("combobox").fill("Sekretaris Dinas Komunikasi");
  await signers.getByRole("option", { name: /Sekretaris Dinas Komunikasi/ }).first().click();

  await expect(drafter.getByTestId("autosave-status")).toContainText("Tersimpan", { timeout: 20_000 });
  await expectNoHorizontalScroll(drafter);
  // The preview tab shows the rendered PDF.
  await drafter.getByRole("tab", { name: "Pratinjau" }).click();
  await drafter.getByTestId("pdf-viewer").scrollIntoViewIfNeeded();
  await expect(drafter.locator("canvas").first()).toBeVisible({ timeout: 30_000 });
  await drafter.getByRole("tab", { name: "Tulis" }).click();
  await drafter.getByRole("button", { name: "Kirim untuk paraf" }).click();
  await expect(drafter).toHaveURL(new RegExp(`/naskah/${documentId}\\?ok=dikirim`), { timeout: 30_000 });

  // --- The Kepala Seksi returns it with a note.
  const kasi = await as(browser, testInfo, PEOPLE.kasi);
  await openFromList(kasi, "paraf", subject);
  await kasi.getByLabel("Catatan perbaikan").fill("Mohon cantumkan tempat rapat.");
  await kasi.getByRole("button", { name: "Kembalikan" }).click();
  await expect(kasi.getByTestId("form-success")).toHaveText("Naskah dikembalikan ke konseptor.");

  // --- The drafter revises and sends it again.
  await openFromList(drafter, "konsep", subject);
  await expect(drafter.getByText("Naskah dikembalikan untuk diperbaiki")).toBeVisible();
  await drafter.locator("[contenteditable=true]").locator("p").first().click();
  await drafter.keyboard.press("End");
  await drafter.keyboard.type(" Tempat: Ruang Rapat Diskominfo.");
  await expect(drafter.getByTestId("autosave-status")).toContainText("Tersimpan", { timeout: 20_000 });
  await drafter.getByRole("button", { name: "Kirim untuk paraf" }).click();
  await expect(drafter).toHaveURL(new RegExp(`/naskah/${documentId}\\?ok=dikirim`), { timeout: 30_000 });

  // --- Two paraf.
  for (const reviewer of [kasi, await as(browser, testInfo, PEOPLE.kabid)]) {
    await openFromList(reviewer, "paraf", subject);
    await reviewer.getByRole("button", { name: "Paraf (setujui)" }).click();
    await expect(reviewer.getByTestId("form-success")).toHaveText("Paraf tersimpan.", { timeout: 30_000 });
  }

  // --- The Sekretaris Dinas enrols for TTE, then signs with her passphrase.
  const signer = await as(browser, testInfo, PEOPLE.signer);
  await signer.goto("/tte");
  await signer.getByLabel("Kata sandi masuk").fill(DEMO_PASSWORD);
  await signer.getByLabel("Passphrase TTE", { exact: true }).fill(PASSPHRASE);
  await signer.getByLabel("Ulangi passphrase TTE").fill(PASSPHRASE);
  await signer.getByRole("button", { name: "Daftar dan terbitkan sertifikat" }).click();
  await expect(signer.getByTestId("tte-current")).toBeVisible({ timeout: 60_000 });
  await openFromList(signer, "tandatangan", subject);
  await expect(signer.getByTestId("document-number")).toHaveText("Nomor diberikan setelah ditandatangani");
  await signer.getByLabel("Passphrase TTE").fill(PASSPHRASE);
  await signer.getByRole("button", { name: "Tandatangani dan kirim" }).click();
  await expect(signer.getByTestId("form-success")).toHaveText("Naskah ditandatangani.", { timeout: 60_000 });
  const number = (await signer.getByTestId("document-number").textContent())!.trim();
  expect(number).toMatch(/^\d{3}(\.\d+)*\/\d+\/DISKOMINFO\/\d{4}$/);

  // --- The recipient finds it unread in the inbox and reads it.
  const recipient = await as(browser, testInfo, PEOPLE.recipient);
  await recipient.goto("/naskah?daftar=masuk");
  const entry = recipient.getByTestId("document-list").getByRole("link", { name: new RegExp(subject) });
  await expect(entry).toContainText("Belum dibaca");
  await expect(entry).toContainText(number);
  await entry.click();
  await expect(recipient.getByTestId("document-number")).toHaveText(number);
  // The viewer loads pdf.js when it comes near the screen, as the reader scrolls down to it.
  await recipient.getByTestId("pdf-viewer").scrollIntoViewIfNeeded();
  await expect(recipient.locator("canvas").first()).toBeVisible({ timeout: 30_000 });
  await expectNoHorizontalScroll(recipient);

  // --- The drafter sees the read receipt and the whole timeline.
  await drafter.goto(`/naskah/${documentId}`);
  await expect(drafter.getByTestId("read-receipts")).toContainText("Dibaca oleh dr. Hasan Basri");
  const timeline = drafter.getByTestId("timeline");
  for (const step of ["Dikembalikan untuk diperbaiki", "Diparaf", "Ditandatangani secara elektronik", "Diberi nomor", "Dikirim ke tujuan", "Dibaca"]) {
    await expect(timeline).toContainText(step);
  }

  // --- The final file verifies with poppler's pdfsig.
  const response = await drafter.request.get(`/api/naskah/${documentId}/berkas`);
  expect(response.status()).toBe(200);
  const file = testInfo.outputPath("naskah.pdf");
  fs.writeFileSync(file, await response.body());
  const report = execFileSync("pdfsig", [file], { encoding: "utf8" });
  expect(report).toContain("Signature Validation: Signature is Valid.");
  expect(report).toContain("Total document signed");
  expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).toContain(number);

  // --- Someone outside the document gets "not found", for the page and for the file.
  const outsider = await as(browser, testInfo, MAIL("putri.wulandari"));
  expect((await outsider.request.get(`/api/naskah/${documentId}/berkas`)).status()).toBe(404);
  const page404 = await outsider.goto(`/naskah/${documentId}`);
  expect(page404?.status()).toBe(404);
});

test("naskah files and searches need a session", async ({ request }) => {
  expect((await request.get("/api/naskah/1/berkas")).status()).toBe(401);
  expect((await request.get("/api/naskah/1/lampiran/1")).status()).toBe(401);
  expect((await request.get("/naskah/klasifikasi?q=rapat")).status()).toBe(401);
  expect((await request.get("/naskah/cari-penerima?q=kepala")).status()).toBe(401);
});
