/**
 * The regency's staff at full size: on top of the seeded demo regency (`npm run seed`, see seeded-db.ts), the
 * perangkat daerah that the demo leaves out (Banyuwangi's other dinas, badan and kecamatan) as top-level units
 * under the root unit, each with a Sekretariat and three Bidang (a kecamatan: three Seksi), and enough people
 * in them that the agency has `opts.employees` active employees in all (the demo's ~126 included).
 *
 * Posts follow the seed's pattern: one holder per post (employees[i] holds positions[i] definitively), the unit
 * head (is_leader, may sign) reporting to the Sekretaris Daerah (the Inspektur to the Bupati), the sub-unit heads
 * (is_leader of their sub-unit) to the head, and staff posts under the sub-unit heads. Staff post names repeat
 * (forty "Pengadministrasi Umum" in a big dinas is real), but each employee has their own positions row.
 *
 * People are deterministic from the PRNG: Javanese, Osing and Madurese names, NIPs of the real shape (birth
 * date, TMT, gender, serial) and NIKs unique against the seed's, e-mails unique against the seed's, the password
 * hash of a seeded employee (DEMO_PASSWORD signs everyone in), definitif assignments that started at least two
 * years before `now` (so a year of attendance has them posted every day). Bulk-inserted with better-sqlite3
 * directly, in one transaction: 20,000 people take a few seconds.
 */
import { parseNip } from "@/lib/org/nip";
import { REGENT_POSITION, SEKDA_POSITION } from "./dispositions-data";
import { DAY, finishBulkLoad, oneOf, openForBulkLoad, pick, prng, wibDate, type Rand, type Weighted } from "./seeded-db";
import { check } from "./stats";

export const STAFF_EMAIL_DOMAIN = "banyuwangikab.go.id";

type Field = "umum" | "pemerintahan" | "teknik" | "kesehatan" | "ekonomi" | "sosial" | "keuangan" | "ketertiban";

type UnitPlan = {
  name: string;
  shortName: string;
  field: Field;
  head: string;
  /** Relative headcount: a hospital employs far more than an inspectorate. */
  weight: number;
  /** The Sekretariat's head and its name; a kecamatan's Sekretaris Kecamatan. */
  secretariat: [unitName: string, headName: string];
  /** Three sub-units besides the Sekretariat (Bidang; Seksi in a kecamatan). */
  parts: [string, string, string];
  /** The Inspektur answers to the Bupati; every other head to the Sekretaris Daerah. */
  toRegent?: boolean;
};

const dinas = (name: string, shortName: string, field: Field, weight: number, parts: [string, string, string]): UnitPlan => ({
  name,
  shortName,
  field,
  head: `Kepala ${name}`,
  weight,
  secretariat: ["Sekretariat", `Sekretaris ${name}`],
  parts: parts.map((p) => `Bidang ${p}`) as [string, string, string],
});

const KECAMATAN_PARTS: [string, string, string] = ["Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum", "Seksi Pemberdayaan Masyarakat dan Desa"];
const kecamatan = (place: string): UnitPlan => ({
  name: `Kecamatan ${place}`,
  shortName: `KEC. ${place.toUpperCase()}`,
  field: "pemerintahan",
  head: `Camat ${place}`,
  weight: 0.45,
  secretariat: ["Sekretariat Kecamatan", `Sekretaris Kecamatan ${place}`],
  parts: KECAMATAN_PARTS,
});

