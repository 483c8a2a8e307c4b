/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM,
 * gender digit (1 male, 2 female), serial number of 3 digits.
 */
export type NipInfo = { birthDate: string; appointmentMonth: string; gender: "male" | "female"; serial: string };

function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parseNip(raw: string): NipInfo | null {
  const nip = raw.replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return null;
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const g = nip[14];
  if (by < 1940 || !isValidDate(by, bm, bd)) return null;
  if (am < 1 || am > 12 || ay < by + 15 || ay > 2100) return null;
  if (g !== "1" && g !== "2") return null;
  return {
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointmentMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: g === "1" ? "male" : "female",
    serial: nip.slice(15),
  };
}

/** Message key naming the rule a NIP breaks, or null when it is well-formed. */
export function nipProblem(raw: string): string | null {
  const nip = raw.replace(/\s+/g, "");
  if (!/^\d+$/.test(nip)) return "nip.notDigits";
  if (nip.length !== 18) return "nip.wrongLength";
  if (parseNip(nip)) return null;
  const [by, bm, bd, ay, am] = [nip.slice(0, 4), nip.slice(4, 6), nip.slice(6, 8), nip.slice(8, 12), nip.slice(12, 14)].map(Number);
  if (by < 1940 || !isValidDate(by, bm, bd)) return "nip.birthDate";
  if (am < 1 || am > 12) return "nip.appointmentMonth";
  if (ay < by + 15 || ay > 2100) return "nip.appointmentYear";
  return "nip.gender";
}

/** Normalises user input: spaces removed (NIPs are often printed as 19800101 200501 1 001). */
export function normalizeNip(raw: string): string {
  return raw.replace(/\s+/g, "");
}

/** Printed form with the conventional spaces. */
export function formatNip(nip: string): string {
  return /^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}` : nip;
}

/**
 * NIK (Nomor Induk Kependudukan), 16 digits: region code (6), birth date DDMMYY with 40 added to the day for
 * women, serial (4).
 */
export function nikProblem(raw: string): string | null {
  const nik = raw.replace(/\s+/g, "");
  if (!/^\d{16}$/.test(nik)) return "nik.wrongFormat";
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (day > 40) day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12) return "nik.badContent";
  return null;
}
