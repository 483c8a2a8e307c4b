/**
 * The inbox benchmark's database: the demo regency (`npm run seed`), then N sent official documents
 * bulk-inserted with better-sqlite3 directly (prepared statements, one transaction per 10,000 documents;
 * going through lib would cost minutes of fsyncs and PDF work that the list page never reads).
 *
 * The rows are what a sent document leaves in the tables the lists read: official_documents (status "sent",
 * number, dates), document_recipients, document_deliveries (one per receiving post, with read receipts)
 * and document_participants (drafter, reviewers, signer, recipients); and what drafting and reviewing leave
 * for the detail page: document_versions (1-4 per document: submitted, then revised after a return or edited
 * by a reviewer; a short snapshot, metadata and one paragraph, not the whole body) and document_steps (the
 * paraf chain up the superiors to the signer, every step done). Versions and steps draw from a PRNG of their
 * own, so the documents and deliveries are the same as before they were added. Not written, because no
 * list reads them: document_events, signed documents and issued_numbers.
 */
import { DAY, finishBulkLoad, officeTimes, openForBulkLoad, pick, prng, WIB, type Weighted } from "./seeded-db";
import { check } from "./stats";

export const LEADER_EMAIL = "wahyu.hidayat@banyuwangikab.go.id";
export const LEADER_POSITION = "Kepala Dinas Komunikasi, Informatika dan Persandian";

/** Share of all documents addressed ("to") to the leader: 5,000 of 100,000. */
const LEADER_SHARE = 0.05;
const UNREAD_SHARE = 0.2;
const CC_SHARE = 0.3;
const BATCH = 10_000;

export const ACTIONS = ["Undangan", "Permohonan", "Laporan", "Penyampaian", "Pemberitahuan", "Tindak Lanjut", "Usulan", "Evaluasi", "Koordinasi", "Permintaan Data"];
export const TOPICS = [
  "Rapat Koordinasi Transformasi Digital",
  "Penyusunan Rencana Kerja dan Anggaran Tahun {y}",
  "Realisasi Anggaran Triwulan {q}",
  "Pemeliharaan Jaringan Intranet Pemerintah Daerah",
  "Pelaksanaan Survei Kepuasan Masyarakat",
  "Penilaian Mandiri SPBE Tahun {y}",
  "Kebutuhan Formasi ASN Tahun {y}",
  "Pengamanan Informasi dan Persandian",
  "Pemutakhiran Data Kependudukan",
  "Pelaksanaan Hari Jadi Banyuwangi",
  "Penggunaan Tanda Tangan Elektronik",
  "Pergeseran Anggaran Belanja Operasional",
  "Pengadaan Perangkat Komputer",
  "Pelatihan Operator Aplikasi Perangkat Daerah",
  "Monitoring Layanan Perizinan Daring",
  "Pendataan Aset Teknologi Informasi",
  "Kegiatan Banyuwangi Festival",
  "Cuti Bersama dan Jadwal Piket",
  "Perjalanan Dinas ke Surabaya",
  "Penyelenggaraan Musrenbang Kecamatan",
];
const PARAGRAPHS = [
  "Menindaklanjuti arahan Bupati Banyuwangi pada rapat pimpinan, bersama ini kami sampaikan hal-hal yang perlu mendapat perhatian Saudara.",
  "Sehubungan dengan hal tersebut, dimohon Saudara menyiapkan data pendukung dan menugaskan pejabat yang menangani urusan dimaksud.",
  "Pelaksanaan kegiatan agar berpedoman pada ketentuan peraturan perundang-undangan dan memperhatikan ketersediaan anggaran pada perangkat daerah masing-masing.",
  "Hasil pelaksanaan kegiatan dilaporkan secara tertulis paling lambat tujuh hari kerja setelah kegiatan selesai.",
  "Demikian untuk menjadi perhatian dan dilaksanakan dengan penuh tanggung jawab.",
];

/** The opening paragraph of earlier drafts, before review polished it into PARAGRAPHS[0]. */
const DRAFT_OPENINGS = [
  "Menindaklanjuti arahan Bupati Banyuwangi, bersama ini kami sampaikan hal-hal yang perlu diperhatikan.",
  "Menindaklanjuti arahan Bupati Banyuwangi pada rapat pimpinan, kami sampaikan hal-hal yang perlu mendapat perhatian.",
  "Berdasarkan arahan Bupati Banyuwangi pada rapat pimpinan, bersama ini kami sampaikan hal-hal yang perlu mendapat perhatian Saudara.",
];
const REVIEW_NOTES = ["Perbaikan redaksi", "Penyesuaian dasar hukum", "Melengkapi tembusan", "Perbaikan penulisan nama jabatan"];