/** Banyuwangi's perangkat daerah beyond the demo's, in the order they are taken: dinas and badan, then kecamatan. */
const UNITS: UnitPlan[] = [
  dinas("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "teknik", 1.6, ["Bina Marga", "Sumber Daya Air", "Penataan Ruang"]),
  dinas("Dinas Perumahan dan Kawasan Permukiman", "DISPERKIM", "teknik", 0.9, ["Perumahan", "Kawasan Permukiman", "Pertanahan"]),
  dinas("Dinas Sosial, Pemberdayaan Perempuan dan Keluarga Berencana", "DINSOS PPKB", "sosial", 1.1, ["Rehabilitasi dan Perlindungan Sosial", "Pemberdayaan Perempuan dan Perlindungan Anak", "Keluarga Berencana"]),
  dinas("Dinas Kependudukan dan Pencatatan Sipil", "DISPENDUKCAPIL", "pemerintahan", 0.9, ["Pelayanan Pendaftaran Penduduk", "Pelayanan Pencatatan Sipil", "Pengelolaan Informasi Administrasi Kependudukan"]),
  dinas("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "pemerintahan", 0.7, ["Pemerintahan Desa", "Pemberdayaan Masyarakat", "Keuangan dan Aset Desa"]),
  dinas("Dinas Perhubungan", "DISHUB", "teknik", 1.2, ["Lalu Lintas", "Angkutan", "Prasarana dan Keselamatan"]),
  dinas("Dinas Lingkungan Hidup", "DLH", "teknik", 1.5, ["Tata Lingkungan", "Pengendalian Pencemaran", "Pengelolaan Sampah"]),
  dinas("Dinas Kebudayaan dan Pariwisata", "DISBUDPAR", "ekonomi", 0.9, ["Kebudayaan", "Destinasi Pariwisata", "Pemasaran Pariwisata"]),
  dinas("Dinas Pemuda dan Olahraga", "DISPORA", "sosial", 0.6, ["Kepemudaan", "Keolahragaan", "Sarana dan Prasarana"]),
  dinas("Dinas Perikanan", "DISKAN", "ekonomi", 0.9, ["Perikanan Tangkap", "Perikanan Budidaya", "Pengolahan dan Pemasaran"]),
  dinas("Dinas Pertanian dan Pangan", "DISPERTAPANG", "ekonomi", 1.6, ["Tanaman Pangan dan Hortikultura", "Peternakan dan Kesehatan Hewan", "Ketahanan Pangan"]),
  dinas("Dinas Koperasi, Usaha Mikro dan Perdagangan", "DISKOPUMDAG", "ekonomi", 0.9, ["Koperasi", "Usaha Mikro", "Perdagangan"]),
  dinas("Dinas Perindustrian dan Tenaga Kerja", "DISPERINNAKER", "ekonomi", 0.7, ["Perindustrian", "Penempatan dan Pelatihan Tenaga Kerja", "Hubungan Industrial"]),
  dinas("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "ekonomi", 0.7, ["Penanaman Modal", "Pelayanan Perizinan", "Pengaduan dan Pengawasan"]),
  dinas("Dinas Perpustakaan dan Kearsipan", "DISPUSIP", "umum", 0.6, ["Layanan Perpustakaan", "Pengelolaan Arsip", "Pembinaan dan Pelestarian"]),
  dinas("Dinas Pemadam Kebakaran dan Penyelamatan", "DAMKAR", "ketertiban", 0.8, ["Operasi Pemadaman", "Penyelamatan", "Pencegahan Kebakaran"]),
  dinas("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "keuangan", 1.0, ["Anggaran", "Perbendaharaan", "Aset"]),
  dinas("Badan Pendapatan Daerah", "BAPENDA", "keuangan", 0.9, ["Pendataan dan Penetapan", "Penagihan", "Pengembangan Pendapatan"]),
  dinas("Badan Penanggulangan Bencana Daerah", "BPBD", "ketertiban", 0.6, ["Pencegahan dan Kesiapsiagaan", "Kedaruratan dan Logistik", "Rehabilitasi dan Rekonstruksi"]),
  dinas("Badan Kesatuan Bangsa dan Politik", "BAKESBANGPOL", "pemerintahan", 0.5, ["Ideologi dan Wawasan Kebangsaan", "Politik Dalam Negeri", "Ketahanan Ekonomi, Sosial dan Budaya"]),
  {
    ...dinas("Satuan Polisi Pamong Praja", "SATPOL PP", "ketertiban", 1.6, ["Penegakan Peraturan Daerah", "Ketertiban Umum dan Ketenteraman Masyarakat", "Perlindungan Masyarakat"]),
    head: "Kepala Satuan Polisi Pamong Praja",
    secretariat: ["Sekretariat", "Sekretaris Satuan Polisi Pamong Praja"],
  },
  {
    name: "Inspektorat",
    shortName: "INSPEKTORAT",
    field: "keuangan",
    head: "Inspektur",
    weight: 0.6,
    secretariat: ["Sekretariat", "Sekretaris Inspektorat"],
    parts: ["Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III"],
    toRegent: true,
  },
  {
    name: "Sekretariat Dewan Perwakilan Rakyat Daerah",
    shortName: "SETWAN",
    field: "umum",
    head: "Sekretaris Dewan Perwakilan Rakyat Daerah",
    weight: 0.7,
    secretariat: ["Bagian Umum dan Keuangan", "Kepala Bagian Umum dan Keuangan"],
    parts: ["Bagian Persidangan dan Perundang-undangan", "Bagian Fasilitasi Penganggaran dan Pengawasan", "Bagian Hubungan Masyarakat dan Protokol"],
  },
  {
    name: "Rumah Sakit Umum Daerah Blambangan",
    shortName: "RSUD BLAMBANGAN",
    field: "kesehatan",
    head: "Direktur Rumah Sakit Umum Daerah Blambangan",
    weight: 4.5,
    secretariat: ["Bagian Tata Usaha", "Kepala Bagian Tata Usaha"],
    parts: ["Bidang Pelayanan Medik", "Bidang Keperawatan", "Bidang Penunjang Medik dan Nonmedik"],
  },
  {
    name: "Rumah Sakit Umum Daerah Genteng",
    shortName: "RSUD GENTENG",
    field: "kesehatan",
    head: "Direktur Rumah Sakit Umum Daerah Genteng",
    weight: 3,
    secretariat: ["Bagian Tata Usaha", "Kepala Bagian Tata Usaha"],
    parts: ["Bidang Pelayanan Medik", "Bidang Keperawatan", "Bidang Penunjang Medik dan Nonmedik"],
  },
  ...[
    "Banyuwangi", "Giri", "Glagah", "Kalipuro", "Wongsorejo", "Kabat", "Rogojampi", "Blimbingsari", "Singojuruh", "Songgon", "Srono",
    "Muncar", "Cluring", "Gambiran", "Tegalsari", "Glenmore", "Kalibaru", "Sempu", "Licin", "Genteng", "Purwoharjo", "Tegaldlimo",
    "Bangorejo", "Siliragung", "Pesanggaran",
  ].map(kecamatan),
];

/** How the head of a sub-unit is called: "Bidang X" -> "Kepala Bidang X"; an Irban is the unit's own name. */
const subHeadName = (unitName: string) => (unitName.startsWith("Inspektur Pembantu") ? unitName : `Kepala ${unitName}`);

const COMMON_POSTS: Weighted<string> = [
  ["Pengadministrasi Umum", 10],
  ["Pengelola Data", 6],
  ["Analis Kebijakan", 3],
  ["Pengadministrasi Perkantoran", 6],
  ["Operator Layanan Operasional", 6],
  ["Penata Layanan Operasional", 4],
  ["Pengelola Umum Operasional", 4],
  ["Pengolah Data dan Informasi", 3],
  ["Arsiparis", 1],
  ["Pranata Komputer", 1],
  ["Pengelola Kepegawaian", 1],
  ["Penyusun Laporan Keuangan", 1],
  ["Bendahara", 0.5],
  ["Pengelola Barang Milik Daerah", 1],
  ["Pengemudi", 1],
];
const FIELD_POSTS: Record<Field, Weighted<string>> = {
  umum: [["Arsiparis", 3], ["Pustakawan", 3], ["Pranata Hubungan Masyarakat", 2], ["Perancang Peraturan Perundang-undangan", 1]],
  pemerintahan: [["Pengadministrasi Kependudukan", 4], ["Administrator Database Kependudukan", 2], ["Pengelola Pelayanan Masyarakat", 4], ["Analis Pemerintahan Desa", 2]],
  teknik: [["Teknik Jalan dan Jembatan", 3], ["Teknik Pengairan", 3], ["Penata Ruang", 2], ["Pengawas Bangunan", 2], ["Pengendali Dampak Lingkungan", 2], ["Petugas Kebersihan", 4], ["Penguji Kendaraan Bermotor", 2]],
  kesehatan: [["Perawat", 14], ["Bidan", 5], ["Dokter", 3], ["Dokter Spesialis", 1.5], ["Apoteker", 1], ["Asisten Apoteker", 1.5], ["Pranata Laboratorium Kesehatan", 1.5], ["Nutrisionis", 1], ["Perekam Medis", 1.5], ["Radiografer", 1]],
  ekonomi: [["Penyuluh Pertanian", 5], ["Penyuluh Perikanan", 2], ["Pengawas Mutu Hasil Pertanian", 1], ["Pengawas Koperasi", 1], ["Penera", 1], ["Pengantar Kerja", 1], ["Pamong Budaya", 1]],
  sosial: [["Pekerja Sosial", 4], ["Penyuluh Sosial", 2], ["Penyuluh Keluarga Berencana", 3], ["Pelatih Olahraga", 1]],
  keuangan: [["Auditor", 4], ["Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", 3], ["Analis Anggaran", 2], ["Analis Keuangan Pusat dan Daerah", 2], ["Pemeriksa Pajak Daerah", 2]],
  ketertiban: [["Polisi Pamong Praja", 10], ["Petugas Pemadam Kebakaran", 6], ["Analis Kebakaran", 1], ["Analis Bencana", 1]],
};
/** Functional posts (jabatan fungsional): a degree and a higher grade; the rest are pelaksana. */
const FUNCTIONAL = new Set([
  "Analis Kebijakan", "Arsiparis", "Pranata Komputer", "Pustakawan", "Pranata Hubungan Masyarakat", "Perancang Peraturan Perundang-undangan",
  "Administrator Database Kependudukan", "Teknik Jalan dan Jembatan", "Teknik Pengairan", "Penata Ruang", "Pengawas Bangunan",
  "Pengendali Dampak Lingkungan", "Penguji Kendaraan Bermotor", "Perawat", "Bidan", "Dokter", "Dokter Spesialis", "Apoteker",
  "Pranata Laboratorium Kesehatan", "Nutrisionis", "Perekam Medis", "Radiografer", "Penyuluh Pertanian", "Penyuluh Perikanan",
  "Pengawas Mutu Hasil Pertanian", "Pengawas Koperasi", "Penera", "Pengantar Kerja", "Pamong Budaya", "Pekerja Sosial", "Penyuluh Sosial",
  "Penyuluh Keluarga Berencana", "Auditor", "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah", "Analis Anggaran",
  "Analis Keuangan Pusat dan Daerah", "Analis Kebakaran", "Analis Bencana",
]);

const MALE_FIRST = [
  "Agus", "Bambang", "Budi", "Dwi", "Eko", "Hadi", "Joko", "Slamet", "Sugeng", "Wahyu", "Yudi", "Rudi", "Imam", "Ahmad", "Abdul", "Fauzi",
  "Syaiful", "Arief", "Teguh", "Dedy", "Rizal", "Fajar", "Andri", "Bayu", "Hendra", "Yoga", "Dimas", "Gilang", "Taufik", "Heru", "Samsul",
  "Ainur", "Moh.", "Muhammad", "Nur", "Hosnan", "Matrawi", "Sahroni", "Marsuki", "Suhaimi", "Kholili", "Mistari", "Juhairi", "Sunari",
  "Hasnan", "Endro", "Rahmat", "Wawan", "Anang", "Didik", "Nanang", "Puji", "Ari", "Galih", "Reza", "Ilham", "Rendra", "Yusuf",
];
const MALE_MIDDLE = ["Adi", "Budi", "Nur", "Eko", "Dwi", "Tri", "Catur", "Wahyu", "Hadi", "Fajar", "Rizki", "Arif", "Setyo", "Hari"];
const MALE_LAST = [
  "Setiawan", "Prasetyo", "Santoso", "Susanto", "Wibowo", "Kurniawan", "Nugroho", "Purnomo", "Firmansyah", "Hariyanto", "Fathoni", "Arifin",
  "Hakim", "Ma'ruf", "Saputra", "Hermawan", "Gunawan", "Syaifuddin", "Kholiq", "Mustofa", "Effendi", "Rosyid", "Anwar", "Sholeh",
  "Ramadhan", "Wicaksono", "Widodo", "Suryadi", "Hariadi", "Rofiq", "Junaidi", "Hidayatullah", "Pratama", "Permana", "Sulistyo",
  "Cahyono", "Utomo", "Priyanto", "Supriyadi", "Haryono", "Mahendra", "Wijaya", "Maulana", "Rahman",
];
const MALE_SINGLE = ["Sutrisno", "Sumarno", "Mujiono", "Suyitno", "Sugiarto", "Purwanto", "Suwarno", "Sukirno", "Sumadi", "Suparman", "Misdi", "Tukiman"];
const FEMALE_FIRST = [
  "Sri", "Endang", "Retno", "Tri", "Siti", "Dewi", "Ika", "Lilik", "Yuli", "Anik", "Ratna", "Fitri", "Rina", "Novita", "Diah", "Erna", "Heni",
  "Nurul", "Lailatul", "Umi", "Eka", "Ayu", "Indah", "Wulan", "Lina", "Nanik", "Titik", "Rohmah", "Maya", "Yeni", "Mudaiyah", "Sumarni",
  "Nur", "Dian", "Evi", "Rini", "Wiwik", "Yuni", "Ana", "Desi", "Nia", "Putri", "Vivin", "Laili", "Fatimah", "Zulaikha",
];
const FEMALE_MIDDLE = ["Ayu", "Dwi", "Tri", "Nur", "Eka", "Dewi", "Sri", "Puspita", "Rahma", "Indah", "Kartika", "Wahyu"];
const FEMALE_LAST = [
  "Wahyuni", "Rahayu", "Lestari", "Handayani", "Puspitasari", "Susilowati", "Astutik", "Suryani", "Maimunah", "Fitriani", "Rahmawati",
  "Nurhayati", "Agustina", "Ningsih", "Anggraini", "Permatasari", "Hidayati", "Safitri", "Mufidah", "Khasanah", "Zahroh", "Kartikasari",
  "Setyowati", "Purwaningsih", "Fauziah", "Yuliana", "Mardiyah", "Rosidah", "Wulandari", "Oktaviani", "Kusumawati", "Pratiwi",
  "Sulistyowati", "Nuraini", "Mariyam", "Febriyanti",
];
const FEMALE_SINGLE = ["Sulastri", "Suprihatin", "Supinah", "Sumiati", "Juma'ati", "Misnawati", "Sukarti", "Poniyem", "Tumini"];
const BACHELOR: Record<Field, string[]> = {
  umum: ["S.Sos.", "S.AP.", "S.E.", "S.H.", "S.IP."],
  pemerintahan: ["S.STP.", "S.Sos.", "S.IP.", "S.H."],
  teknik: ["S.T.", "S.T.", "S.Si.", "S.E."],
  kesehatan: ["S.Kep., Ns.", "S.K.M.", "S.Farm., Apt.", "S.Gz.", "S.Tr.Keb."],
  ekonomi: ["S.P.", "S.Pi.", "S.E.", "S.Pt.", "S.Par."],
  sosial: ["S.Sos.", "S.Psi.", "S.Pd.", "S.Or."],
  keuangan: ["S.E.", "S.Ak.", "S.E.", "S.H."],
  ketertiban: ["S.H.", "S.Sos.", "S.T.", "S.IP."],
};
const MASTER: Record<Field, string[]> = {
  umum: ["M.Si.", "M.M.", "M.AP."],
  pemerintahan: ["M.Si.", "M.AP.", "M.H."],
  teknik: ["M.T.", "M.M.", "M.Si."],
  kesehatan: ["M.Kes.", "M.M.", "M.K.M."],
  ekonomi: ["M.M.", "M.E.", "M.Si.", "M.P."],
  sosial: ["M.Si.", "M.Pd.", "M.M."],
  keuangan: ["M.Ak.", "M.M.", "M.Si."],
  ketertiban: ["M.H.", "M.Si.", "M.M."],
};
const PHONE_PREFIXES = ["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0877", "0881", "0895"];

type Level = "head" | "subhead" | "fungsional" | "pelaksana";
const LEVEL: Record<Level, { grades: string[]; birth: [number, number] }> = {
  head: { grades: ["IV/b", "IV/b", "IV/c"], birth: [1967, 1976] },
  subhead: { grades: ["III/d", "IV/a", "IV/a", "IV/b"], birth: [1970, 1984] },
  fungsional: { grades: ["III/a", "III/b", "III/c", "III/d", "IV/a"], birth: [1970, 1998] },
  pelaksana: { grades: ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"], birth: [1968, 2000] },
};

export type StaffHead = { unitId: number; positionId: number; employeeId: number };

export type StaffData = {
  /** Employees written (new); the agency then has `opts.employees` active employees. */
  employees: number;
  /** Top-level units written. */
  units: number;
  unitIds: number[];
  /** The head of each new top-level unit. */
  heads: StaffHead[];
  /** The new staff (not heads), every one. */
  staffEmployeeIds: number[];
  /** Each new unit's headcount (head, sub-unit heads, staff), in unit order. */
  unitSizes: { unitId: number; name: string; employees: number }[];
  /** The new unit whose headcount is nearest 500: a realistic monthly-recap unit. */
  recapUnitId: number;
  insertMs: number;
};

/**
 * Adds `opts.units` top-level units and as many employees as make the agency's active headcount `opts.employees`
 * (so 20,000 means 20,000 in all, the demo's included). Deterministic for a given database and `now`.
 */
export function insertRegencyStaff(file: string, opts: { units: number; employees: number }, now = Date.now()): StaffData {
  const started = Date.now();
  const db = openForBulkLoad(file);
  try {
    const rand = prng(20261130);
    const agencyId = (db.prepare("select id from agencies order by id limit 1").get() as { id: number }).id;
    const root = db.prepare("select id from units where agency_id = ? and parent_id is null order by id limit 1").get(agencyId) as { id: number } | undefined;
    check(root, "the seeded regency has no root unit");
    const existingUnits = db.prepare("select name, short_name as shortName from units where agency_id = ?").all(agencyId) as { name: string; shortName: string }[];
    const takenNames = new Set(existingUnits.map((u) => u.name.toLowerCase()));
    const takenShort = new Set(existingUnits.map((u) => u.shortName.toLowerCase()).filter(Boolean));
    const plans = UNITS.filter((u) => !takenNames.has(u.name.toLowerCase()) && !takenShort.has(u.shortName.toLowerCase())).slice(0, opts.units);
    check(plans.length === opts.units, `only ${plans.length} perangkat daerah names are left, ${opts.units} asked`);

    const post = (name: string) => db.prepare("select id from positions where agency_id = ? and name = ? and active = 1 order by id limit 1").get(agencyId, name) as { id: number } | undefined;
    const sekda = post(SEKDA_POSITION);
    const regent = post(REGENT_POSITION);
    check(sekda && regent, `the seeded regency lacks the "${SEKDA_POSITION}" or "${REGENT_POSITION}" post`);
    const existing = (db.prepare("select count(*) as n from employees where agency_id = ? and active = 1").get(agencyId) as { n: number }).n;
    const total = opts.employees - existing;
    // Every unit needs its head and four sub-unit heads before any staff.
    check(total >= opts.units * 5, `${opts.employees} employees leave ${total} to add, fewer than the ${opts.units * 5} heads of ${opts.units} units`);

    // The same password as every demo account: a seeded hash (scrypt with its own salt) verifies DEMO_PASSWORD.
    const hash = (db.prepare("select password_hash as h from employees where agency_id = ? and must_change_password = 0 order by id limit 1").get(agencyId) as { h: string }).h;
    const nips = new Set((db.prepare("select nip from employees").all() as { nip: string }[]).map((e) => e.nip));
    const niks = new Set((db.prepare("select nik from employees where nik is not null").all() as { nik: string }[]).map((e) => e.nik));
    const emails = new Set((db.prepare("select email from employees where email is not null").all() as { email: string }[]).map((e) => e.email.toLowerCase()));

    // Headcounts by weight, largest remainder, at least the five heads each.
    const staffTotal = total - opts.units * 5;
    const weightSum = plans.reduce((s, p) => s + p.weight, 0);
    const shares = plans.map((p) => (staffTotal * p.weight) / weightSum);
    const staffCounts = shares.map(Math.floor);
    const byRemainder = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0]);
    const missing = staffTotal - staffCounts.reduce((s, n) => s + n, 0);
    for (let k = 0; k < missing; k++) staffCounts[byRemainder[k][1]]++;

    const insertUnit = db.prepare("insert into units (agency_id, parent_id, name, short_name, created_at) values (?, ?, ?, ?, ?)");
    const insertPosition = db.prepare(
      "insert into positions (agency_id, unit_id, name, superior_id, is_leader, may_disposition, may_sign, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertEmployee = db.prepare(
      `insert into employees (agency_id, nip, nik, name, title_front, title_back, grade, email, phone, password_hash, must_change_password, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    );
    const insertAssignment = db.prepare("insert into assignments (employee_id, position_id, kind, start_date, decree_number, created_at) values (?, ?, 'definitif', ?, ?, ?)");

    const latestYear = new Date(now - 3 * 365 * DAY).getUTCFullYear();
    // Posted at least two years before `now`: a year of attendance then has everyone at work every day.
    const latestStart = wibDate(now - 730 * DAY);
    const decrees = new Map<string, string>();
    const person = (level: Level, field: Field) => {
      const female = rand() < (level === "head" ? 0.3 : level === "subhead" ? 0.4 : 0.52);
      const name = personName(rand, female);
      const { grades, birth } = LEVEL[level];
      const birthYear = birth[0] + Math.floor(rand() * (birth[1] - birth[0] + 1));
      const birthMonth = 1 + Math.floor(rand() * 12);
      const birthDay = 1 + Math.floor(rand() * 28);
      const tmtYear = Math.min(latestYear, birthYear + 19 + Math.floor(rand() * 10));
      const tmtMonth = oneOf(rand, [1, 1, 2, 3, 3, 4, 12]);
      const birthDate = `${birthYear}${pad(birthMonth, 2)}${pad(birthDay, 2)}`;
      let nip: string;
      do nip = `${birthDate}${tmtYear}${pad(tmtMonth, 2)}${female ? 2 : 1}${pad(1 + Math.floor(rand() * 999), 3)}`;
      while (nips.has(nip));
      nips.add(nip);
      check(parseNip(nip)?.gender === (female ? "female" : "male"), `generated a bad NIP ${nip}`);
      let nik: string;
      do nik = `3510${pad(1 + Math.floor(rand() * 25), 2)}${pad(birthDay + (female ? 40 : 0), 2)}${pad(birthMonth, 2)}${String(birthYear).slice(2)}${pad(1 + Math.floor(rand() * 9999), 4)}`;
      while (niks.has(nik));
      niks.add(nik);
      const local = emailLocalPart(name);
      let email = `${local}@${STAFF_EMAIL_DOMAIN}`;
      for (let i = 2; emails.has(email); i++) email = `${local}${i}@${STAFF_EMAIL_DOMAIN}`;
      emails.add(email);
      const grade = oneOf(rand, grades);
      const degree = level !== "pelaksana" || grade.startsWith("III");
      const master = (level === "head" && rand() < 0.9) || (level === "subhead" && rand() < 0.5) || (level === "fungsional" && rand() < 0.1);
      const titleFront = field === "kesehatan" && level !== "pelaksana" && rand() < 0.3 ? "dr." : level === "head" && rand() < 0.15 ? "Dr." : "";
      const titleBack = titleFront === "dr." ? (master ? oneOf(rand, MASTER.kesehatan) : "") : degree ? [oneOf(rand, BACHELOR[field]), ...(master ? [oneOf(rand, MASTER[field])] : [])].join(", ") : grade === "II/c" || grade === "II/d" ? (rand() < 0.5 ? "A.Md." : "") : "";
      // TMT CPNS first; the current post from a mass inauguration between then and two years ago.
      const tmt = `${tmtYear}-${pad(tmtMonth, 2)}-01`;
      const from = Math.max(Date.parse(tmt), Date.parse("2015-01-01"));
      const to = Date.parse(latestStart);
      const inaugurated = from >= to ? tmt : `${wibDate(from + rand() * (to - from)).slice(0, 8)}0${1 + Math.floor(rand() * 2)}`;
      const startDate = inaugurated > latestStart ? latestStart : inaugurated;
      let decree = decrees.get(startDate.slice(0, 7));
      if (!decree) decrees.set(startDate.slice(0, 7), (decree = `800.1.3.3/${100 + Math.floor(rand() * 850)}/KEP/429.011/${startDate.slice(0, 4)}`));
      return { name, titleFront, titleBack, grade, nip, nik, email, phone: `${oneOf(rand, PHONE_PREFIXES)}${pad(Math.floor(rand() * 100_000_000), 8)}`, startDate, decree };
    };

    const unitIds: number[] = [];
    const heads: StaffHead[] = [];
    const staffEmployeeIds: number[] = [];
    const unitSizes: StaffData["unitSizes"] = [];
    let written = 0;
    /** One post with its one holder. */
    const hold = (unitId: number, name: string, superiorId: number | null, level: Level, field: Field, flags: { leader: boolean; sign: boolean }) => {
      const positionId = Number(insertPosition.run(agencyId, unitId, name, superiorId, flags.leader ? 1 : 0, flags.leader ? 1 : 0, flags.sign ? 1 : 0, now).lastInsertRowid);
      const p = person(level, field);
      const employeeId = Number(insertEmployee.run(agencyId, p.nip, p.nik, p.name, p.titleFront, p.titleBack, p.grade, p.email, p.phone, hash, now).lastInsertRowid);
      insertAssignment.run(employeeId, positionId, p.startDate, p.decree, now);
      written++;
      return { positionId, employeeId };
    };

    db.transaction(() => {
      plans.forEach((plan, u) => {
        const unitId = Number(insertUnit.run(agencyId, root.id, plan.name, plan.shortName, now).lastInsertRowid);
        unitIds.push(unitId);
        const head = hold(unitId, plan.head, plan.toRegent ? regent.id : sekda.id, "head", plan.field, { leader: true, sign: true });
        heads.push({ unitId, ...head });
        const subs = [plan.secretariat, ...plan.parts.map((p) => [p, subHeadName(p)] as const)].map(([subName, headName], i) => {
          const subId = Number(insertUnit.run(agencyId, unitId, subName, "", now).lastInsertRowid);
          // The Sekretaris signs for the head ("a.n."), as in the seed; the other sub-unit heads initial.
          return { subId, ...hold(subId, headName, head.positionId, "subhead", plan.field, { leader: true, sign: i === 0 }) };
        });
        // The Sekretariat carries the unit's administration: a larger share of the staff.
        const posts: Weighted<string> = [...COMMON_POSTS, ...FIELD_POSTS[plan.field]];
        for (let s = 0; s < staffCounts[u]; s++) {
          const sub = subs[rand() < 0.31 ? 0 : 1 + Math.floor(rand() * 3)];
          const name = pick(rand, posts);
          const staff = hold(sub.subId, name, sub.positionId, FUNCTIONAL.has(name) ? "fungsional" : "pelaksana", plan.field, { leader: false, sign: false });
          staffEmployeeIds.push(staff.employeeId);
        }
        unitSizes.push({ unitId, name: plan.name, employees: 5 + staffCounts[u] });
      });
    })();
    const recap = unitSizes.reduce((best, u) => (Math.abs(u.employees - 500) < Math.abs(best.employees - 500) ? u : best), unitSizes[0]);
    return { employees: written, units: plans.length, unitIds, heads, staffEmployeeIds, unitSizes, recapUnitId: recap.unitId, insertMs: Date.now() - started };
  } finally {
    finishBulkLoad(db);
  }
}

function personName(rand: Rand, female: boolean): string {
  if (rand() < 0.08) return oneOf(rand, female ? FEMALE_SINGLE : MALE_SINGLE);
  const first = oneOf(rand, female ? FEMALE_FIRST : MALE_FIRST);
  let middle = rand() < 0.25 ? oneOf(rand, female ? FEMALE_MIDDLE : MALE_MIDDLE) : "";
  if (middle === first) middle = "";
  return [first, middle, oneOf(rand, female ? FEMALE_LAST : MALE_LAST)].filter(Boolean).join(" ");
}

/** first.last, letters only, as the seed makes them ("Moh. Agus Setiawan" -> moh.setiawan). */
function emailLocalPart(name: string): string {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z]/g, ""))
    .filter(Boolean);
  return words.length === 1 ? words[0] : `${words[0]}.${words[words.length - 1]}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

