import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoHorizontalScroll, signIn } from "./support";

// The usability pass on a 360 x 740 phone (issue 8, item 5): as three demo people, every list and detail page
// fits the screen, every control in the page body is a thumb-sized target, every list has its empty state or rows
// and a refresh button that reloads in place, and a refused form keeps what was typed.

const MAIL = (name: string) => `${name}@banyuwangikab.go.id`;
const KEPALA_DINAS = MAIL("wahyu.hidayat");

/** Lists every signed-in person has. */
const COMMON_LISTS = [
  "/",
  "/naskah?daftar=konsep",
  "/naskah?daftar=paraf",
  "/naskah?daftar=tandatangan",
  "/naskah?daftar=keluar",
  "/naskah?daftar=masuk",
  "/naskah?daftar=tembusan",
  "/surat-masuk",
  "/tandatangan",
  "/presensi/bulan",
  "/presensi/pengajuan",
  "/notifikasi",
  "/cari?q=surat",
];
const COMMON_PAGES = ["/presensi", "/akun", "/tte", "/naskah/baru", "/presensi/pengajuan/baru", "/tandatangan/baru", "/cari"];
const LEADER_LISTS = ["/presensi/persetujuan", "/presensi/tim", "/presensi/rekap"];
const ADMIN_LISTS = [
  "/admin/unit-kerja",
  "/admin/jabatan",
  "/admin/pegawai",
  "/admin/jenis-naskah",
  "/admin/petunjuk-disposisi",
  "/admin/audit",
  "/admin/sertifikat",
  "/admin/presensi/jadwal",
  "/admin/presensi/lokasi",
  "/admin/presensi/libur",
  "/admin/presensi/fleksibel",
];
const ADMIN_PAGES = ["/admin", "/admin/instansi", "/admin/presensi", "/admin/presensi/kebijakan", "/admin/pegawai/baru", "/admin/pegawai/impor", "/admin/jabatan/baru", "/admin/unit-kerja/baru"];

