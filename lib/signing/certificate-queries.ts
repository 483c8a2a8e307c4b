import "server-only";
import { createHash } from "node:crypto";
import { and, count, desc, eq, gt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { employees, signerCertificates } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx, Tx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { normalizeNip } from "@/lib/org/nip";
import { parseCertificate } from "./certificates";

type Reader = Db | Tx;
export type QueryCtx = Pick<Ctx, "db" | "actor" | "now">;

export type SignerCertificateRow = typeof signerCertificates.$inferSelect;
/** A certificate row without its sealed key material: what pages and callers outside the key path get. */
export type PublicCertificateRow = Omit<SignerCertificateRow, "sealedPrivateKey" | "passphraseSalt">;

export const CERTIFICATE_VIEW_STATUSES = ["active", "expired", "revoked", "superseded"] as const;
export type CertificateStatus = (typeof CERTIFICATE_VIEW_STATUSES)[number];

/** Why a certificate was revoked; "other" needs a note. Labels: certificates.reasons.<code>. */
export const REVOCATION_REASONS = ["key_compromise", "passphrase_forgotten", "employee_left", "wrong_data", "other"] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** Stored as "code" or "code: note" in signer_certificates.revocation_reason. */
export function formatRevocationReason(reason: RevocationReason, note: string): string {
  const clean = note.trim();
  return clean ? `${reason}: ${clean}` : reason;
}

export function parseRevocationReason(stored: string | null): { reason: RevocationReason; note: string } | null {
  if (!stored) return null;
  const at = stored.indexOf(":");
  const code = (at === -1 ? stored : stored.slice(0, at)).trim();
  const note = at === -1 ? "" : stored.slice(at + 1).trim();
  return (REVOCATION_REASONS as readonly string[]).includes(code) ? { reason: code as RevocationReason, note } : { reason: "other", note: stored };
}

/** What a certificate is worth now: revoked and superseded are final; an active one may have expired. */
export function certificateStatus(row: Pick<SignerCertificateRow, "status" | "notAfter">, now: Date): CertificateStatus {
  if (row.status !== "active") return row.status;
  return row.notAfter.getTime() <= now.getTime() ? "expired" : "active";
}

const publicColumns = {
  id: signerCertificates.id,
  agencyId: signerCertificates.agencyId,
  employeeId: signerCertificates.employeeId,
  serialHex: signerCertificates.serialHex,
  certificateDer: signerCertificates.certificateDer,
  notBefore: signerCertificates.notBefore,
  notAfter: signerCertificates.notAfter,
  status: signerCertificates.status,
  revokedAt: signerCertificates.revokedAt,
  revocationReason: signerCertificates.revocationReason,
  createdAt: signerCertificates.createdAt,
};

export type CertificateSubject = {
  commonName: string;
  serialNumber: string;
  title: string;
  organizationalUnit: string;
  organization: string;
};

export type CertificateDescription = {
  subject: CertificateSubject;
  issuerName: string;
  /** SHA-256 of the DER, upper-case hex in pairs, as PDF readers show it. */
  fingerprint: string;
};

const SUBJECT_OIDS: Record<string, keyof CertificateSubject> = {
  "2.5.4.3": "commonName",
  "2.5.4.5": "serialNumber",
  "2.5.4.12": "title",
  "2.5.4.11": "organizationalUnit",
  "2.5.4.10": "organization",
};

/** The names printed in a certificate, for the status card and the verification page. */
export function describeCertificate(der: Buffer): CertificateDescription {
  const cert = parseCertificate(der);
  const subject: CertificateSubject = { commonName: "", serialNumber: "", title: "", organizationalUnit: "", organization: "" };
  for (const tv of cert.subject.typesAndValues) {
    const field = SUBJECT_OIDS[tv.type];
    if (field) subject[field] = String(tv.value.valueBlock.value ?? "");
  }
  const issuerCn = cert.issuer.typesAndValues.find((tv) => tv.type === "2.5.4.3");
  const fingerprint = createHash("sha256").update(der).digest("hex").toUpperCase().match(/../g)!.join(":");
  return { subject, issuerName: String(issuerCn?.value.valueBlock.value ?? ""), fingerprint };
}

/** "1A2B 3C4D …": a serial in groups of four, readable over the phone. */
export function groupedSerial(serial: string): string {
  return serial.toUpperCase().match(/.{1,4}/g)?.join(" ") ?? serial;
}

/**
 * The employee's current certificate: the newest one still "active" in the database, which may have
 * expired (it can be renewed) but is neither revoked nor superseded. Includes the sealed key.
 */
export function currentCertificateOf(db: Reader, employeeId: number): SignerCertificateRow | null {
  return (
    db
      .select()
      .from(signerCertificates)
      .where(and(eq(signerCertificates.employeeId, employeeId), eq(signerCertificates.status, "active")))
      .orderBy(desc(signerCertificates.id))
      .get() ?? null
  );
}

/** The newest certificate of the employee whatever its status, to explain why none is usable. */
export function latestCertificateOf(db: Reader, employeeId: number): PublicCertificateRow | null {
  return db.select(publicColumns).from(signerCertificates).where(eq(signerCertificates.employeeId, employeeId)).orderBy(desc(signerCertificates.id)).get() ?? null;
}

export type MyCertificate = PublicCertificateRow & { effectiveStatus: CertificateStatus; description: CertificateDescription };

/** The signed-in employee's certificates, newest first. */
export function myCertificates(ctx: QueryCtx): MyCertificate[] {
  return ctx.db
    .select(publicColumns)
    .from(signerCertificates)
    .where(eq(signerCertificates.employeeId, ctx.actor.employeeId))
    .orderBy(desc(signerCertificates.id))
    .all()
    .map((row) => ({ ...row, effectiveStatus: certificateStatus(row, ctx.now), description: describeCertificate(row.certificateDer) }));
}

/** For verification (lead's verify-pdf): the certificate Kawan issued with this serial, if any. */
export function findCertificateBySerial(db: Reader, serial: string): (PublicCertificateRow & { holderName: string; holderNip: string }) | null {
  const row = db
    .select({ ...publicColumns, name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack, nip: employees.nip })
    .from(signerCertificates)
    .innerJoin(employees, eq(employees.id, signerCertificates.employeeId))
    .where(eq(signerCertificates.serialHex, serial.toLowerCase()))
    .get();
  if (!row) return null;
  const { name, titleFront, titleBack, nip, ...cert } = row;
  return { ...cert, holderName: displayName({ name, titleFront, titleBack }), holderNip: nip };
}

export const CERTIFICATES_PAGE_SIZE = 50;

export type AgencyCertificateFilter = { status?: CertificateStatus | "all"; q?: string; page?: number };

export type AgencyCertificateRow = {
  id: number;
  employeeId: number;
  holderName: string;
  holderNip: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  status: SignerCertificateRow["status"];
  effectiveStatus: CertificateStatus;
  revokedAt: Date | null;
  revocationReason: string | null;
  createdAt: Date;
};

function likePattern(text: string, prefixOnly: boolean): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** One page of the agency's certificates, newest first, with their holders. Only for certificate managers. */
export function listAgencyCertificates(
  ctx: QueryCtx,
  filter: AgencyCertificateFilter,
): { rows: AgencyCertificateRow[]; total: number; page: number; pageCount: number } {
  assertCan(ctx.actor, "certificate.manage");
  const conditions: (SQL | undefined)[] = [eq(signerCertificates.agencyId, ctx.actor.agencyId)];
  const status = filter.status ?? "all";
  if (status === "active") conditions.push(eq(signerCertificates.status, "active"), gt(signerCertificates.notAfter, ctx.now));
  else if (status === "expired") conditions.push(eq(signerCertificates.status, "active"), lte(signerCertificates.notAfter, ctx.now));
  else if (status !== "all") conditions.push(eq(signerCertificates.status, status));

  const q = filter.q?.trim().slice(0, 100);
  if (q) {
    const digits = normalizeNip(q);
    const hex = q.replace(/[\s:]/g, "").toLowerCase();
    const matches: (SQL | undefined)[] = [sql`${employees.name} LIKE ${likePattern(q, false)} ESCAPE '\\'`];
    if (/^\d+$/.test(digits)) matches.push(sql`${employees.nip} LIKE ${likePattern(digits, true)} ESCAPE '\\'`);
    if (/^[0-9a-f]{4,}$/.test(hex)) matches.push(sql`${signerCertificates.serialHex} LIKE ${likePattern(hex, true)} ESCAPE '\\'`);
    conditions.push(or(...matches));
  }

  const where = and(...conditions);
  const total =
    ctx.db.select({ n: count() }).from(signerCertificates).innerJoin(employees, eq(employees.id, signerCertificates.employeeId)).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / CERTIFICATES_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const rows = ctx.db
    .select({
      id: signerCertificates.id,
      employeeId: signerCertificates.employeeId,
      name: employees.name,
      titleFront: employees.titleFront,
      titleBack: employees.titleBack,
      nip: employees.nip,
      serialHex: signerCertificates.serialHex,
      notBefore: signerCertificates.notBefore,
      notAfter: signerCertificates.notAfter,
      status: signerCertificates.status,
      revokedAt: signerCertificates.revokedAt,
      revocationReason: signerCertificates.revocationReason,
      createdAt: signerCertificates.createdAt,
    })
    .from(signerCertificates)
    .innerJoin(employees, eq(employees.id, signerCertificates.employeeId))
    .where(where)
    .orderBy(desc(signerCertificates.createdAt), desc(signerCertificates.id))
    .limit(CERTIFICATES_PAGE_SIZE)
    .offset((page - 1) * CERTIFICATES_PAGE_SIZE)
    .all();
  return {
    rows: rows.map(({ name, titleFront, titleBack, nip, ...r }) => ({
      ...r,
      holderName: displayName({ name, titleFront, titleBack }),
      holderNip: nip,
      effectiveStatus: certificateStatus(r, ctx.now),
    })),
    total,
    page,
    pageCount,
  };
}
