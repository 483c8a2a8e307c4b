import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { expectNoHorizontalScroll, signIn } from "./support";

// A letter from outside arrives at the regent's office, on phones: the clerk of the Setda registers it; the
// Bupati forwards it to the Sekretaris Daerah; the Sekda forwards it to two heads of office (and withdraws a
// third disposition while it is unread); the Kepala Dinas Kominfo hands it to a staff member, who reports the
// follow-up and completes; the Bupati's tree shows every state; the printed disposition sheet opens.

const MAIL = (name: string) => `${name}@banyuwangikab.go.id`;
const PEOPLE = {
  clerk: MAIL("siti.nurhasanah"),
  regent: MAIL("ahmad.rahman"),
  sekda: MAIL("bambang.sutrisno"),
  kominfo: MAIL("wahyu.hidayat"),
  staff: MAIL("rizky.putra"),
};

async function as(browser: Browser, testInfo: TestInfo, email: string): Promise<Page> {
  const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function pick(page: Page, scope: ReturnType<Page["getByTestId"]>, group: string, search: string, option: RegExp) {
  const picker = scope.getByRole("group", { name: group });
  await picker.getByRole("combobox").fill(search);
  await picker.getByRole("option", { name: option }).first().click();
}

async function scanOfLetter(file: string) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText("KEMENTERIAN DALAM NEGERI - Percepatan realisasi belanja daerah", { x: 50, y: 780, size: 12, font });
  fs.writeFileSync(file, await doc.save());
}