/**
 * Visible controls in the page body lower than 44 px. Links inside running text (a paragraph) are prose, not
 * targets; checkboxes and radios count by their label; the rich-text editor's content is the user's own text.
 */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll("main a[href], main button, main select, main input:not([type=hidden]), main textarea, main summary"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (el.closest("[contenteditable=true]")) continue;
      if (el.tagName === "A" && el.closest("p")) continue;
      const type = (el as HTMLInputElement).type;
      const target = (type === "checkbox" || type === "radio") && el.closest("label") ? el.closest("label")! : el;
      const height = target.getBoundingClientRect().height;
      if (height < 43.5) small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(height)} px`);
    }
    return small;
  });
}

async function expectPhoneFriendly(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoHorizontalScroll(page);
  expect(await smallTargets(page), `small touch targets on ${path}`).toEqual([]);
}

/** A list: fits, has rows or its empty state, and its refresh button reloads the data without leaving the page. */
async function expectList(page: Page, path: string) {
  await expectPhoneFriendly(page, path);
  const heading = await page.getByRole("heading", { level: 1 }).innerText();
  const refresh = page.getByTestId("list-refresh");
  await expect(refresh).toBeVisible();
  const box = await refresh.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
  const url = page.url();
  await refresh.click();
  await expect(refresh).not.toHaveAttribute("aria-busy", "true");
  expect(page.url()).toBe(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectNoHorizontalScroll(page);
}

/** Detail pages reached from a list's first few links (whatever the demo data and the other specs hold now). */
async function detailLinks(page: Page, list: string, pattern: RegExp, max = 2): Promise<string[]> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((href) => pattern.test(href)))].slice(0, max);
}

test.describe("phone usability", () => {
  test("a staff member's lists and pages fit the phone, with thumb-sized targets, empty states and refresh", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, DEMO.staff.email);
    for (const path of COMMON_LISTS) await expectList(page, path);
    for (const path of COMMON_PAGES) await expectPhoneFriendly(page, path);
    // A list without rows says so in a sentence.
    await page.goto("/presensi/pengajuan");
    await expect(page.getByTestId("list-empty").or(page.getByTestId("my-request").first())).toBeVisible();
  });

  test("a leader's lists, team pages and document details fit the phone", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, KEPALA_DINAS);
    for (const path of [...COMMON_LISTS, ...LEADER_LISTS]) await expectList(page, path);
    const details = [
      ...(await detailLinks(page, "/naskah?daftar=paraf", /^\/naskah\/\d+$/)),
      ...(await detailLinks(page, "/naskah?daftar=tandatangan", /^\/naskah\/\d+$/)),
      ...(await detailLinks(page, "/naskah?daftar=masuk", /^\/naskah\/\d+$/)),
      ...(await detailLinks(page, "/surat-masuk", /^\/surat-masuk\/\d+/)),
    ];
    for (const path of details) await expectPhoneFriendly(page, path);
  });

  test("the admin's lists, forms and records fit the phone", async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, DEMO.admin.email);
    for (const path of ADMIN_LISTS) await expectList(page, path);
    for (const path of ADMIN_PAGES) await expectPhoneFriendly(page, path);
    const details = [
      ...(await detailLinks(page, "/admin/pegawai", /^\/admin\/pegawai\/\d+$/, 1)),
      ...(await detailLinks(page, "/admin/jabatan", /^\/admin\/jabatan\/\d+$/, 1)),
      ...(await detailLinks(page, "/admin/unit-kerja", /^\/admin\/unit-kerja\/\d+$/, 1)),
      ...(await detailLinks(page, "/admin/jenis-naskah", /^\/admin\/jenis-naskah\/\d+$/, 1)),
      ...(await detailLinks(page, "/admin/presensi/jadwal", /^\/admin\/presensi\/jadwal\/\d+$/, 1)),
      ...(await detailLinks(page, "/admin/presensi/lokasi", /^\/admin\/presensi\/lokasi\/\d+$/, 1)),
      ...(await detailLinks(page, "/naskah?daftar=keluar", /^\/naskah\/\d+$/)),
      ...(await detailLinks(page, "/naskah?daftar=konsep", /^\/naskah\/\d+\/ubah$/, 1)),
    ];
    for (const path of details) await expectPhoneFriendly(page, path);
  });

  test("a refused leave request keeps the kind, the leave type and the reason", async ({ page }) => {
    await signIn(page, DEMO.staff.email);
    await page.goto("/presensi/pengajuan/baru");
    await page.getByLabel("Jenis pengajuan").selectOption({ label: "Cuti" });
    await page.getByLabel("Jenis cuti").selectOption({ label: "Cuti tahunan" });
    await page.getByLabel("Alasan").fill("Keperluan keluarga di Jember.");
    // No dates: refused.
    await page.getByRole("button", { name: "Kirim pengajuan" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page).toHaveURL(/\/presensi\/pengajuan\/baru$/);
    await expect(page.getByLabel("Jenis pengajuan")).toHaveValue("cuti");
    await expect(page.getByLabel("Jenis cuti")).toHaveValue("tahunan");
    await expect(page.getByLabel("Alasan")).toHaveValue("Keperluan keluarga di Jember.");
  });

  test("a new naskah sent without a subject is refused and keeps its body and choices", async ({ page }) => {
    await signIn(page, DEMO.staff.email);
    await page.goto("/naskah/baru");
    await page.getByRole("radio", { name: "Nota Dinas" }).check();
    await page.getByRole("button", { name: "Mulai menulis" }).click();
    await expect(page).toHaveURL(/\/naskah\/\d+\/ubah$/, { timeout: 20_000 });
    await expectNoHorizontalScroll(page);
    const editor = page.locator("[contenteditable=true]");
    await editor.click();
    await page.keyboard.type("Isi naskah yang tidak boleh hilang.");
    const selects = page.getByTestId("compose-form").locator("select");
    const before = await selects.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
    await page.getByRole("button", { name: "Kirim untuk paraf" }).click();
    await expect(page.getByTestId("form-error")).toBeVisible({ timeout: 20_000 });
    await expect(editor).toContainText("Isi naskah yang tidak boleh hilang.");
    expect(await selects.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value))).toEqual(before);
    await expectNoHorizontalScroll(page);
  });
});
