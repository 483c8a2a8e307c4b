/**
 * Demo data: a realistic regency government (Pemerintah Kabupaten Banyuwangi) with its organisation tree,
 * positions, about 120 employees, their assignments (one active Plh among them) and the admin / clerk roles.
 *
 * Deterministic: the same `now` gives the same organisation, people, NIPs, NIKs, e-mails and dates (a seeded
 * PRNG, never Math.random). Only password hashes (random salts) and createdAt stamps differ between runs.
 * The people are fictional; any likeness to real officials is coincidental.
 */
import { displayName } from "@/lib/org/display-name";
import { count, eq } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, assignments, auditLog, employeeRoles, employees, positions, units, type Role } from "../schema";
import { hashPassword } from "../../lib/auth/password";
import { parseNip } from "../../lib/org/nip";
import type { GradeCode } from "../../lib/org/grades";

export const DEMO_PASSWORD = "Kawan2026!";
export const DEMO_EMAIL_DOMAIN = "banyuwangikab.go.id";
const TIME_ZONE = "Asia/Jakarta";

// ---------------------------------------------------------------------------------------------------------
// Fixed people: the demo logins. Their NIPs and e-mails are constants that tests and the README rely on.
// ---------------------------------------------------------------------------------------------------------

type Gender = "male" | "female";

type FixedPerson = {
  label: string;
  name: string;
  titleFront: string;
  titleBack: string;
  gender: Gender;
  grade: GradeCode | "";
  nip: string;
  email: string;
  positionName: string;
};

const FIXED = {
  bupati: {
    label: "Bupati",
    name: "Ahmad Fauzi Rahman",
    titleFront: "H.",
    titleBack: "S.H., M.H.",
    gender: "male",
    // Regional heads are elected, not civil servants, and have no rank. Kawan signs people in by NIP, so the
    // demo gives them a NIP-shaped identifier.
    grade: "",
    nip: "197203142000031002",
    email: "ahmad.rahman@banyuwangikab.go.id",
    positionName: "Bupati Banyuwangi",
  },
  wakilBupati: {
    label: "Wakil Bupati",
    name: "Retno Sulistyowati",
    titleFront: "Hj.",
    titleBack: "S.E., M.M.",
    gender: "female",
    grade: "",
    nip: "197806212003122004",
    email: "retno.sulistyowati@banyuwangikab.go.id",
    positionName: "Wakil Bupati Banyuwangi",
  },
  sekda: {
    label: "Sekretaris Daerah",
    name: "Bambang Sutrisno",
    titleFront: "Dr. Ir.",
    titleBack: "M.Si.",
    gender: "male",
    grade: "IV/d",
    nip: "196809101994031001",
    email: "bambang.sutrisno@banyuwangikab.go.id",
    positionName: "Sekretaris Daerah",
  },
  kadisKominfo: {
    label: "Kepala Dinas Kominfo",
    name: "Wahyu Hidayat",
    titleFront: "",
    titleBack: "S.Kom., M.T.",
    gender: "male",
    grade: "IV/b",
    nip: "197608232002121003",
    email: "wahyu.hidayat@banyuwangikab.go.id",
    positionName: "Kepala Dinas Komunikasi, Informatika dan Persandian",
  },
  sekdisKominfo: {
    label: "Sekretaris Dinas Kominfo (juga Plh Kepala Dinas Kesehatan)",
    name: "Dyah Ayu Kusumawati",
    titleFront: "",
    titleBack: "S.E., M.M.",
    gender: "female",
    grade: "IV/a",
    nip: "198005172006042011",
    email: "dyah.kusumawati@banyuwangikab.go.id",
    positionName: "Sekretaris Dinas Komunikasi, Informatika dan Persandian",
  },
  kadinkes: {
    label: "Kepala Dinas Kesehatan (definitif; Plh sedang menjabat)",
    name: "Hasan Basri",
    titleFront: "dr.",
    titleBack: "M.Kes.",
    gender: "male",
    grade: "IV/b",
    nip: "197409052002121006",
    email: "hasan.basri@banyuwangikab.go.id",
    positionName: "Kepala Dinas Kesehatan",
  },
  admin: {
    label: "Admin instansi",
    name: "Rizky Pratama Putra",
    titleFront: "",
    titleBack: "S.Kom.",
    gender: "male",
    grade: "III/b",
    nip: "199309152019031005",
    email: "rizky.putra@banyuwangikab.go.id",
    positionName: "Pranata Komputer",
  },
  clerkSetda: {
    label: "Pencatat surat (Bagian Umum Setda)",
    name: "Siti Nurhasanah",
    titleFront: "",
    titleBack: "",
    gender: "female",
    grade: "II/c",
    nip: "198804022010012007",
    email: "siti.nurhasanah@banyuwangikab.go.id",
    positionName: "Pengadministrasi Umum",
  },
  clerkKominfo: {
    label: "Pencatat surat (Dinas Kominfo)",
    name: "Moh. Holil",
    titleFront: "",
    titleBack: "A.Md.",
    gender: "male",
    grade: "II/d",
    nip: "198506202008011009",
    email: "moh.holil@banyuwangikab.go.id",
    positionName: "Pengadministrasi Umum",
  },
  staff: {
    label: "Staf (pelaksana)",
    name: "Putri Ayu Wulandari",
    titleFront: "",
    titleBack: "S.Si.",
    gender: "female",
    grade: "III/a",
    nip: "199601282022012004",
    email: "putri.wulandari@banyuwangikab.go.id",
    positionName: "Pengelola Data",
  },
} satisfies Record<string, FixedPerson>;

