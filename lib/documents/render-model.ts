import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, assignments, documentRecipients, documentSteps, documentTypes, employees, positions, units } from "@/db/schema";
import type { DbOrTx } from "@/lib/context";
import { sqliteFileStore } from "@/lib/files/file-store";
import { displayName } from "@/lib/org/display-name";
import { formatNip } from "@/lib/org/nip";
import { localDate } from "@/lib/time";
import type { OfficialDocument } from "./access";
import { bodySchema } from "./content";
import { parseDetails } from "./details";
import { attachmentLabel, dayDateLabel, documentDateLabel, periodLabel, SECURITY_LABELS, URGENCY_LABELS } from "./labels";
import type { Letterhead, RenderInput } from "./render/render-input";

// Everything the renderer needs, read from the database: the letterhead of the issuing unit, the printed
// names of recipients and signers, the people of an assignment. The renderer itself knows no database.

/**
 * The unit whose letterhead and number register a document uses: the signer's unit or the nearest unit
 * above it with a short name (an OPD such as DISKOMINFO); a bidang or seksi writes under its OPD.
 */
export function issuingUnitOf(db: DbOrTx, positionId: number): { id: number; name: string; shortName: string; isRoot: boolean } | null {
  const position = db.select({ unitId: positions.unitId }).from(positions).where(eq(positions.id, positionId)).get();
  let unitId: number | null = position?.unitId ?? null;
  for (let depth = 0; unitId !== null && depth < 50; depth++) {
    const unit = db.select().from(units).where(eq(units.id, unitId)).get();
    if (!unit) return null;
    if (unit.shortName.trim() !== "" || unit.parentId === null) return { id: unit.id, name: unit.name, shortName: unit.shortName.trim(), isRoot: unit.parentId === null };
    unitId = unit.parentId;
  }
  return null;
}

export function signerSteps(db: DbOrTx, documentId: number) {
  return db
    .select({ step: documentSteps, positionName: positions.name })
    .from(documentSteps)
    .innerJoin(positions, eq(positions.id, documentSteps.positionId))
    .where(and(eq(documentSteps.documentId, documentId), eq(documentSteps.role, "signer")))
    .orderBy(asc(documentSteps.sequence))
    .all();
}

function positionNames(db: DbOrTx, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: positions.id, name: positions.name }).from(positions).where(inArray(positions.id, ids)).all().map((p) => [p.id, p.name]));
}

function assignedPeople(db: DbOrTx, employeeIds: number[], today: string) {
  if (employeeIds.length === 0) return [];
  const rows = db.select().from(employees).where(inArray(employees.id, employeeIds)).all();
  const posts = db
    .select({ employeeId: assignments.employeeId, kind: assignments.kind, name: positions.name, startDate: assignments.startDate, endDate: assignments.endDate })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(inArray(assignments.employeeId, employeeIds))
    .all()
    .filter((a) => a.kind === "definitif" && a.startDate <= today && (a.endDate === null || a.endDate >= today));
  const byId = new Map(rows.map((e) => [e.id, e]));
  return employeeIds.flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [];
    return [{ name: displayName(e), nip: formatNip(e.nip), grade: e.grade, position: posts.find((p) => p.employeeId === id)?.name ?? "" }];
  });
}

/** The kop of an agency's unit: the agency's own when the unit is the root of the tree. */
export function letterheadFor(db: DbOrTx, agency: typeof agencies.$inferSelect, unit: { name: string; isRoot: boolean }): Letterhead {
  const logoFile = agency.logoSha256 ? sqliteFileStore.get(db as Db, agency.logoSha256) : null;
  return {
    logo: logoFile ? { bytes: logoFile.data, type: logoFile.mediaType === "image/png" ? "png" : "jpeg" } : null,
    agencyName: agency.name.toUpperCase(),
    unitName: unit.isRoot ? null : unit.name.toUpperCase(),
    address: agency.address,
    phone: agency.phone,
    email: agency.email,
    website: agency.website,
  };
}

export function buildRenderInput(db: DbOrTx, doc: OfficialDocument, opts: { provisional: boolean }): RenderInput {
  const agency = db.select().from(agencies).where(eq(agencies.id, doc.agencyId)).get();
  const type = db.select().from(documentTypes).where(eq(documentTypes.id, doc.documentTypeId)).get();
  if (!agency || !type) throw new Error(`document ${doc.id} lacks its agency or type`);
  const signers = signerSteps(db, doc.id);
  const issuing = doc.issuingUnitId ? db.select().from(units).where(eq(units.id, doc.issuingUnitId)).get() : undefined;
  const unit = issuing
    ? { name: issuing.name, isRoot: issuing.parentId === null }
    : (issuingUnitOf(db, signers[0]?.step.positionId ?? doc.drafterPositionId ?? 0) ?? { name: "", isRoot: true });
  const recipients = db.select().from(documentRecipients).where(eq(documentRecipients.documentId, doc.id)).orderBy(asc(documentRecipients.sequence)).all();
  const line = (r: (typeof recipients)[number]) => (r.address ? `${r.label}\n${r.address}` : r.label);
  const onBehalf = positionNames(db, signers.map((s) => s.step.onBehalfOfPositionId).filter((id): id is number => id !== null));
  const details = parseDetails(doc.details);
  const today = localDate(new Date(), agency.timeZone);
  const body = bodySchema.safeParse(JSON.parse(doc.body || "[]"));

  return {
    paperSize: agency.paperSize,
    letterhead: letterheadFor(db, agency, unit),
    layout: type.layout,
    internal: type.internal,
    typeName: type.name,
    number: doc.number,
    dateLabel: doc.documentDate ? documentDateLabel(doc.documentDate) : null,
    place: agency.regionName,
    securityLabel: SECURITY_LABELS[doc.securityClass],
    urgencyLabel: doc.urgency === "biasa" ? null : URGENCY_LABELS[doc.urgency],
    attachmentLabel: attachmentLabel(doc.attachmentCount),
    subject: doc.subject,
    fromLabel: signers[0]?.positionName ?? "",
    recipients: recipients.filter((r) => r.kind === "to").map(line),
    carbonCopies: recipients.filter((r) => r.kind === "cc").map(line),
    body: body.success ? body.data : [],
    assignment: details.assignment
      ? {
          basis: details.assignment.basis,
          people: assignedPeople(db, details.assignment.employeeIds, today),
          purpose: details.assignment.purpose,
          destination: details.assignment.destination,
          period: periodLabel(details.assignment.startDate, details.assignment.endDate),
        }
      : null,
    invitation: details.invitation
      ? {
          dayDate: details.invitation.date ? dayDateLabel(details.invitation.date) : "",
          time: details.invitation.time,
          place: details.invitation.place,
          agenda: details.invitation.agenda,
        }
      : null,
    signers: signers.map((s) => ({
      positionLabel: s.positionName,
      onBehalfOf: s.step.onBehalfOfPositionId ? `a.n. ${onBehalf.get(s.step.onBehalfOfPositionId) ?? ""}` : null,
    })),
    provisional: opts.provisional,
  };
}
