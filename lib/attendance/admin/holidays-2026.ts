import type { HOLIDAY_KINDS } from "@/db/schema";

// Hari libur nasional and cuti bersama 2026 as set by the SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan,
// Menteri PANRB) Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025: 17 national holidays and 8
// collective leave days. Typed in from public announcements of the decree: CHECK IT AGAINST THE PUBLISHED DECREE
// (and any later amendment) before relying on it; the admin can delete or add single days afterwards.

export type BuiltInHoliday = { date: string; name: string; kind: (typeof HOLIDAY_KINDS)[number] };

export const HOLIDAYS_2026: readonly BuiltInHoliday[] = [
  { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "national" },
  { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "national" },
  { date: "2026-02-16", name: "Cuti bersama Tahun Baru Imlek", kind: "collective_leave" },
  { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "national" },
  { date: "2026-03-18", name: "Cuti bersama Hari Suci Nyepi", kind: "collective_leave" },
  { date: "2026-03-19", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)", kind: "national" },
  { date: "2026-03-20", name: "Cuti bersama Idulfitri 1447 H", kind: "collective_leave" },
  { date: "2026-03-21", name: "Idulfitri 1447 H", kind: "national" },
  { date: "2026-03-22", name: "Idulfitri 1447 H", kind: "national" },
  { date: "2026-03-23", name: "Cuti bersama Idulfitri 1447 H", kind: "collective_leave" },
  { date: "2026-03-24", name: "Cuti bersama Idulfitri 1447 H", kind: "collective_leave" },
  { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "national" },
  { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "national" },
  { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "national" },
  { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "national" },
  { date: "2026-05-15", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "collective_leave" },
  { date: "2026-05-27", name: "Iduladha 1447 H", kind: "national" },
  { date: "2026-05-28", name: "Cuti bersama Iduladha 1447 H", kind: "collective_leave" },
  { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "national" },
  { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "national" },
  { date: "2026-06-16", name: "1 Muharam Tahun Baru Islam 1448 H", kind: "national" },
  { date: "2026-08-17", name: "Hari Proklamasi Kemerdekaan Republik Indonesia", kind: "national" },
  { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "national" },
  { date: "2026-12-24", name: "Cuti bersama Hari Raya Natal", kind: "collective_leave" },
  { date: "2026-12-25", name: "Hari Raya Natal", kind: "national" },
];