type FixedKey = keyof typeof FIXED;

export type DemoLogin = {
  /** Role description in Indonesian, for the login help and the README. */
  label: string;
  nip: string;
  email: string;
  /** As stored in employees.name (without academic titles). */
  name: string;
  /** With academic titles, as printed in signature blocks. */
  fullName: string;
  positionName: string;
};

/**
 * The demo accounts, all with the password DEMO_PASSWORD. Sign in with the NIP or the e-mail.
 * - Bupati / Wakil Bupati / Sekretaris Daerah: top of the position tree (sign, disposition).
 * - Kepala Dinas Kominfo: head of an OPD.
 * - Sekretaris Dinas Kominfo: holds two active assignments (definitif + Plh Kepala Dinas Kesehatan, from 7 days
 *   before the seed date to 30 days after), to try switching the acting assignment.
 * - Kepala Dinas Kesehatan: the definitif holder of the post the Plh acts in.
 * - Admin instansi: role agency_admin. Pencatat surat: role records_clerk (Setda and Dinas Kominfo).
 * - Staf (pelaksana): an ordinary employee without extra roles.
 */
export const DEMO_LOGINS: readonly DemoLogin[] = (Object.keys(FIXED) as FixedKey[]).map((key) => {
  const p: FixedPerson = FIXED[key];
  return {
    label: p.label,
    nip: p.nip,
    email: p.email,
    name: p.name,
    fullName: displayName(p),
    positionName: p.positionName,
  };
});


// ---------------------------------------------------------------------------------------------------------
// The organisation tree
// ---------------------------------------------------------------------------------------------------------

/** Career level of a post: decides rank, age, titles and flags. */
type Level = "regent" | "jpt" | "administrator" | "pengawas" | "fungsional" | "pelaksana";
/** Field of work: decides plausible academic degrees. */
type Field = "umum" | "kominfo" | "kepegawaian" | "pendidikan" | "kesehatan" | "perencanaan" | "pemerintahan";

type PositionSpec = {
  name: string;
  level: Level;
  /** Key other positions can name as their superior. */
  key?: string;
  /** Key of the superior position; by default the unit's head (for a head: the nearest head above). */
  superior?: string;
  maySign?: boolean;
  grades?: readonly GradeCode[];
  /** A fixed demo person holds this post. */
  person?: FixedKey;
};

type UnitSpec = {
  name: string;
  shortName?: string;
  field: Field;
  head?: PositionSpec;
  members?: PositionSpec[];
  children?: UnitSpec[];
};

const pelaksana = (name: string, person?: FixedKey): PositionSpec => ({ name, level: "pelaksana", person });

/** A seksi / subbagian / subbidang with its head and staff. */
function subunit(kind: "Seksi" | "Subbagian" | "Subbidang", name: string, field: Field, staff: PositionSpec[]): UnitSpec {
  return {
    name: `${kind} ${name}`,
    field,
    head: { name: `Kepala ${kind} ${name}`, level: "pengawas" },
    members: staff,
  };
}

function bidang(name: string, field: Field, children: UnitSpec[]): UnitSpec {
  return { name: `Bidang ${name}`, field, head: { name: `Kepala Bidang ${name}`, level: "administrator" }, children };
}

function sekretariat(secretaryName: string, field: Field, children: UnitSpec[], person?: FixedKey): UnitSpec {
  return {
    name: "Sekretariat",
    field,
    head: { name: secretaryName, level: "administrator", maySign: true, person },
    children,
  };
}

/** An OPD (dinas, badan, kecamatan) under the root; its head reports to the Sekretaris Daerah. */
function opd(o: {
  name: string;
  shortName: string;
  field: Field;
  headName: string;
  headLevel?: Level;
  headPerson?: FixedKey;
  headKey?: string;
  children: UnitSpec[];
}): UnitSpec {
  return {
    name: o.name,
    shortName: o.shortName,
    field: o.field,
    head: {
      name: o.headName,
      level: o.headLevel ?? "jpt",
      key: o.headKey,
      superior: "sekda",
      maySign: true,
      grades: o.headLevel === "administrator" ? ["IV/a", "IV/b"] : ["IV/b", "IV/b", "IV/c"],
      person: o.headPerson,
    },
    children: o.children,
  };
}

function umumKepegawaian(field: Field, staff: PositionSpec[] = [pelaksana("Pengadministrasi Umum")]): UnitSpec {
  return subunit("Subbagian", "Umum dan Kepegawaian", field, staff);
}

function perencanaanKeuangan(field: Field): UnitSpec {
  return subunit("Subbagian", "Perencanaan dan Keuangan", field, [pelaksana("Penyusun Laporan Keuangan")]);
}

const ASISTEN_GRADES: readonly GradeCode[] = ["IV/c", "IV/c", "IV/b"];

