/**
 * The disposition benchmark's database: the demo regency (`npm run seed`, see seeded-db.ts), then N incoming
 * letters in the regent's office register, each addressed to the Bupati Banyuwangi post, and their disposition
 * trees: ~10 nodes a letter on average, 2,000,000 rows at full size. Bulk-inserted with better-sqlite3
 * directly (prepared statements, a transaction per ~20,000 dispositions, synchronous=OFF for the load only).
 *
 * The trees follow the seeded hierarchy (positions.superior_id): Bupati -> Sekretaris Daerah -> Asisten /
 * Kepala Dinas -> Kepala Bagian / Bidang -> Kepala Sub / staff, breadth-first, 1-4 recipients a hop. Letters
 * are spread over two years in office hours; each hop comes 30 minutes to 30 hours after the sender read
 * theirs. States follow age: older branches mostly completed (some followed_up), ~5% left open past their
 * deadline, the last two weeks mostly open; ~1% withdrawn and ~1% declined. A share of letters (evenly spread
 * over time) goes through the Sekretaris Daerah, the leader measured: 20,000 dispositions reach his post
 * (most as "to", a fifth as the tembusan of a Bupati -> Kepala Dinas disposition). One of them, about 40 days
 * old, carries a big tree (60 nodes below and including his, plus a sibling branch he may not see).
 *
 * letter_events: "registered" for every letter; the full timeline (read, dispositioned, follow-up, completed,
 * declined, withdrawn) only for the letters that reach the Sekretaris Daerah, the ones whose page he can open.
 * Not written: issued_numbers (agenda numbers are written into the letters directly), scans, notifications,
 * the audit log. Dispositions are inserted letter by letter, so a tree's ids are contiguous.
 */
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "@/db/schema";
import type { Db } from "@/db";
import { issuingUnitOf } from "@/lib/documents/render-model";
import { displayName } from "@/lib/org/display-name";
import { ACTIONS, TOPICS } from "./inbox-data";
import { DAY, finishBulkLoad, HOUR, laterInOffice, officeTimes, oneOf, openForBulkLoad, pick, prng, WIB, wibDate, type Rand, type Weighted } from "./seeded-db";
import { check } from "./stats";

export const SEKDA_EMAIL = "bambang.sutrisno@banyuwangikab.go.id";
export const SEKDA_POSITION = "Sekretaris Daerah";
export const REGENT_POSITION = "Bupati Banyuwangi";

/** Rows per transaction of the load. */
const TX_ROWS = 20_000;
const RECENT = 14 * DAY;
/** Open past the deadline, among branches older than two weeks. */
const OVERDUE_SHARE = 0.045;
const WITHDRAWN_SHARE = 0.01;
const DECLINED_SHARE = 0.01;
const BIG_TREE_NODES = 60;
const MAX_TREE = 80;
const GROWING = 1.0075;