test("a letter is registered, dispositioned down three levels, followed up, withdrawn where unread, and its sheet printed", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const subject = `Percepatan realisasi belanja daerah ${Date.now() % 100000}`;

  // --- The clerk registers the letter with its scan.
  const clerk = await as(browser, testInfo, PEOPLE.clerk);
  await clerk.goto("/surat-masuk?daftar=register");
  await clerk.getByRole("link", { name: "Catat surat masuk" }).click();
  await expect(clerk).toHaveURL(/\/surat-masuk\/baru$/);
  await clerk.getByLabel("Instansi pengirim").fill("Kementerian Dalam Negeri");
  await clerk.getByLabel("Nama atau jabatan pengirim").fill("Direktur Jenderal Bina Keuangan Daerah");
  await clerk.getByLabel("Nomor surat").fill("900.1/1234/Keuda");
  await clerk.getByLabel("Tanggal surat").fill("2026-11-20");
  await clerk.getByLabel("Hal", { exact: true }).fill(subject);
  const addressees = clerk.getByRole("group", { name: "Ditujukan kepada" });
  await addressees.getByRole("combobox").fill("Bupati Banyuwangi");
  await addressees.getByRole("option", { name: /Bupati Banyuwangi/ }).first().click();
  const scan = testInfo.outputPath("surat.pdf");
  await scanOfLetter(scan);
  await clerk.getByLabel("Berkas PDF").setInputFiles(scan);
  await expectNoHorizontalScroll(clerk);
  await clerk.getByRole("button", { name: "Simpan dan beri nomor agenda" }).click();
  await expect(clerk).toHaveURL(/\/surat-masuk\/\d+/, { timeout: 30_000 });
  const letterId = Number(/\/surat-masuk\/(\d+)/.exec(clerk.url())![1]);
  await expect(clerk.getByTestId("agenda-number").first()).toHaveText(/^\d+$/);

  // --- The Bupati finds it unread and forwards it to the Sekretaris Daerah.
  const regent = await as(browser, testInfo, PEOPLE.regent);
  await regent.goto("/surat-masuk?daftar=masuk");
  const entry = regent.getByTestId("letter-list").getByRole("link", { name: new RegExp(subject) });
  await expect(entry).toContainText("Belum dibaca");
  await entry.click();
  const disposeLetter = regent.getByTestId("dispose-letter");
  await pick(regent, disposeLetter, "Diteruskan kepada", "Sekretaris Daerah", /Sekretaris Daerah/);
  await disposeLetter.getByLabel("Untuk ditindaklanjuti").check();
  await disposeLetter.getByLabel("Batas waktu").fill("2027-01-15");
  await disposeLetter.getByRole("button", { name: "Kirim disposisi" }).click();
  await expect(regent.getByTestId("form-success")).toBeVisible({ timeout: 30_000 });

  // --- The Sekda forwards it to two heads of office, then a third by mistake, and withdraws that one.
  const sekda = await as(browser, testInfo, PEOPLE.sekda);
  await sekda.goto(`/surat-masuk/${letterId}`);
  const further = sekda.getByTestId("dispose-further");
  await further.locator("summary").click();
  await pick(sekda, further, "Diteruskan kepada", "Kepala Dinas Komunikasi", /Kepala Dinas Komunikasi/);
  await pick(sekda, further, "Diteruskan kepada", "Kepala Dinas Kesehatan", /Kepala Dinas Kesehatan/);
  await further.getByLabel("Koordinasikan dengan unit terkait").check();
  await further.getByRole("button", { name: "Kirim disposisi" }).click();
  await expect(sekda.getByTestId("form-success")).toBeVisible({ timeout: 30_000 });
  const again = sekda.getByTestId("dispose-further");
  await again.locator("summary").click();
  await pick(sekda, again, "Diteruskan kepada", "Kepala Dinas Pendidikan", /Kepala Dinas Pendidikan/);
  await again.getByLabel("Untuk diketahui").check();
  await again.getByRole("button", { name: "Kirim disposisi" }).click();
  await expect(sekda.getByTestId("form-success")).toBeVisible({ timeout: 30_000 });
  const mistaken = sekda.getByTestId("disposition-node").filter({ hasText: "Kepala Dinas Pendidikan" });
  await mistaken.getByRole("button", { name: "Tarik disposisi" }).click();
  await expect(sekda.getByTestId("disposition-node").filter({ hasText: "Kepala Dinas Pendidikan" }).first()).toHaveAttribute("data-state", "withdrawn");

  // --- The Kepala Dinas Kominfo hands it to a staff member.
  const kominfo = await as(browser, testInfo, PEOPLE.kominfo);
  await kominfo.goto(`/surat-masuk/${letterId}`);
  const down = kominfo.getByTestId("dispose-further");
  await down.locator("summary").click();
  await pick(kominfo, down, "Diteruskan kepada", "Rizky", /Pranata Komputer/);
  await down.getByLabel("Siapkan bahan / sambutan / paparan").check();
  await down.getByRole("button", { name: "Kirim disposisi" }).click();
  await expect(kominfo.getByTestId("form-success")).toBeVisible({ timeout: 30_000 });

  // --- The staff member reports the follow-up and completes it.
  const staff = await as(browser, testInfo, PEOPLE.staff);
  await staff.goto("/surat-masuk?daftar=disposisi");
  await staff.getByTestId("letter-list").getByRole("link", { name: new RegExp(subject) }).click();
  const followUp = staff.getByTestId("follow-up");
  if (!(await followUp.getAttribute("open"))) await followUp.locator("summary").click();
  await followUp.getByLabel("Tindak lanjut yang sudah dilakukan").fill("Bahan paparan realisasi belanja sudah disiapkan dan dikirim ke Sekretariat.");
  await followUp.getByLabel("Disposisi ini sudah selesai").check();
  await followUp.getByRole("button", { name: "Simpan tindak lanjut" }).click();
  await expect(staff.getByTestId("form-success")).toBeVisible({ timeout: 30_000 });
  await expectNoHorizontalScroll(staff);

  // --- The Bupati's tree shows every branch with its state.
  await regent.goto(`/surat-masuk/${letterId}`);
  const states = await regent.getByTestId("disposition-node").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-state")));
  expect(states.sort()).toEqual(["completed", "in_progress", "in_progress", "unread", "withdrawn"].sort());
  await expectNoHorizontalScroll(regent);
  // The Kepala Dinas Kominfo does not see his sibling's branch (the Dinas Kesehatan).
  await kominfo.goto(`/surat-masuk/${letterId}`);
  await expect(kominfo.getByTestId("disposition-tree")).not.toContainText("Kepala Dinas Kesehatan");

  // --- The printed disposition sheet opens as a PDF.
  await expect(regent.getByTestId("print-sheet")).toBeVisible();
  const sheet = await regent.request.get(`/api/surat-masuk/${letterId}/lembar-disposisi`);
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()["content-type"]).toBe("application/pdf");
  const file = testInfo.outputPath("lembar.pdf");
  fs.writeFileSync(file, await sheet.body());
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  expect(text).toContain("LEMBAR DISPOSISI");
  expect(text).toContain("900.1/1234/Keuda");
  expect(text).toContain("Sekretaris Daerah");
});

test("letter files need a session", async ({ request }) => {
  expect((await request.get("/api/surat-masuk/1/berkas")).status()).toBe(401);
  expect((await request.get("/api/surat-masuk/1/lembar-disposisi")).status()).toBe(401);
});