const ORG: UnitSpec = {
  name: "Pemerintah Kabupaten Banyuwangi",
  shortName: "PEMKAB",
  field: "pemerintahan",
  head: { name: "Bupati Banyuwangi", level: "regent", key: "bupati", maySign: true, person: "bupati" },
  members: [
    { name: "Wakil Bupati Banyuwangi", level: "regent", maySign: true, person: "wakilBupati" },
    { name: "Sekretaris Daerah", level: "jpt", key: "sekda", maySign: true, grades: ["IV/d"], person: "sekda" },
  ],
  children: [
    {
      name: "Sekretariat Daerah",
      shortName: "SETDA",
      field: "umum",
      members: [
        { name: "Asisten Pemerintahan dan Kesejahteraan Rakyat", level: "jpt", key: "asisten1", superior: "sekda", grades: ASISTEN_GRADES },
        { name: "Asisten Perekonomian dan Pembangunan", level: "jpt", key: "asisten2", superior: "sekda", grades: ASISTEN_GRADES },
        { name: "Asisten Administrasi Umum", level: "jpt", key: "asisten3", superior: "sekda", grades: ASISTEN_GRADES },
      ],
      children: [
        {
          name: "Bagian Pemerintahan",
          field: "pemerintahan",
          head: { name: "Kepala Bagian Pemerintahan", level: "administrator", superior: "asisten1" },
          children: [subunit("Subbagian", "Administrasi Pemerintahan", "pemerintahan", [pelaksana("Analis Kebijakan")])],
        },
        {
          name: "Bagian Perekonomian dan Sumber Daya Alam",
          field: "perencanaan",
          head: { name: "Kepala Bagian Perekonomian dan Sumber Daya Alam", level: "administrator", superior: "asisten2" },
          children: [subunit("Subbagian", "Perekonomian", "perencanaan", [pelaksana("Pengelola Data")])],
        },
        {
          name: "Bagian Umum",
          field: "umum",
          head: { name: "Kepala Bagian Umum", level: "administrator", superior: "asisten3" },
          children: [
            subunit("Subbagian", "Tata Usaha dan Kepegawaian", "umum", [
              pelaksana("Pengadministrasi Umum", "clerkSetda"),
              pelaksana("Pengelola Kepegawaian"),
            ]),
            subunit("Subbagian", "Rumah Tangga", "umum", [pelaksana("Pengadministrasi Sarana dan Prasarana")]),
          ],
        },
      ],
    },
    opd({
      name: "Dinas Komunikasi, Informatika dan Persandian",
      shortName: "DISKOMINFO",
      field: "kominfo",
      headName: "Kepala Dinas Komunikasi, Informatika dan Persandian",
      headPerson: "kadisKominfo",
      children: [
        sekretariat(
          "Sekretaris Dinas Komunikasi, Informatika dan Persandian",
          "kominfo",
          [umumKepegawaian("kominfo", [pelaksana("Pengadministrasi Umum", "clerkKominfo")]), perencanaanKeuangan("kominfo")],
          "sekdisKominfo",
        ),
        bidang("Aplikasi Informatika", "kominfo", [
          subunit("Seksi", "Pengembangan Aplikasi", "kominfo", [
            { name: "Pranata Komputer", level: "fungsional", person: "admin" },
            pelaksana("Pengelola Data"),
          ]),
          subunit("Seksi", "Infrastruktur Teknologi Informasi", "kominfo", [pelaksana("Pengelola Sistem dan Jaringan")]),
        ]),
        bidang("Informasi dan Komunikasi Publik", "kominfo", [
          subunit("Seksi", "Pengelolaan Informasi Publik", "kominfo", [pelaksana("Pengelola Informasi Publik")]),
          subunit("Seksi", "Kemitraan Media", "kominfo", [pelaksana("Analis Kebijakan")]),
        ]),
        bidang("Persandian dan Statistik", "kominfo", [
          subunit("Seksi", "Persandian dan Keamanan Informasi", "kominfo", [pelaksana("Pengelola Persandian")]),
          subunit("Seksi", "Statistik Sektoral", "kominfo", [pelaksana("Pengelola Data", "staff")]),
        ]),
      ],
    }),
    opd({
      name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
      shortName: "BKPSDM",
      field: "kepegawaian",
      headName: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
      children: [
        sekretariat("Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "kepegawaian", [
          umumKepegawaian("kepegawaian"),
        ]),
        bidang("Mutasi dan Promosi", "kepegawaian", [
          subunit("Subbidang", "Mutasi", "kepegawaian", [pelaksana("Pengelola Data Kepegawaian"), pelaksana("Analis Kebijakan")]),
          subunit("Subbidang", "Promosi dan Jabatan Fungsional", "kepegawaian", [pelaksana("Pengadministrasi Umum")]),
        ]),
        bidang("Pengembangan Kompetensi Aparatur", "kepegawaian", [
          subunit("Subbidang", "Pendidikan dan Pelatihan", "kepegawaian", [pelaksana("Pengelola Pengembangan Kompetensi")]),
        ]),
        bidang("Pengadaan, Pemberhentian dan Informasi", "kepegawaian", [
          subunit("Subbidang", "Informasi Kepegawaian", "kepegawaian", [pelaksana("Pengelola Data")]),
        ]),
      ],
    }),
    opd({
      name: "Dinas Pendidikan",
      shortName: "DISPENDIK",
      field: "pendidikan",
      headName: "Kepala Dinas Pendidikan",
      children: [
        sekretariat("Sekretaris Dinas Pendidikan", "pendidikan", [
          umumKepegawaian("pendidikan", [pelaksana("Pengadministrasi Umum"), pelaksana("Pengelola Kepegawaian")]),
          perencanaanKeuangan("pendidikan"),
        ]),
        bidang("Pembinaan Sekolah Dasar", "pendidikan", [
          subunit("Seksi", "Kurikulum dan Penilaian Sekolah Dasar", "pendidikan", [pelaksana("Analis Kebijakan")]),
          subunit("Seksi", "Peserta Didik dan Pembangunan Karakter Sekolah Dasar", "pendidikan", [pelaksana("Pengelola Data")]),
        ]),
        bidang("Pembinaan Sekolah Menengah Pertama", "pendidikan", [
          subunit("Seksi", "Kurikulum dan Penilaian Sekolah Menengah Pertama", "pendidikan", [pelaksana("Pengadministrasi Umum")]),
        ]),
        bidang("Guru dan Tenaga Kependidikan", "pendidikan", [
          subunit("Seksi", "Pendidik dan Tenaga Kependidikan", "pendidikan", [pelaksana("Pengelola Data")]),
        ]),
      ],
    }),
    opd({
      name: "Dinas Kesehatan",
      shortName: "DINKES",
      field: "kesehatan",
      headName: "Kepala Dinas Kesehatan",
      headKey: "kadinkes",
      headPerson: "kadinkes",
      children: [
        sekretariat("Sekretaris Dinas Kesehatan", "kesehatan", [umumKepegawaian("kesehatan"), perencanaanKeuangan("kesehatan")]),
        bidang("Kesehatan Masyarakat", "kesehatan", [
          subunit("Seksi", "Kesehatan Keluarga dan Gizi", "kesehatan", [pelaksana("Pengelola Program Kesehatan"), pelaksana("Pengelola Data")]),
          subunit("Seksi", "Promosi dan Pemberdayaan Masyarakat", "kesehatan", [pelaksana("Analis Kebijakan")]),
        ]),
        bidang("Pencegahan dan Pengendalian Penyakit", "kesehatan", [
          subunit("Seksi", "Surveilans dan Imunisasi", "kesehatan", [pelaksana("Pengelola Data"), pelaksana("Pengadministrasi Umum")]),
          subunit("Seksi", "Pencegahan dan Pengendalian Penyakit Menular", "kesehatan", [pelaksana("Pengelola Program Kesehatan")]),
        ]),
        bidang("Pelayanan dan Sumber Daya Kesehatan", "kesehatan", [
          subunit("Seksi", "Pelayanan Kesehatan Primer", "kesehatan", [pelaksana("Analis Kebijakan")]),
        ]),
      ],
    }),
    opd({
      name: "Badan Perencanaan Pembangunan Daerah",
      shortName: "BAPPEDA",
      field: "perencanaan",
      headName: "Kepala Badan Perencanaan Pembangunan Daerah",
      children: [
        sekretariat("Sekretaris Badan Perencanaan Pembangunan Daerah", "perencanaan", [umumKepegawaian("perencanaan")]),
        bidang("Perencanaan, Pengendalian dan Evaluasi Pembangunan", "perencanaan", [
          subunit("Subbidang", "Perencanaan Pembangunan", "perencanaan", [pelaksana("Pengelola Data"), pelaksana("Analis Kebijakan")]),
          subunit("Subbidang", "Pengendalian dan Evaluasi", "perencanaan", [pelaksana("Analis Kebijakan")]),
        ]),
        bidang("Perekonomian dan Sumber Daya Alam", "perencanaan", [
          subunit("Subbidang", "Perekonomian", "perencanaan", [pelaksana("Analis Kebijakan")]),
        ]),
        bidang("Infrastruktur dan Kewilayahan", "perencanaan", [
          subunit("Subbidang", "Infrastruktur", "perencanaan", [pelaksana("Pengelola Data")]),
        ]),
      ],
    }),
    // A kecamatan has no bidang: its seksi report to the Camat directly (PP 17/2018).
    opd({
      name: "Kecamatan Genteng",
      shortName: "KEC. GENTENG",
      field: "pemerintahan",
      headName: "Camat Genteng",
      headLevel: "administrator",
      children: [
        sekretariat("Sekretaris Kecamatan Genteng", "pemerintahan", [umumKepegawaian("pemerintahan"), perencanaanKeuangan("pemerintahan")]),
        subunit("Seksi", "Pemerintahan", "pemerintahan", [pelaksana("Pengelola Data"), pelaksana("Pengadministrasi Umum")]),
        subunit("Seksi", "Ketenteraman dan Ketertiban Umum", "pemerintahan", [pelaksana("Pengadministrasi Umum")]),
        subunit("Seksi", "Kesejahteraan Sosial", "pemerintahan", [pelaksana("Analis Kebijakan")]),
        subunit("Seksi", "Pemberdayaan Masyarakat dan Desa", "pemerintahan", [pelaksana("Pengelola Data")]),
      ],
    }),
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Generated people
// ---------------------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so the demo is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

// Javanese, Osing and Madurese given names and common Indonesian family-style second names.
const MALE_FIRST = [
  "Agus", "Bambang", "Budi", "Dwi", "Eko", "Hadi", "Joko", "Slamet", "Sugeng", "Wahyu", "Yudi", "Rudi", "Imam",
  "Ahmad", "Abdul", "Fauzi", "Syaiful", "Arief", "Teguh", "Dedy", "Rizal", "Fajar", "Andri", "Bayu", "Hendra",
  "Yoga", "Dimas", "Gilang", "Taufik", "Heru", "Samsul", "Ainur", "Moh.", "Muhammad", "Nur", "Hosnan", "Matrawi",
  "Sahroni", "Marsuki", "Suhaimi", "Sahuni", "Kholili", "Mistari", "Juhairi", "Sunari", "Aekanu", "Hasnan", "Endro",
] as const;
const MALE_SECOND = [
  "Setiawan", "Prasetyo", "Santoso", "Susanto", "Wibowo", "Kurniawan", "Nugroho", "Purnomo", "Firmansyah",
  "Hariyanto", "Fathoni", "Arifin", "Hakim", "Ma'ruf", "Saputra", "Hermawan", "Gunawan", "Syaifuddin", "Kholiq",
  "Mustofa", "Effendi", "Rosyid", "Anwar", "Sholeh", "Ramadhan", "Wicaksono", "Widodo", "Suryadi", "Hariadi",
  "Rofiq", "Junaidi", "Hidayatullah",
] as const;
const MALE_SINGLE = ["Sutrisno", "Sumarno", "Mujiono", "Suyitno", "Sugiarto", "Purwanto", "Suwarno", "Sukirno"] as const;
const FEMALE_FIRST = [
  "Sri", "Endang", "Retno", "Tri", "Siti", "Dewi", "Ika", "Lilik", "Yuli", "Anik", "Ratna", "Fitri", "Rina",
  "Novita", "Diah", "Erna", "Heni", "Nurul", "Lailatul", "Umi", "Eka", "Ayu", "Indah", "Wulan", "Lina", "Nanik",
  "Titik", "Rohmah", "Maya", "Yeni", "Temu", "Mudaiyah", "Sumarni", "Nur",
] as const;
const FEMALE_SECOND = [
  "Wahyuni", "Rahayu", "Lestari", "Handayani", "Puspitasari", "Susilowati", "Astutik", "Suryani", "Maimunah",
  "Fitriani", "Rahmawati", "Nurhayati", "Agustina", "Ningsih", "Anggraini", "Permatasari", "Hidayati", "Safitri",
  "Mufidah", "Khasanah", "Zahroh", "Kartikasari", "Setyowati", "Purwaningsih", "Fauziah", "Yuliana", "Mardiyah",
  "Rosidah",
] as const;
const FEMALE_SINGLE = ["Sulastri", "Suprihatin", "Supinah", "Sumiati", "Juma'ati", "Misnawati"] as const;

const BACHELOR: Record<Field, readonly string[]> = {
  umum: ["S.H.", "S.Sos.", "S.IP.", "S.E.", "S.AP."],
  kominfo: ["S.Kom.", "S.Kom.", "S.T.", "S.I.Kom.", "S.Si."],
  kepegawaian: ["S.Sos.", "S.H.", "S.Psi.", "S.AP.", "S.E."],
  pendidikan: ["S.Pd.", "S.Pd.", "S.Pd.I.", "S.Sos.", "S.E."],
  kesehatan: ["S.K.M.", "S.K.M.", "S.Kep., Ns.", "S.Farm., Apt.", "S.Gz."],
  perencanaan: ["S.E.", "S.T.", "S.P.", "S.Si.", "S.IP."],
  pemerintahan: ["S.STP.", "S.Sos.", "S.IP.", "S.H."],
};
const MASTER: Record<Field, readonly string[]> = {
  umum: ["M.Si.", "M.M.", "M.H.", "M.AP."],
  kominfo: ["M.Kom.", "M.T.", "M.M.", "M.Si."],
  kepegawaian: ["M.Si.", "M.M.", "M.AP.", "M.Psi."],
  pendidikan: ["M.Pd.", "M.Pd.", "M.Si.", "M.M."],
  kesehatan: ["M.Kes.", "M.Kes.", "M.M.", "M.K.M."],
  perencanaan: ["M.Si.", "M.T.", "M.E.", "M.M."],
  pemerintahan: ["M.Si.", "M.AP.", "M.Si.", "M.H."],
};

const LEVEL_GRADES: Record<Level, readonly (GradeCode | "")[]> = {
  regent: [""],
  jpt: ["IV/b", "IV/c"],
  administrator: ["IV/a", "IV/a", "IV/b", "III/d"],
  pengawas: ["III/c", "III/d", "III/d", "IV/a"],
  fungsional: ["III/a", "III/b", "III/c"],
  pelaksana: ["II/b", "II/c", "II/d", "III/a", "III/b", "III/c"],
};
const LEVEL_BIRTH_YEARS: Record<Level, [number, number]> = {
  regent: [1965, 1975],
  jpt: [1967, 1976],
  administrator: [1970, 1982],
  pengawas: [1975, 1989],
  fungsional: [1988, 1998],
  pelaksana: [1982, 2000],
};
const APPOINTMENT_MONTHS = [1, 1, 2, 3, 3, 4, 12] as const;
const PHONE_PREFIXES = ["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0877", "0881", "0895"] as const;

type Person = {
  name: string;
  titleFront: string;
  titleBack: string;
  gender: Gender;
  grade: string;
  nip: string;
  nik: string;
  email: string;
  phone: string;
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function emailLocalPart(name: string): string {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z]/g, ""))
    .filter(Boolean);
  return words.length === 1 ? words[0] : `${words[0]}.${words[words.length - 1]}`;
}