const SENDERS: [agency: string, name: string, code: string][] = [
  ["Kementerian Dalam Negeri", "Direktur Jenderal Bina Keuangan Daerah", "Keuda"],
  ["Kementerian Dalam Negeri", "Direktur Jenderal Bina Pembangunan Daerah", "Bangda"],
  ["Pemerintah Provinsi Jawa Timur", "Sekretaris Daerah Provinsi Jawa Timur", "Setdaprov"],
  ["Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Jawa Timur", "Kepala Badan", "BPKAD"],
  ["Kementerian Keuangan", "Direktur Jenderal Perimbangan Keuangan", "PK"],
  ["Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "Deputi Bidang Reformasi Birokrasi", "RB"],
  ["Badan Kepegawaian Negara", "Kepala Kantor Regional II", "Kanreg II"],
  ["Badan Pemeriksa Keuangan RI Perwakilan Provinsi Jawa Timur", "Kepala Perwakilan", "BPK"],
  ["Dewan Perwakilan Rakyat Daerah Kabupaten Banyuwangi", "Ketua DPRD", "DPRD"],
  ["Kepolisian Resor Kota Banyuwangi", "Kepala Kepolisian Resor Kota", "Polresta"],
  ["Komando Distrik Militer 0825/Banyuwangi", "Komandan Distrik Militer", "Kodim"],
  ["Kejaksaan Negeri Banyuwangi", "Kepala Kejaksaan Negeri", "Kejari"],
  ["Kementerian Kesehatan", "Direktur Jenderal Kesehatan Masyarakat", "Kesmas"],
  ["Kementerian Pendidikan Dasar dan Menengah", "Sekretaris Jenderal", "Setjen"],
  ["Universitas Jember", "Rektor", "UNEJ"],
  ["PT Bank Pembangunan Daerah Jawa Timur Tbk Cabang Banyuwangi", "Pemimpin Cabang", "BJTM"],
  ["Pemerintah Desa Kemiren", "Kepala Desa", "Ds.Kmr"],
  ["Badan Pusat Statistik Kabupaten Banyuwangi", "Kepala BPS", "BPS"],
];
const SUMMARIES = [
  "Mohon menugaskan pejabat yang menangani urusan dimaksud dan menyampaikan data dukung paling lambat akhir bulan.",
  "Undangan rapat di Surabaya; peserta pejabat eselon II atau yang mewakili, membawa bahan paparan.",
  "Pemberitahuan jadwal pemeriksaan dan daftar dokumen yang perlu disiapkan perangkat daerah.",
];
const NOTES = ["", "", "Segera ditindaklanjuti", "Pelajari dan laporkan", "Koordinasikan dengan OPD terkait", "Hadiri dan laporkan hasilnya", "Siapkan bahan untuk rapat pimpinan", "Untuk diketahui"];
const FOLLOW_UPS = [
  "Sudah dikoordinasikan dengan bidang terkait; data dukung terlampir.",
  "Telah dihadiri; laporan hasil rapat disampaikan melalui nota dinas.",
  "Konsep jawaban sudah disiapkan dan diserahkan kepada pimpinan.",
  "Data telah dikirim melalui aplikasi sesuai permintaan.",
  "Sudah ditindaklanjuti sesuai arahan.",
];
const DECLINE_REASONS = ["Bukan kewenangan bidang kami; mohon diarahkan ke Bagian Umum.", "Urusan ini ditangani Dinas lain sesuai Perbup tentang tugas dan fungsi."];
const CLOSED_NOTES = ["Untuk diketahui, arsip.", "Sudah dibahas dalam rapat pimpinan."];

type Holder = { employeeId: number; assignmentId: number; label: string };
type Post = { id: number; name: string; superiorId: number | null; holder: Holder };
type Fate = "normal" | "withdrawn" | "declined";
type Node = {
  parent: number | null;
  kind: "to" | "cc";
  from: Post;
  to: Post;
  createdAt: number;
  fate: Fate;
  /** When the recipient opened it, if before now. */
  readAt: number;
  /** When the recipient forwarded it further (its children's createdAt), if they did. */
  forwardedAt: number | null;
  id: number;
};

export type DispositionData = {
  letters: number;
  dispositions: number;
  events: number;
  registerUnitId: number;
  regentPositionId: number;
  sekdaPositionId: number;
  /** Dispositions to the Sekretaris Daerah's post (his "disposisi" list), and their states. */
  sekdaInbox: number;
  sekdaCc: number;
  sekdaUnread: number;
  sekdaOpen: number;
  sekdaOverdue: number;
  /** Of those, letters whose subject contains "anggaran" (the search measured). */
  sekdaWithAnggaran: number;
  states: Record<string, number>;
  /** kind "to", open, deadline before today. */
  overdue: number;
  bigLetterId: number;
  bigTreeNodes: number;
  /** Of the big tree, the nodes the Sekretaris Daerah sees (his, the path above, everything below). */
  bigTreeVisible: number;
  insertMs: number;
};

type Options = { letters: number; dispositions: number; sekdaInbox: number };

export function insertDispositionTrees(file: string, opts: Options, now = Date.now()): DispositionData {
  const started = Date.now();
  const db = openForBulkLoad(file);
  try {
    const rand = prng(20261129);
    const today = wibDate(now);
    const agencyId = (db.prepare("select id from agencies order by id limit 1").get() as { id: number }).id;
    const holders = new Map(
      (
        db
          .prepare(
            `select a.position_id as positionId, a.employee_id as employeeId, a.id as assignmentId, e.name, e.title_front as titleFront, e.title_back as titleBack, p.name as positionName
             from assignments a join employees e on e.id = a.employee_id join positions p on p.id = a.position_id
             where a.kind = 'definitif' and a.end_date is null order by a.id`,
          )
          .all() as { positionId: number; employeeId: number; assignmentId: number; name: string; titleFront: string; titleBack: string; positionName: string }[]
      ).map((a) => [a.positionId, { employeeId: a.employeeId, assignmentId: a.assignmentId, label: `${displayName(a)} — ${a.positionName}` }]),
    );
    const posts: Post[] = (db.prepare("select id, name, superior_id as superiorId from positions where agency_id = ? and active = 1 order by id").all(agencyId) as Omit<Post, "holder">[])
      .filter((p) => holders.has(p.id))
      .map((p) => ({ ...p, holder: holders.get(p.id)! }));
    const below = new Map<number, Post[]>();
    for (const p of posts) if (p.superiorId !== null) below.set(p.superiorId, [...(below.get(p.superiorId) ?? []), p]);
    const teamSize = new Map<number, number>();
    const countTeam = (id: number): number => {
      if (!teamSize.has(id)) teamSize.set(id, (below.get(id) ?? []).reduce((n, p) => n + 1 + countTeam(p.id), 0));
      return teamSize.get(id)!;
    };
    posts.forEach((p) => countTeam(p.id));
    const regent = posts.find((p) => p.name === REGENT_POSITION && p.superiorId === null);
    const sekda = posts.find((p) => p.name === SEKDA_POSITION);
    check(regent && sekda && sekda.superiorId === regent.id, `the seeded regency lacks a held "${REGENT_POSITION}" post with "${SEKDA_POSITION}" below it`);
    const sekdaHolder = db.prepare("select e.email from employees e where e.id = ?").get(sekda.holder.employeeId) as { email: string };
    check(sekdaHolder.email === SEKDA_EMAIL, `${SEKDA_POSITION} is held by ${sekdaHolder.email}, not ${SEKDA_EMAIL}`);
    const underSekda = below.get(sekda.id) ?? [];
    const otherFirst = (below.get(regent.id) ?? []).filter((p) => p.id !== sekda.id);
    check(underSekda.length >= 3 && otherFirst.length >= 1, "the seeded hierarchy below the Bupati is too small");
    // The regent's office register: the root unit ("Pemerintah Kabupaten Banyuwangi"), as registerIncomingLetter finds it.
    const register = issuingUnitOf(drizzle(db, { schema }) as unknown as Db, regent.id);
    check(register, "no register unit for the Bupati's post");
    const clerk = db.prepare("select r.employee_id as id from employee_roles r where r.role = 'records_clerk' order by r.employee_id limit 1").get() as { id: number } | undefined;
    check(clerk, "no records clerk seeded");
    const clerkLabel = [...holders.values()].find((h) => h.employeeId === clerk.id)?.label ?? "Pencatat surat";
    const instructionLabels = (db.prepare("select label from disposition_instructions where agency_id = ? and active = 1 order by sort_order").all(agencyId) as { label: string }[]).map((r) => r.label);
    check(instructionLabels.length >= 5, "no disposition instructions seeded");
    const codes = (db.prepare("select code from classification_codes where length(code) - length(replace(code, '.', '')) between 1 and 2 order by code").all() as { code: string }[]).map((c) => c.code);
    check(codes.length > 100, "no classification codes seeded");

    const insertLetter = db.prepare(`insert into incoming_letters
      (agency_id, register_unit_id, agenda_number, sender_agency, sender_name, letter_number, letter_date, received_date, subject, security_class, urgency,
       classification_code, attachment_count, summary, registered_by_employee_id, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertAddressee = db.prepare(`insert into incoming_letter_addressees
      (letter_id, position_id, state, read_at, read_by_employee_id, read_by_assignment_id, closed_note, closed_at, closed_by_employee_id, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertDisposition = db.prepare(`insert into dispositions
      (letter_id, parent_id, kind, from_position_id, from_employee_id, from_assignment_id, from_label, to_position_id, instructions, note, urgency, deadline, state,
       read_at, read_by_employee_id, read_by_assignment_id, follow_up_note, acted_by_employee_id, acted_assignment_id, acted_at, decline_reason, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertEvent = db.prepare("insert into letter_events (letter_id, disposition_id, action, actor_employee_id, actor_label, note, at) values (?, ?, ?, ?, ?, ?, ?)");

    const times = officeTimes(rand, opts.letters, now);
    const viaSekda = (i: number) => Math.floor(((i + 1) * opts.sekdaInbox) / opts.letters) > Math.floor((i * opts.sekdaInbox) / opts.letters);
    // The big tree: the newest letter through the Sekretaris Daerah that is at least 40 days old.
    let bigIndex = times.length - 1;
    while (bigIndex > 0 && (times[bigIndex] > now - 40 * DAY || !viaSekda(bigIndex))) bigIndex--;
    check(viaSekda(bigIndex), "no letter for the big tree");

    const stats: Omit<DispositionData, "insertMs" | "registerUnitId" | "regentPositionId" | "sekdaPositionId"> = {
      letters: opts.letters,
      dispositions: 0,
      events: 0,
      sekdaInbox: 0,
      sekdaCc: 0,
      sekdaUnread: 0,
      sekdaOpen: 0,
      sekdaOverdue: 0,
      sekdaWithAnggaran: 0,
      states: {},
      overdue: 0,
      bigLetterId: 0,
      bigTreeNodes: 0,
      bigTreeVisible: 0,
    };
    const agenda = new Map<string, number>();
    const meanSize = opts.dispositions / opts.letters;
    const fateOf = (r: Rand): Fate => {
      const x = r();
      return x < WITHDRAWN_SHARE ? "withdrawn" : x < WITHDRAWN_SHARE + DECLINED_SHARE ? "declined" : "normal";
    };
    const clampNow = (t: number) => Math.min(t, now - 60_000);

    /** One letter: its row, its addressee, its tree; returns the dispositions written. */
    const writeLetter = (i: number): number => {
      const createdAt = times[i];
      const sekdaLetter = viaSekda(i);
      const big = i === bigIndex;
      const year = new Date(createdAt + WIB).getUTCFullYear();
      const [senderAgency, senderName, senderCode] = oneOf(rand, SENDERS);
      const code = oneOf(rand, codes);
      const receivedDate = wibDate(createdAt);
      const letterDate = wibDate(createdAt - Math.floor(rand() * 10) * DAY);
      const topic = oneOf(rand, TOPICS)
        .replace("{y}", String(year + (rand() < 0.5 ? 0 : 1)))
        .replace("{q}", ["I", "II", "III", "IV"][new Date(createdAt + WIB).getUTCMonth() >> 2] ?? "I");
      const subject = `${oneOf(rand, ACTIONS)} ${topic}`;
      const urgency = pick(rand, [["biasa", 65], ["segera", 25], ["amat_segera", 10]] as Weighted<string>);
      const agendaNumber = (agenda.get(String(year)) ?? 0) + 1;
      agenda.set(String(year), agendaNumber);
      const { lastInsertRowid } = insertLetter.run(
        agencyId,
        register.id,
        String(agendaNumber),
        senderAgency,
        senderName,
        `${code}/${1000 + Math.floor(rand() * 9000)}/${senderCode}/${year}`,
        letterDate,
        receivedDate,
        subject,
        pick(rand, [["B", 85], ["T", 10], ["R", 4], ["SR", 1]] as Weighted<string>),
        urgency,
        code,
        rand() < 0.4 ? 1 + Math.floor(rand() * 3) : 0,
        rand() < 0.3 ? oneOf(rand, SUMMARIES) : "",
        clerk.id,
        createdAt,
      );
      const letterId = Number(lastInsertRowid);
      const events: { dispositionId: number | null; action: string; actor: Holder | null; note: string; at: number }[] = [
        { dispositionId: null, action: "registered", actor: null, note: String(agendaNumber), at: createdAt },
      ];

      // The Bupati's own tray: most letters dispositioned, a few closed without one, the newest still pending.
      const age = now - createdAt;
      const state = sekdaLetter ? "dispositioned" : age < 3 * DAY && rand() < 0.6 ? "pending" : rand() < 0.02 ? "no_disposition" : "dispositioned";
      let readAt: number | null = laterInOffice(rand, createdAt, 0.2, 24);
      let firstBatch = laterInOffice(rand, readAt, 0.5, 30);
      if (sekdaLetter && firstBatch > now - 60_000) {
        readAt = createdAt + (now - createdAt) / 3;
        firstBatch = createdAt + ((now - createdAt) * 2) / 3;
      }
      if (readAt > now) readAt = null;
      const closedAt = state === "no_disposition" && readAt !== null ? clampNow(laterInOffice(rand, readAt, 0.2, 8)) : null;
      const addresseeState = state === "dispositioned" && !sekdaLetter && firstBatch > now - 60_000 ? "pending" : state === "no_disposition" && closedAt === null ? "pending" : state;
      insertAddressee.run(
        letterId,
        regent.id,
        addresseeState,
        readAt,
        readAt === null ? null : regent.holder.employeeId,
        readAt === null ? null : regent.holder.assignmentId,
        addresseeState === "no_disposition" ? oneOf(rand, CLOSED_NOTES) : "",
        addresseeState === "no_disposition" ? closedAt : null,
        addresseeState === "no_disposition" ? regent.holder.employeeId : null,
        createdAt,
      );
      if (readAt !== null) events.push({ dispositionId: null, action: "read", actor: regent.holder, note: "", at: readAt });
      if (addresseeState === "no_disposition") events.push({ dispositionId: null, action: "no_disposition", actor: regent.holder, note: "", at: closedAt! });

      const nodes: Node[] = [];
      if (addresseeState === "dispositioned") {
        // Tree size: exponential around the mean, nudged by how far the running total is from the target.
        // The last weeks' trees are still growing (hops after now are not there yet): aim ~0.75% higher before.
        const behind = (GROWING * opts.dispositions * i) / opts.letters - stats.dispositions;
        let size = big ? BIG_TREE_NODES + 1 : Math.max(1, Math.min(MAX_TREE, Math.round(1 - Math.log(1 - rand()) * (meanSize - 1) + behind / 2)));
        const add = (parent: number | null, kind: "to" | "cc", from: Post, to: Post, at: number, fate: Fate) => {
          nodes.push({ parent, kind, from, to, createdAt: at, fate, readAt: laterInOffice(rand, at, 0.1, 20), forwardedAt: null, id: 0 });
        };
        if (big) {
          add(null, "to", regent, sekda, firstBatch, "normal");
          add(null, "to", regent, otherFirst[0], firstBatch, "normal");
        } else if (sekdaLetter && rand() < 0.8) {
          add(null, "to", regent, sekda, firstBatch, fateOf(rand));
        } else if (sekdaLetter) {
          // Straight to a Kepala Dinas / Asisten, with a tembusan to his superior, the Sekretaris Daerah.
          add(null, "to", regent, oneOf(rand, underSekda), firstBatch, fateOf(rand));
          add(null, "cc", regent, sekda, firstBatch, "normal");
        } else {
          const pool = [...otherFirst, ...underSekda];
          const k = Math.min(size, pick(rand, [[1, 55], [2, 30], [3, 15]] as Weighted<number>));
          for (const to of shuffled(rand, pool).slice(0, k)) add(null, "to", regent, to, firstBatch, fateOf(rand));
        }
        size = Math.max(size, nodes.length);
        // Breadth-first down the hierarchy until the tree has its size or nobody is left to forward.
        for (let q = 0; q < nodes.length && nodes.length < size; q++) {
          const node = nodes[q];
          const subs = below.get(node.to.id) ?? [];
          if (node.kind !== "to" || node.fate !== "normal" || subs.length === 0 || node.readAt > now) continue;
          const at = laterInOffice(rand, node.readAt, 0.5, 30);
          if (at > now - 60_000) continue;
          // The big tree goes to the posts with the most people below them first, so it reaches its size.
          const width = big ? 6 : pick(rand, [[1, 30], [2, 35], [3, 20], [4, 15]] as Weighted<number>);
          const candidates = big ? [...subs].sort((a, b) => (teamSize.get(b.id) ?? 0) - (teamSize.get(a.id) ?? 0)) : shuffled(rand, subs);
          node.forwardedAt = at;
          for (const to of candidates.slice(0, Math.min(width, size - nodes.length))) add(q, "to", node.to, to, at, big ? "normal" : fateOf(rand));
        }
      }

      // States, times and the rows, parents first (breadth-first order) so parent ids are known.
      const childAt = new Map<number, number>();
      nodes.forEach((n) => n.parent !== null && childAt.set(n.parent, Math.max(childAt.get(n.parent) ?? 0, n.createdAt)));
      nodes.forEach((n, q) => {
        const old = now - n.createdAt > RECENT;
        const overdueRoll = old && n.kind === "to" && n.fate === "normal" && rand() < OVERDUE_SHARE;
        const read = n.readAt <= now - 60_000;
        let state: string;
        let actedAt: number | null = null;
        let actedBy: Holder | null = null;
        let followUp = "";
        let decline = "";
        if (n.kind === "cc") state = read && rand() < (old ? 0.95 : 0.6) ? "read" : "unread";
        else if (n.fate === "withdrawn") {
          actedAt = laterInOffice(rand, n.createdAt, 0.1, 3);
          state = actedAt < now - 60_000 ? "withdrawn" : "unread";
          if (state === "withdrawn") actedBy = n.from.holder;
          else actedAt = null;
        } else if (n.fate === "declined" && read) {
          state = "declined";
          actedAt = clampNow(n.readAt + (0.5 + rand() * 6) * HOUR);
          actedBy = n.to.holder;
          decline = oneOf(rand, DECLINE_REASONS);
        } else if (n.forwardedAt !== null) {
          // Forwarding set it in progress; an old branch is mostly reported and completed since.
          state = "in_progress";
          actedAt = n.forwardedAt;
          actedBy = n.to.holder;
          if (old && !overdueRoll) {
            const done = laterInOffice(rand, childAt.get(q) ?? n.forwardedAt, 2, 100);
            if (done < now - 60_000) {
              state = rand() < 0.88 ? "completed" : "followed_up";
              actedAt = done;
              followUp = oneOf(rand, FOLLOW_UPS);
            }
          }
        } else if (!read) state = "unread";
        else {
          state = old && !overdueRoll ? pick(rand, [["completed", 88], ["followed_up", 12]] as Weighted<string>) : overdueRoll ? pick(rand, [["unread", 15], ["read", 45], ["in_progress", 40]] as Weighted<string>) : pick(rand, [["unread", 25], ["read", 30], ["in_progress", 15], ["followed_up", 15], ["completed", 15]] as Weighted<string>);
          if (state === "completed" || state === "followed_up") {
            actedAt = clampNow(laterInOffice(rand, n.readAt, 2, 100));
            actedBy = n.to.holder;
            followUp = oneOf(rand, FOLLOW_UPS);
          }
        }
        const isRead = state !== "unread" && state !== "withdrawn";
        const deadline =
          n.kind === "cc" ? null : overdueRoll ? wibDate(n.createdAt + (2 + Math.floor(rand() * 9)) * DAY) : rand() < 0.65 ? wibDate(n.createdAt + (3 + Math.floor(rand() * 12)) * DAY) : null;
        const instructions = JSON.stringify(shuffled(rand, instructionLabels).slice(0, n.kind === "cc" ? 1 : 1 + Math.floor(rand() * 3)));
        const { lastInsertRowid } = insertDisposition.run(
          letterId,
          n.parent === null ? null : nodes[n.parent].id,
          n.kind,
          n.from.id,
          n.from.holder.employeeId,
          n.from.holder.assignmentId,
          n.from.holder.label,
          n.to.id,
          n.kind === "cc" ? JSON.stringify(["Untuk diketahui"]) : instructions,
          oneOf(rand, NOTES),
          rand() < 0.8 ? urgency : "biasa",
          deadline,
          state,
          isRead ? n.readAt : null,
          isRead ? n.to.holder.employeeId : null,
          isRead ? n.to.holder.assignmentId : null,
          followUp,
          actedBy?.employeeId ?? null,
          actedBy?.assignmentId ?? null,
          actedAt,
          decline,
          n.createdAt,
        );
        n.id = Number(lastInsertRowid);
        stats.dispositions++;
        stats.states[state] = (stats.states[state] ?? 0) + 1;
        const open = state === "unread" || state === "read" || state === "in_progress";
        if (n.kind === "to" && open && deadline !== null && deadline < today) stats.overdue++;
        if (n.to.id === sekda.id) {
          stats.sekdaInbox++;
          if (n.kind === "cc") stats.sekdaCc++;
          if (state === "unread") stats.sekdaUnread++;
          if (n.kind === "to" && open) stats.sekdaOpen++;
          if (n.kind === "to" && open && deadline !== null && deadline < today) stats.sekdaOverdue++;
          if (/anggaran/i.test(subject)) stats.sekdaWithAnggaran++;
        }
        if (sekdaLetter) {
          // One "dispositioned" event per forwarding (a batch of siblings), then each recipient's own steps.
          const firstOfBatch = q === 0 || nodes[q - 1].parent !== n.parent || nodes[q - 1].createdAt !== n.createdAt;
          if (firstOfBatch) {
            const names = nodes.filter((m) => m.parent === n.parent && m.createdAt === n.createdAt && m.kind === "to").map((m) => m.to.name);
            events.push({ dispositionId: n.id, action: "dispositioned", actor: n.from.holder, note: names.join("; "), at: n.createdAt });
          }
          if (isRead) events.push({ dispositionId: n.id, action: "read", actor: n.to.holder, note: "", at: n.readAt });
          if (state === "completed" || state === "followed_up" || state === "declined" || state === "withdrawn") {
            events.push({ dispositionId: n.id, action: state, actor: actedBy, note: followUp || decline, at: actedAt! });
          }
        }
      });
      if (big) {
        stats.bigLetterId = letterId;
        stats.bigTreeNodes = nodes.length;
        stats.bigTreeVisible = nodes.filter((n) => n.to.id === sekda.id || isBelow(nodes, n, sekda.id)).length;
      }
      events.sort((a, b) => a.at - b.at);
      for (const e of events) insertEvent.run(letterId, e.dispositionId, e.action, e.actor?.employeeId ?? clerk.id, e.actor?.label ?? clerkLabel, e.note, e.at);
      stats.events += events.length;
      return nodes.length;
    };

    let next = 0;
    const insertSome = db.transaction(() => {
      let rows = 0;
      while (next < opts.letters && rows < TX_ROWS) rows += writeLetter(next++) + 1;
    });
    while (next < opts.letters) insertSome();
    check(stats.bigLetterId > 0 && stats.bigTreeVisible >= BIG_TREE_NODES - 5, `the big tree has ${stats.bigTreeVisible} nodes the ${SEKDA_POSITION} sees`);
    return { ...stats, registerUnitId: register.id, regentPositionId: regent.id, sekdaPositionId: sekda.id, insertMs: Date.now() - started };
  } finally {
    finishBulkLoad(db);
  }
}

/** Whether a node hangs (at any depth) below a node sent to `postId`. */
function isBelow(nodes: Node[], n: Node, postId: number): boolean {
  for (let p = n.parent; p !== null; p = nodes[p].parent) if (nodes[p].to.id === postId) return true;
  return false;
}

function shuffled<T>(rand: Rand, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
