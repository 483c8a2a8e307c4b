/**
 * Demo naskah dinas, so the demo's Naskah menu shows work in progress on first sign-in: drafts and letters
 * waiting for paraf in the Dinas Kominfo. They are made through the same lib functions the app uses
 * (drafting, submission, paraf), so their timelines, versions and audit rows are real. Nothing is signed:
 * signing needs a passphrase only its holder may choose.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../index";
import { agencies, documentTypes, employeeRoles, employees, positions } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { activeAssignments } from "../../lib/auth/sessions";
import type { Ctx } from "../../lib/context";
import type { Body } from "../../lib/documents/content";
import { draftFieldsSchema } from "../../lib/documents/draft-input";
import { createDraft, saveDraft } from "../../lib/documents/drafts";
import { approveDocument, submitDraft } from "../../lib/documents/review";
import { displayName } from "../../lib/org/display-name";
import { localDate } from "../../lib/time";
import { DEMO_EMAIL_DOMAIN } from "./demo-org";

const REQUEST = { ip: "127.0.0.1", userAgent: "seed" };

function actorOf(db: Db, email: string, now: Date): Actor {
  const e = db.select().from(employees).where(eq(employees.email, `${email}@${DEMO_EMAIL_DOMAIN}`)).get();
  if (!e) throw new Error(`demo employee ${email} missing`);
  const agency = db.select().from(agencies).where(eq(agencies.id, e.agencyId)).get()!;
  const assignments = activeAssignments(db, e.id, localDate(now, agency.timeZone));
  const roles = new Set(db.select({ role: employeeRoles.role }).from(employeeRoles).where(eq(employeeRoles.employeeId, e.id)).all().map((r) => r.role));
  return {
    employeeId: e.id,
    agencyId: e.agencyId,
    sessionId: "seed",
    nip: e.nip,
    displayName: displayName(e),
    roles,
    locale: "id",
    mustChangePassword: false,
    assignments,
    acting: assignments.find((a) => a.kind === "definitif") ?? assignments[0] ?? null,
  };
}

const paragraph = (text: string): Body[number] => ({ type: "paragraph", content: [{ text }] });

export async function seedDemoDocuments(db: Db, now = new Date()): Promise<number> {
  const ctx = (email: string): Ctx => ({ db, actor: actorOf(db, email, now), now, request: REQUEST });
  const agencyId = db.select({ id: agencies.id }).from(agencies).get()!.id;
  const typeId = (code: string) => db.select().from(documentTypes).where(and(eq(documentTypes.agencyId, agencyId), eq(documentTypes.code, code))).get()!.id;
  const positionId = (name: string) => db.select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.name, name))).get()!.id;
  const kadinkes = positionId("Kepala Dinas Kesehatan");
  const sekdis = positionId("Sekretaris Dinas Komunikasi, Informatika dan Persandian");

  const write = (email: string, code: string, fields: Record<string, unknown>) => {
    const drafter = ctx(email);
    const { documentId } = createDraft(drafter, { documentTypeId: typeId(code) });
    saveDraft(drafter, documentId, draftFieldsSchema.parse({ documentTypeId: typeId(code), ...fields }));
    return { drafter, documentId };
  };
  const chainOf = (reviewers: string[], signer: string) => ({
    reviewers: JSON.stringify(reviewers.map(positionId)),
    signers: JSON.stringify([{ positionId: positionId(signer), onBehalfOfPositionId: null }]),
  });
  const kominfoChain = chainOf(["Kepala Seksi Pengembangan Aplikasi", "Kepala Bidang Aplikasi Informatika"], "Kepala Dinas Komunikasi, Informatika dan Persandian");

  // 1. A draft of the Pengelola Data, still being written.
  write("erna.agustina", "ND", {
    subject: "Laporan gangguan jaringan kantor kecamatan",
    classificationCode: "000.1.1",
    urgency: "segera",
    recipients: JSON.stringify([{ kind: "position", positionId: sekdis }]),
    body: JSON.stringify([paragraph("Dengan hormat, bersama ini kami laporkan gangguan jaringan internet di kantor kecamatan sebagai berikut:")]),
    ...kominfoChain,
  });

  // 2. A Nota Dinas waiting for the Kepala Seksi's paraf.
  const second = write("erna.agustina", "ND", {
    subject: "Permohonan data pegawai untuk aplikasi presensi",
    classificationCode: "800.1",
    recipients: JSON.stringify([{ kind: "position", positionId: kadinkes }]),
    carbonCopies: JSON.stringify([{ kind: "position", positionId: sekdis }]),
    body: JSON.stringify([
      paragraph("Dalam rangka penerapan aplikasi presensi daring di lingkungan Pemerintah Kabupaten Banyuwangi, kami mohon bantuan Saudara menyampaikan data pegawai sebagai berikut:"),
      {
        type: "list",
        ordered: true,
        items: [
          { blocks: [paragraph("nama, NIP, dan jabatan;")] },
          { blocks: [paragraph("lokasi kerja beserta titik koordinatnya;"), { type: "list", ordered: false, items: [{ blocks: [paragraph("kantor induk")] }, { blocks: [paragraph("puskesmas dan pustu")] }] }] },
          { blocks: [paragraph("pola jam kerja (reguler atau sif).")] },
        ],
      },
      paragraph("Data mohon disampaikan paling lambat 5 Desember 2026. Atas perhatian dan kerja sama Saudara, kami sampaikan terima kasih."),
    ]),
    ...kominfoChain,
  });
  await submitDraft(second.drafter, second.documentId);

  // 3. A Surat Undangan the Kepala Seksi initialled, now with the Kepala Bidang.
  const third = write("rizky.putra", "UND", {
    subject: "Undangan sosialisasi tanda tangan elektronik",
    classificationCode: "000.1.4",
    recipients: JSON.stringify([{ kind: "unit", unitId: db.select().from(positions).where(eq(positions.id, kadinkes)).get()!.unitId }]),
    details: JSON.stringify({ invitation: { date: "2026-12-03", time: "09.00 WIB – selesai", place: "Aula Diskominfo, Jl. Ahmad Yani 100", agenda: "Sosialisasi penggunaan TTE pada naskah dinas" } }),
    body: JSON.stringify([
      paragraph("Dalam rangka percepatan penggunaan tanda tangan elektronik pada naskah dinas, kami mengundang Saudara untuk hadir pada:"),
      paragraph("Mengingat pentingnya acara tersebut, kami mohon kehadiran tepat waktu."),
    ]),
    ...kominfoChain,
  });
  await submitDraft(third.drafter, third.documentId);
  await approveDocument(ctx("heni.handayani"), third.documentId, "Sudah sesuai.");
  return 3;
}