/** Hands out unique names, NIPs, NIKs and e-mails. */
class PeopleFactory {
  private names = new Set<string>();
  private nips = new Set<string>();
  private niks = new Set<string>();
  private emails = new Set<string>();

  constructor(private rng: Rng) {
    // Reserve the fixed people first so that generated ones never collide with them.
    for (const p of Object.values(FIXED) as FixedPerson[]) {
      this.names.add(p.name);
      this.nips.add(p.nip);
      this.emails.add(p.email);
    }
  }

  fixed(key: FixedKey): Person {
    const p: FixedPerson = FIXED[key];
    const info = parseNip(p.nip);
    if (!info || info.gender !== p.gender) throw new Error(`demo seed: bad fixed NIP ${p.nip}`);
    return {
      name: p.name,
      titleFront: p.titleFront,
      titleBack: p.titleBack,
      gender: p.gender,
      grade: p.grade,
      nip: p.nip,
      nik: this.nik(info.birthDate, p.gender),
      email: p.email,
      phone: this.phone(),
    };
  }

  generate(level: Level, field: Field, grades: readonly (GradeCode | "")[] | undefined): Person {
    const r = this.rng;
    const gender: Gender = r.chance(level === "pelaksana" || level === "fungsional" ? 0.5 : 0.4) ? "female" : "male";
    const name = this.name(gender);
    const grade = r.pick(grades ?? LEVEL_GRADES[level]);
    const [minYear, maxYear] = LEVEL_BIRTH_YEARS[level];
    const birthYear = r.int(minYear, maxYear);
    const birthDate = `${birthYear}${pad(r.int(1, 12), 2)}${pad(r.int(1, 28), 2)}`;
    const appointmentYear = Math.min(birthYear + r.int(level === "pelaksana" ? 20 : 23, 29), 2024);
    let nip = "";
    do {
      nip = `${birthDate}${appointmentYear}${pad(r.pick(APPOINTMENT_MONTHS), 2)}${gender === "male" ? 1 : 2}${pad(r.int(1, 40), 3)}`;
    } while (this.nips.has(nip));
    const info = parseNip(nip);
    if (!info || info.gender !== gender) throw new Error(`demo seed: generated a bad NIP ${nip}`);
    this.nips.add(nip);
    const { titleFront, titleBack } = titles(r, level, field, grade, birthYear);
    let email = `${emailLocalPart(name)}@${DEMO_EMAIL_DOMAIN}`;
    for (let i = 2; this.emails.has(email); i++) email = `${emailLocalPart(name)}${i}@${DEMO_EMAIL_DOMAIN}`;
    this.emails.add(email);
    return { name, titleFront, titleBack, gender, grade, nip, nik: this.nik(info.birthDate, gender), email, phone: this.phone() };
  }

