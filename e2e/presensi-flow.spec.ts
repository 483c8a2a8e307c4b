import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { DEMO_SITES } from "../db/seed/demo-sites";
import { expectNoHorizontalScroll, signIn } from "./support";

// Presensi on a phone with an emulated position (e2e/arrange-attendance.ts opens the demo schedule to any hour):
// poor accuracy and a position outside the fence are refused, a check-in at the office with a live selfie is
// recorded; a flexible worker registers her home, asks for WFH and a day of leave, her Kepala Bidang approves
// both, she checks in at home and the leave shows in her month; the Kabid downloads the recap and the XLSX reads
// back with the figures in the database.

const MAIL = (name: string) => `${name}@banyuwangikab.go.id`;
const PEOPLE = { staff: MAIL("rizky.putra"), flexible: MAIL("heni.handayani"), kabid: MAIL("nur.arifin") };
const HOME = { latitude: -8.2301, longitude: 114.3556 };
const KOMINFO = { latitude: DEMO_SITES.kominfo.latitude, longitude: DEMO_SITES.kominfo.longitude };
const DATABASE = path.join(process.cwd(), ".e2e", "data", "kawan.db");

const wib = (offsetDays = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function phone(browser: Browser, email: string, position: { latitude: number; longitude: number } = KOMINFO, accuracy = 12): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    geolocation: { latitude: position.latitude, longitude: position.longitude, accuracy },
    permissions: ["geolocation", "camera"],
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test.describe.configure({ mode: "serial" });

test("check-in at the office: poor accuracy and outside the fence refused, inside with a selfie recorded", async ({ browser }) => {
  const page = await phone(browser, PEOPLE.staff, DEMO_SITES.pemkab, 450);
  await page.getByRole("link", { name: "Presensi" }).first().click();
  await expect(page.getByRole("heading", { name: "Presensi" })).toBeVisible();
  await expect(page.getByTestId("server-clock")).toHaveText(/\d{2}\.\d{2}\.\d{2}/);

  await page.getByTestId("clock-button").click();
  await expect(page.getByTestId("clock-error")).toContainText("Akurasi lokasi ±450 m, batasnya 100 m");

  // About 3.4 km south of the office, with a good fix.
  await page.context().setGeolocation({ latitude: KOMINFO.latitude - 0.031, longitude: KOMINFO.longitude, accuracy: 10 });
  await page.getByTestId("clock-button").click();
  await expect(page.getByTestId("clock-outside")).toContainText("di luar batas lokasi presensi");
  await page.getByRole("button", { name: "Batal" }).click();
  await expect(page.getByTestId("attendance-records")).toHaveCount(0);

  await page.getByRole("button", { name: "Ambil swafoto" }).click();
  await page.getByRole("button", { name: "Ambil foto" }).click();
  await expect(page.getByText(/Swafoto siap dikirim \(\d+ KB\)/)).toBeVisible();

  await page.context().setGeolocation({ ...KOMINFO, accuracy: 12 });
  await page.getByTestId("clock-button").click();
  await expect(page.getByTestId("clock-success")).toContainText("Presensi masuk tercatat pukul");
  await expect(page.getByTestId("attendance-status")).toContainText("Hadir");
  await expect(page.getByTestId("attendance-records")).toContainText("Kantor Dinas Komunikasi");
  await expect(page.getByTestId("clock-button")).toContainText("Presensi Pulang");
  await expectNoHorizontalScroll(page);
  await page.goto("/");
  await expect(page.getByTestId("home-attendance")).toContainText(/Masuk \d{2}\.\d{2}/);

  const db = new Database(DATABASE, { readonly: true });
  const row = db
    .prepare("select r.kind, r.mode, r.selfie_sha256 as selfie, f.size from attendance_records r join employees e on e.id = r.employee_id left join files f on f.sha256 = r.selfie_sha256 where e.email = ? and r.local_date = ?")
    .get(PEOPLE.staff, wib()) as { kind: string; mode: string; selfie: string | null; size: number | null };
  db.close();
  expect(row).toMatchObject({ kind: "in", mode: "wfo" });
  expect(row.selfie).toBeTruthy();
  expect(row.size).toBeLessThanOrEqual(50 * 1024);
  await page.context().close();
});

test("WFH at the registered home and a day of leave, both approved by the Kepala Bidang; the recap reads back", async ({ browser }) => {
  const heni = await phone(browser, PEOPLE.flexible, HOME, 15);
  await heni.goto("/presensi");
  await heni.getByTestId("home-point-register").click();
  await expect(heni.getByText(/Titik rumah terdaftar sejak/)).toBeVisible();

  const request = async (kind: string, from: string, reason: string, leaveType?: string) => {
    await heni.goto("/presensi/pengajuan/baru");
    await heni.getByLabel("Jenis pengajuan").selectOption({ label: kind });
    if (leaveType) await heni.getByLabel("Jenis cuti").selectOption({ label: leaveType });
    await heni.getByLabel("Tanggal mulai").fill(from);
    await heni.getByLabel("Tanggal selesai").fill(from);
    await heni.getByLabel("Alasan").fill(reason);
    await heni.getByRole("button", { name: "Kirim pengajuan" }).click();
    await expect(heni.getByTestId("request-ok")).toBeVisible();
  };
  await request("Kerja dari rumah (WFH)", wib(), "Menyusun laporan statistik dari rumah.");
  await request("Cuti", wib(1), "Keperluan keluarga.", "Cuti tahunan");
  await expect(heni.getByTestId("my-request")).toHaveCount(2);
  await expectNoHorizontalScroll(heni);

  const kabid = await phone(browser, PEOPLE.kabid);
  await kabid.getByRole("link", { name: "2 pengajuan presensi menunggu persetujuan Anda" }).click();
  await expect(kabid.getByTestId("pending-approval")).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    await kabid.getByTestId("pending-approval").first().getByRole("button", { name: "Setujui" }).click();
    await expect(kabid.getByTestId("pending-approval")).toHaveCount(1 - i);
  }
  await expectNoHorizontalScroll(kabid);

  await heni.goto("/presensi");
  await expect(heni.getByTestId("attendance-schedule")).toContainText("WFH (rumah)");
  await heni.getByTestId("clock-button").click();
  await expect(heni.getByTestId("clock-success")).toContainText("Presensi masuk tercatat");
  await expect(heni.getByTestId("attendance-records")).toContainText("WFH");

  const tomorrow = wib(1);
  await heni.goto(`/presensi/bulan?bulan=${tomorrow.slice(0, 7)}`);
  await expect(heni.locator(`[data-date="${tomorrow}"]`)).toHaveAttribute("aria-label", /Cuti/);
  await expectNoHorizontalScroll(heni);

  // The Kabid's recap of his bidang: the XLSX must say what the database says about Heni this month.
  await kabid.goto("/presensi/rekap");
  await expect(kabid.getByTestId("recap-cards")).toBeVisible();
  await expectNoHorizontalScroll(kabid);
  const [download] = await Promise.all([kabid.waitForEvent("download"), kabid.getByTestId("download-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/^rekap-presensi-.+-\d{4}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  let header: string[] = [];
  let heniRow: (string | number)[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === "object" && v !== null && "result" in v ? (v as { result: number }).result : v)) as (string | number)[];
    if (values.includes("NIP") && values.includes("Nama")) header = values.map(String);
    if (values.some((v) => typeof v === "string" && v.startsWith("Heni"))) heniRow = values;
  });
  expect(header).toEqual(expect.arrayContaining(["NIP", "Nama", "Hadir", "TL1", "PSW4", "TK (tanpa keterangan)", "Cuti", "Potongan TPP"]));
  const cell = (name: string) => Number(heniRow[header.indexOf(name)]);

  const db = new Database(DATABASE, { readonly: true });
  const counted = db
    .prepare(
      `select sum(status = 'present') as present, sum(status = 'absent') as absent, sum(late_bucket = 1) as tl1
       from attendance_days d join employees e on e.id = d.employee_id
       where e.email = ? and d.local_date >= ? and d.local_date < ?`,
    )
    .get(PEOPLE.flexible, `${wib().slice(0, 7)}-01`, wib()) as { present: number | null; absent: number | null; tl1: number | null };
  db.close();
  expect(cell("Hadir")).toBe(counted.present ?? 0);
  expect(cell("TK (tanpa keterangan)")).toBe(counted.absent ?? 0);
  expect(cell("TL1")).toBe(counted.tl1 ?? 0);
  await heni.context().close();
  await kabid.context().close();
});