type Position = { id: number; name: string; unitId: number; isLeader: number; superiorId: number | null; maySign: number };

export type InboxData = {
  documents: number;
  leaderPositionId: number;
  leaderInbox: number;
  leaderUnread: number;
  leaderCc: number;
  withAnggaran: number;
  insertMs: number;
};

export function insertSentDocuments(file: string, documents: number, now = Date.now()): InboxData {
  const started = Date.now();
  const db = openForBulkLoad(file);
  try {
    const rand = prng(20261128);

    const agencyId = (db.prepare("select id from agencies order by id limit 1").get() as { id: number }).id;
    const positions = db
      .prepare("select id, name, unit_id as unitId, is_leader as isLeader, superior_id as superiorId, may_sign as maySign from positions where agency_id = ? and active = 1")
      .all(agencyId) as Position[];
    const units = new Map(
      (db.prepare("select id, parent_id as parentId, short_name as shortName from units where agency_id = ?").all(agencyId) as { id: number; parentId: number | null; shortName: string }[]).map((u) => [u.id, u]),
    );
    const holders = new Map(
      (db.prepare("select position_id as positionId, employee_id as employeeId, id from assignments where kind = 'definitif' and end_date is null").all() as { positionId: number; employeeId: number; id: number }[]).map(
        (a) => [a.positionId, a],
      ),
    );
    const typeRows = db.prepare("select id, code, name from document_types where agency_id = ?").all(agencyId) as { id: number; code: string; name: string }[];
    const types = new Map(typeRows.map((t) => [t.code, t.id]));
    const typeNames = new Map(typeRows.map((t) => [t.code, t.name]));
    const codes = (db.prepare("select code from classification_codes where length(code) - length(replace(code, '.', '')) between 1 and 2 order by code").all() as { code: string }[]).map((c) => c.code);
    const leader = positions.find((p) => p.name === LEADER_POSITION);
    check(leader && holders.has(leader.id), `the seeded regency has no held post "${LEADER_POSITION}"`);
    check(codes.length > 100 && types.has("ND"), "the seeded database lacks classification codes or document types");

    // The unit whose register and letterhead a post writes under: its top unit below the regency itself.
    const rootId = [...units.values()].find((u) => u.parentId === null)!.id;
    const issuingUnit = (unitId: number) => {
      let u = units.get(unitId)!;
      while (u.parentId !== null && u.parentId !== rootId) u = units.get(u.parentId)!;
      return u;
    };
    const headOf = new Map<number, Position>();
    for (const p of positions) {
      const top = issuingUnit(p.unitId).id;
      if (p.isLeader && p.unitId === top && !headOf.has(top)) headOf.set(top, p);
    }
    const drafters = positions.filter((p) => holders.has(p.id));
    const leaders = positions.filter((p) => p.isLeader && holders.has(p.id) && p.id !== leader.id);
    const typeWeights: Weighted<string> = [
      ["ND", 35],
      ["SD", 20],
      ["UND", 15],
      ["ST", 8],
      ["MEMO", 5],
      ["SPENG", 5],
      ["LAP", 5],
      ["SE", 2],
      ["SPRIN", 2],
      ["BA", 2],
      ["TS", 1],
    ];
    for (const [code] of typeWeights) check(types.has(code), `document type ${code} not seeded`);

    const insertDoc = db.prepare(`insert into official_documents
      (agency_id, document_type_id, status, drafter_employee_id, drafter_position_id, security_class, urgency, classification_code,
       subject, summary, attachment_count, body_source, body, details, version, issuing_unit_id, number, document_date, created_at, updated_at, sent_at)
      values (?, ?, 'sent', ?, ?, ?, ?, ?, ?, '', ?, 'editor', ?, '{}', ?, ?, ?, ?, ?, ?, ?)`);
    const insertRecipient = db.prepare("insert into document_recipients (document_id, kind, sequence, target_kind, position_id, label) values (?, ?, ?, 'position', ?, ?)");
    const insertDelivery = db.prepare(
      "insert into document_deliveries (document_id, position_id, kind, delivered_at, read_at, read_by_employee_id, read_by_assignment_id) values (?, ?, ?, ?, ?, ?, ?)",
    );
    const insertParticipant = db.prepare("insert into document_participants (document_id, role, position_id, employee_id) values (?, ?, ?, ?)");
    const insertVersion = db.prepare("insert into document_versions (document_id, version, kind, snapshot, created_by_employee_id, note, created_at) values (?, ?, ?, ?, ?, ?, ?)");
    const insertStep = db.prepare(
      "insert into document_steps (document_id, role, sequence, position_id, status, acted_by_employee_id, acted_assignment_id, acted_label, acted_at) values (?, ?, ?, ?, 'done', ?, ?, ?, ?)",
    );

    // The paraf chain, as lib/documents/chain.ts proposes it: every held post up the superiors until one that
    // signs (at most three), never the signer itself.
    const byId = new Map(positions.map((p) => [p.id, p]));
    const chains = new Map<string, Position[]>();
    const reviewersOf = (drafter: Position, signer: Position): Position[] => {
      const key = `${drafter.id}:${signer.id}`;
      let chain = chains.get(key);
      if (!chain) {
        chain = [];
        const seen = new Set([drafter.id]);
        for (let p = byId.get(drafter.superiorId ?? -1); p && !seen.has(p.id) && p.id !== signer.id && !p.maySign && chain.length < 3; p = byId.get(p.superiorId ?? -1)) {
          seen.add(p.id);
          if (holders.has(p.id)) chain.push(p);
        }
        chains.set(key, chain);
      }
      return chain;
    };
    // Versions and steps from a PRNG of their own: the documents and deliveries stay as they were without them.
    const drafting = prng(20261131);

    // Sent times over the last two years, ascending with the ids as in a real database, in office hours (WIB)
    // on working days.
    const sentTimes = officeTimes(rand, documents, now);

    const sequences = new Map<string, number>();
    const leaderTo = Math.round(documents * LEADER_SHARE);
    let leaderInbox = 0;
    let leaderUnread = 0;
    let leaderCc = 0;
    let withAnggaran = 0;

    const deliver = (documentId: number, kind: "to" | "cc", post: Position, sequence: number, sentAt: number) => {
      const holder = holders.get(post.id)!;
      const unread = rand() < UNREAD_SHARE;
      const readAt = unread ? null : Math.min(now, sentAt + 300_000 + Math.floor(rand() * 3 * DAY));
      insertRecipient.run(documentId, kind, sequence, post.id, post.name);
      insertDelivery.run(documentId, post.id, kind, sentAt, readAt, unread ? null : holder.employeeId, unread ? null : holder.id);
      insertParticipant.run(documentId, kind, post.id, null);
      return unread;
    };

    const insertBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const sentAt = sentTimes[i];
        const local = new Date(sentAt + WIB);
        const year = local.getUTCFullYear();
        // The leader's share is spread evenly over time, so every page of the inbox spans realistic dates.
        const toLeader = Math.floor(((i + 1) * leaderTo) / documents) > Math.floor((i * leaderTo) / documents);
        const recipient = toLeader ? leader : leaders[Math.floor(rand() * leaders.length)];
        let drafter = drafters[Math.floor(rand() * drafters.length)];
        if (drafter.id === recipient.id) drafter = drafters[(drafters.indexOf(drafter) + 1) % drafters.length];
        const holder = holders.get(drafter.id)!;
        const unit = issuingUnit(drafter.unitId);
        const signer = headOf.get(unit.id) ?? drafter;
        const typeCode = pick(rand, typeWeights);
        const code = codes[Math.floor(rand() * codes.length)];
        const registerKey = typeCode === "SE" ? `agency:SE:${year}` : `unit:${unit.id}:${year}`;
        const sequence = (sequences.get(registerKey) ?? 0) + 1;
        sequences.set(registerKey, sequence);
        const number = typeCode === "SE" ? `Nomor ${sequence} Tahun ${year}` : `${code}/${sequence}/${unit.shortName || "PEMKAB"}/${year}`;
        const topic = TOPICS[Math.floor(rand() * TOPICS.length)].replace("{y}", String(year + (rand() < 0.5 ? 0 : 1))).replace("{q}", ["I", "II", "III", "IV"][local.getUTCMonth() >> 2] ?? "I");
        const subject = `${ACTIONS[Math.floor(rand() * ACTIONS.length)]} ${topic}`;
        if (/anggaran/i.test(subject)) withAnggaran++;
        const body = JSON.stringify(
          [0, 1, 2, 4].map((p) => ({ type: "paragraph", align: "justify", content: [{ text: PARAGRAPHS[p === 1 && rand() < 0.5 ? 3 : p] }] })),
        );
        const created = sentAt - Math.floor((1 + rand() * 71) * 3_600_000);
        const documentDate = local.toISOString().slice(0, 10);
        const reviewers = reviewersOf(drafter, signer);
        const versions = pick(drafting, [[1, 45], [2, 33], [3, 15], [4, 7]] as Weighted<number>);
        const securityClass = pick(rand, [["B", 85], ["T", 10], ["R", 4], ["SR", 1]] as Weighted<string>);
        const urgency = pick(rand, [["biasa", 70], ["segera", 22], ["amat_segera", 8]] as Weighted<string>);
        const attachmentCount = rand() < 0.3 ? 1 : 0;
        const { lastInsertRowid } = insertDoc.run(
          agencyId,
          types.get(typeCode)!,
          holder.employeeId,
          drafter.id,
          securityClass,
          urgency,
          code,
          subject,
          attachmentCount,
          body,
          versions,
          unit.id,
          number,
          documentDate,
          created,
          sentAt,
          sentAt,
        );
        const id = Number(lastInsertRowid);
        insertParticipant.run(id, "drafter", null, holder.employeeId);
        insertParticipant.run(id, "signer", signer.id, null);
        insertParticipant.run(id, "signer", null, holders.get(signer.id)?.employeeId ?? holder.employeeId);
        for (const r of reviewers) {
          insertParticipant.run(id, "reviewer", r.id, null);
          insertParticipant.run(id, "reviewer", null, holders.get(r.id)!.employeeId);
        }
        const unread = deliver(id, "to", recipient, 1, sentAt);
        if (toLeader) {
          leaderInbox++;
          if (unread) leaderUnread++;
        }
        let carbonCopy: Position | null = null;
        if (rand() < CC_SHARE) {
          const cc = rand() < 0.02 && !toLeader ? leader : leaders[Math.floor(rand() * leaders.length)];
          if (cc.id !== recipient.id) {
            deliver(id, "cc", cc, 1, sentAt);
            carbonCopy = cc;
            if (cc.id === leader.id) leaderCc++;
          }
        }

        // Drafting and review: the first submission soon after the draft was made, the later versions (a
        // reviewer's edit, or the drafter's revision after a return) spread until the last paraf, then signing.
        const firstAt = created + Math.floor((sentAt - created) * (0.05 + 0.25 * drafting()));
        const lastParafFrom = firstAt + ((sentAt - firstAt) * versions) / (versions + 1);
        const snapshot = (v: number) =>
          JSON.stringify({
            typeName: typeNames.get(typeCode),
            securityClass,
            urgency,
            classificationCode: code,
            subject,
            summary: "",
            attachmentCount,
            recipients: [recipient.name],
            carbonCopies: carbonCopy ? [carbonCopy.name] : [],
            details: "",
            // One paragraph, as the drafts had it: enough for the version diff to show a change.
            bodyText: v === versions ? PARAGRAPHS[0] : DRAFT_OPENINGS[(v - 1) % DRAFT_OPENINGS.length],
            bodyPdfSha256: null,
          });
        for (let v = 1; v <= versions; v++) {
          const at = v === 1 ? firstAt : Math.floor(firstAt + ((sentAt - firstAt) * (v - 1)) / (versions + 1));
          const byReviewer = v > 1 && reviewers.length > 0 && drafting() < 0.4;
          const editor = byReviewer ? holders.get(reviewers[Math.floor(drafting() * reviewers.length)].id)!.employeeId : holder.employeeId;
          insertVersion.run(id, v, v === 1 ? "submitted" : byReviewer ? "reviewer_edit" : "revised", snapshot(v), editor, byReviewer ? REVIEW_NOTES[Math.floor(drafting() * REVIEW_NOTES.length)] : "", at);
        }
        reviewers.forEach((r, i) => {
          const h = holders.get(r.id)!;
          insertStep.run(id, "reviewer", i + 1, r.id, h.employeeId, h.id, r.name, Math.floor(lastParafFrom + ((sentAt - lastParafFrom) * (i + 1)) / (reviewers.length + 2)));
        });
        const signerHolder = holders.get(signer.id) ?? holder;
        insertStep.run(id, "signer", 1, signer.id, signerHolder.employeeId, signerHolder.id, signer.name, sentAt);
      }
    });
    for (let from = 0; from < documents; from += BATCH) insertBatch(from, Math.min(documents, from + BATCH));
    return { documents, leaderPositionId: leader.id, leaderInbox, leaderUnread, leaderCc, withAnggaran, insertMs: Date.now() - started };
  } finally {
    finishBulkLoad(db);
  }
}