  private name(gender: Gender): string {
    const r = this.rng;
    for (;;) {
      const name =
        gender === "male"
          ? r.chance(0.1)
            ? r.pick(MALE_SINGLE)
            : `${r.pick(MALE_FIRST)} ${r.pick(MALE_SECOND)}`
          : r.chance(0.1)
            ? r.pick(FEMALE_SINGLE)
            : `${r.pick(FEMALE_FIRST)} ${r.pick(FEMALE_SECOND)}`;
      if (!this.names.has(name)) {
        this.names.add(name);
        return name;
      }
    }
  }

  /** 3510 (Kabupaten Banyuwangi) + kecamatan + DDMMYY (day + 40 for women) + serial. */
  private nik(birthDate: string, gender: Gender): string {
    const [y, m, d] = birthDate.split("-");
    const day = Number(d) + (gender === "female" ? 40 : 0);
    let nik = "";
    do {
      nik = `3510${pad(this.rng.int(1, 25), 2)}${pad(day, 2)}${m}${y.slice(2)}${pad(this.rng.int(1, 999), 4)}`;
    } while (this.niks.has(nik));
    this.niks.add(nik);
    return nik;
  }

  private phone(): string {
    return `${this.rng.pick(PHONE_PREFIXES)}${pad(this.rng.int(0, 99_999_999), 8)}`;
  }
}

function titles(r: Rng, level: Level, field: Field, grade: string, birthYear: number): { titleFront: string; titleBack: string } {
  const bachelor = () => r.pick(BACHELOR[field]);
  const master = () => r.pick(MASTER[field]);
  switch (level) {
    case "regent":
    case "jpt":
      if (field === "kesehatan" && r.chance(0.7)) return { titleFront: "dr.", titleBack: master() };
      if (field === "perencanaan" && birthYear < 1974 && r.chance(0.5)) return { titleFront: "Ir.", titleBack: master() };
      return { titleFront: r.chance(0.2) ? "Dr." : "", titleBack: `${bachelor()}, ${master()}` };
    case "administrator":
      if (field === "kesehatan" && r.chance(0.4)) {
        return { titleFront: r.pick(["dr.", "drg."]), titleBack: r.chance(0.5) ? master() : "" };
      }
      return { titleFront: "", titleBack: r.chance(0.6) ? `${bachelor()}, ${master()}` : bachelor() };
    case "pengawas":
      return { titleFront: "", titleBack: r.chance(0.25) ? `${bachelor()}, ${master()}` : bachelor() };
    case "fungsional":
      return { titleFront: "", titleBack: bachelor() };
    case "pelaksana":
      // Entry with a diploma (D-III) is at II/c; II/a and II/b are school leavers.
      if (grade === "II/c" || grade === "II/d") return { titleFront: "", titleBack: r.chance(0.5) ? "A.Md." : "" };
      if (grade.startsWith("II/")) return { titleFront: "", titleBack: "" };
      return { titleFront: "", titleBack: bachelor() };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The plan: everything to insert, computed without touching the database
// ---------------------------------------------------------------------------------------------------------

export type PlannedUnit = { parent: number | null; name: string; shortName: string };
export type PlannedPosition = {
  unit: number;
  name: string;
  superior: number | null;
  isLeader: boolean;
  mayDisposition: boolean;
  maySign: boolean;
  key?: string;
};
export type PlannedAssignment = {
  /** Index into employees. */
  employee: number;
  /** Index into positions. */
  position: number;
  kind: "definitif" | "plt" | "plh";
  startDate: string;
  endDate: string | null;
  decreeNumber: string;
};
export type DemoPlan = {
  agency: { name: string; regionName: string; address: string; phone: string; email: string; website: string; timeZone: string };
  units: PlannedUnit[];
  positions: PlannedPosition[];
  /** employees[i] holds positions[i] definitively. */
  employees: Person[];
  assignments: PlannedAssignment[];
  roles: { employee: number; role: Role }[];
};

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localIsoDate(instant: Date, timeZone: string = TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Inauguration dates (pelantikan) for definitive appointments; one decree per date, as in a mass inauguration.
const INAUGURATIONS = ["2023-01-02", "2023-07-03", "2024-01-02", "2024-04-01", "2024-10-01", "2025-01-02", "2025-06-02"];
// Regional heads of the 2024 elections were inaugurated together on 20 February 2025 (Keputusan Mendagri).
const REGENT_START = "2025-02-20";

/** Builds the whole demo, deterministically, without hashing passwords or touching the database. */
export function buildDemoPlan(now: Date = new Date()): DemoPlan {
  const rng = prng(0x4b6177616e); // "Kawan"
  const factory = new PeopleFactory(rng);
  const today = localIsoDate(now);
  // Definitive appointments must have started already, whatever `now` is.
  const latestStart = addDays(today, -30);
  const clampStart = (d: string) => (d > latestStart ? latestStart : d);

  const plan: DemoPlan = {
    agency: {
      name: "Pemerintah Kabupaten Banyuwangi",
      regionName: "Kabupaten Banyuwangi",
      address: "Jl. Ahmad Yani No. 100, Banyuwangi 68416",
      phone: "(0333) 424172",
      email: "pemkab@banyuwangikab.go.id",
      website: "https://www.banyuwangikab.go.id",
      timeZone: TIME_ZONE,
    },
    units: [],
    positions: [],
    employees: [],
    assignments: [],
    roles: [],
  };

  const byKey = new Map<string, number>();
  const byPerson = new Map<FixedKey, number>();
  const pendingSuperior: { position: number; key: string }[] = [];
  const decreeByStart = new Map<string, string>();

  const decreeFor = (start: string) => {
    let decree = decreeByStart.get(start);
    if (!decree) {
      decree = `800.1.3.3/${rng.int(100, 950)}/KEP/429.011/${start.slice(0, 4)}`;
      decreeByStart.set(start, decree);
    }
    return decree;
  };

  const addPosition = (spec: PositionSpec, unit: number, field: Field, defaultSuperior: number | null): number => {
    const index = plan.positions.length;
    const isLeader = spec.level !== "pelaksana" && spec.level !== "fungsional";
    plan.positions.push({
      unit,
      name: spec.name,
      superior: spec.superior ? null : defaultSuperior,
      isLeader,
      mayDisposition: isLeader,
      maySign: spec.maySign ?? false,
      key: spec.key,
    });
    if (spec.superior) pendingSuperior.push({ position: index, key: spec.superior });
    if (spec.key) {
      if (byKey.has(spec.key)) throw new Error(`demo seed: duplicate position key ${spec.key}`);
      byKey.set(spec.key, index);
    }
    let person: Person;
    if (spec.person) {
      if (FIXED[spec.person].positionName !== spec.name) throw new Error(`demo seed: ${spec.person} is not a ${spec.name}`);
      if (byPerson.has(spec.person)) throw new Error(`demo seed: ${spec.person} placed twice`);
      byPerson.set(spec.person, index);
      person = factory.fixed(spec.person);
    } else {
      person = factory.generate(spec.level, field, spec.grades);
    }
    plan.employees.push(person);
    // Appointed to the post only after entering the civil service (the NIP's appointment month).
    const entered = `${parseNip(person.nip)!.appointmentMonth}-01`;
    const possible = INAUGURATIONS.filter((d) => d >= entered);
    const start = clampStart(spec.level === "regent" ? REGENT_START : rng.pick(possible.length > 0 ? possible : INAUGURATIONS.slice(-1)));
    plan.assignments.push({
      employee: index,
      position: index,
      kind: "definitif",
      startDate: start,
      endDate: null,
      decreeNumber: spec.level === "regent" ? `100.2.1.3-${spec.key === "bupati" ? 1507 : 1508} Tahun 2025` : decreeFor(start),
    });
    return index;
  };

  const addUnit = (spec: UnitSpec, parent: number | null, headAbove: number | null) => {
    const unit = plan.units.length;
    plan.units.push({ parent, name: spec.name, shortName: spec.shortName ?? "" });
    const head = spec.head ? addPosition(spec.head, unit, spec.field, headAbove) : null;
    const superiorHere = head ?? headAbove;
    for (const member of spec.members ?? []) addPosition(member, unit, spec.field, superiorHere);
    for (const child of spec.children ?? []) addUnit(child, unit, superiorHere);
  };
  addUnit(ORG, null, null);

  for (const { position, key } of pendingSuperior) {
    const superior = byKey.get(key);
    if (superior === undefined) throw new Error(`demo seed: unknown superior key ${key}`);
    plan.positions[position].superior = superior;
  }
  for (const key of Object.keys(FIXED) as FixedKey[]) {
    if (!byPerson.has(key)) throw new Error(`demo seed: no post for ${key}`);
  }

  // The Sekretaris of Dinas Kominfo acts as Plh Kepala Dinas Kesehatan (the head is on leave).
  const plh = byPerson.get("sekdisKominfo")!;
  const plhStart = addDays(today, -7);
  plan.assignments.push({
    employee: plh,
    position: byKey.get("kadinkes")!,
    kind: "plh",
    startDate: plhStart,
    endDate: addDays(today, 30),
    decreeNumber: `800.1.11.1/${rng.int(100, 950)}/429.011/${plhStart.slice(0, 4)}`,
  });

  plan.roles.push(
    { employee: byPerson.get("admin")!, role: "agency_admin" },
    { employee: byPerson.get("clerkSetda")!, role: "records_clerk" },
    { employee: byPerson.get("clerkKominfo")!, role: "records_clerk" },
  );
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------------------

export type DemoSummary = {
  /** False when the agencies table was not empty and nothing was written. */
  created: boolean;
  agencyId: number | null;
  units: number;
  positions: number;
  employees: number;
  assignments: number;
  roles: number;
};

/**
 * Seeds the demo regency when the agencies table is empty; otherwise changes nothing.
 * Passwords are hashed per employee (each with its own salt, as real accounts would be) before the write
 * transaction opens, so the write lock is held only for the inserts.
 */
export function seedDemo(db: Db, opts: { now?: Date } = {}): DemoSummary {
  const skipped: DemoSummary = { created: false, agencyId: null, units: 0, positions: 0, employees: 0, assignments: 0, roles: 0 };
  const agencyCount = () => db.select({ n: count() }).from(agencies).get()?.n ?? 0;
  if (agencyCount() > 0) return skipped;

  const now = opts.now ?? new Date();
  const plan = buildDemoPlan(now);
  const hashes = plan.employees.map(() => hashPassword(DEMO_PASSWORD));

  return db.transaction(
    (tx) => {
      // Checked again under the write lock, in case another process seeded meanwhile.
      if ((tx.select({ n: count() }).from(agencies).get()?.n ?? 0) > 0) return skipped;

      const agencyId = tx.insert(agencies).values(plan.agency).returning({ id: agencies.id }).get().id;

      const unitIds: number[] = [];
      for (const u of plan.units) {
        const parentId = u.parent === null ? null : unitIds[u.parent];
        unitIds.push(tx.insert(units).values({ agencyId, parentId, name: u.name, shortName: u.shortName }).returning({ id: units.id }).get().id);
      }

      // A superior named by key could in principle come later in the plan than its subordinate: such links
      // are set once all positions exist.
      const positionIds: number[] = [];
      plan.positions.forEach((p, i) => {
        const superiorId = p.superior !== null && p.superior < i ? positionIds[p.superior] : null;
        const row = {
          agencyId,
          unitId: unitIds[p.unit],
          name: p.name,
          superiorId,
          isLeader: p.isLeader,
          mayDisposition: p.mayDisposition,
          maySign: p.maySign,
        };
        positionIds.push(tx.insert(positions).values(row).returning({ id: positions.id }).get().id);
      });
      plan.positions.forEach((p, i) => {
        if (p.superior !== null && p.superior > i) {
          tx.update(positions).set({ superiorId: positionIds[p.superior] }).where(eq(positions.id, positionIds[i])).run();
        }
      });

      const employeeIds: number[] = [];
      plan.employees.forEach((e, i) => {
        const row = {
          agencyId,
          nip: e.nip,
          nik: e.nik,
          name: e.name,
          titleFront: e.titleFront,
          titleBack: e.titleBack,
          grade: e.grade,
          email: e.email,
          phone: e.phone,
          passwordHash: hashes[i],
          mustChangePassword: false,
        };
        employeeIds.push(tx.insert(employees).values(row).returning({ id: employees.id }).get().id);
      });

      for (const a of plan.assignments) {
        tx.insert(assignments)
          .values({
            employeeId: employeeIds[a.employee],
            positionId: positionIds[a.position],
            kind: a.kind,
            startDate: a.startDate,
            endDate: a.endDate,
            decreeNumber: a.decreeNumber,
          })
          .run();
      }
      for (const r of plan.roles) tx.insert(employeeRoles).values({ employeeId: employeeIds[r.employee], role: r.role }).run();

      const summary: DemoSummary = {
        created: true,
        agencyId,
        units: plan.units.length,
        positions: plan.positions.length,
        employees: plan.employees.length,
        assignments: plan.assignments.length,
        roles: plan.roles.length,
      };
      tx.insert(auditLog)
        .values({
          agencyId,
          action: "seed.demo",
          entityType: "agency",
          entityId: String(agencyId),
          after: JSON.stringify({ ...summary, name: plan.agency.name }),
          at: now,
        })
        .run();
      return summary;
    },
    { behavior: "immediate" },
  );
}
