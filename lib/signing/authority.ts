import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, certificateAuthorities } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { RequestInfo, Tx } from "@/lib/context";
import { exportPkcs8, generateSigningKeyPair, importPkcs8, issueCertificate, newSerialNumber, parseCertificate, serialHex } from "./certificates";
import { open, seal } from "./secret-box";
import { serverKey } from "./server-key";

export const ROOT_CA_VALIDITY_YEARS = 20;

/** The agency's root CA with its private key unsealed, for issuing signer certificates. */
export type AgencyAuthority = { id: number; certificateDer: Buffer; privateKey: CryptoKey; notAfter: Date };

type Reader = Db | Tx;

/** Whole seconds: X.509 times carry no milliseconds, and stored times must equal the certificate's. */
export const wholeSeconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

export function addYears(d: Date, years: number): Date {
  const out = new Date(d);
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** The agency root certificate (DER), or null before the CA was created. Public: verifiers need it. */
export function agencyRootCertificate(db: Reader, agencyId: number): Buffer | null {
  return db.select({ der: certificateAuthorities.certificateDer }).from(certificateAuthorities).where(eq(certificateAuthorities.agencyId, agencyId)).get()?.der ?? null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.cause?.code === "SQLITE_CONSTRAINT_UNIQUE";
}

async function unsealAuthority(row: typeof certificateAuthorities.$inferSelect): Promise<AgencyAuthority> {
  const pkcs8 = open(serverKey(), row.sealedPrivateKey);
  // Not a user error: the server key (KAWAN_SERVER_KEY or data/server-key) is not the one that sealed it.
  if (!pkcs8) throw new Error(`The CA key of agency ${row.agencyId} does not open with this server key; restore the server key from backup.`);
  const privateKey = await importPkcs8(pkcs8);
  pkcs8.fill(0);
  const notAfter = parseCertificate(row.certificateDer).notAfter.value;
  return { id: row.id, certificateDer: row.certificateDer, privateKey, notAfter };
}

/**
 * The agency's root CA, created on first use: RSA 3072, self-signed, valid 20 years, its private key
 * sealed with the server key. Key generation and signing happen before the transaction; when two requests
 * create it at once, the unique index on agency_id keeps the first and the second reads it back.
 */
export async function ensureAgencyAuthority(
  db: Db,
  agency: { id: number; name: string },
  now: Date,
  request: RequestInfo = { ip: "", userAgent: "" },
): Promise<AgencyAuthority> {
  const existing = db.select().from(certificateAuthorities).where(eq(certificateAuthorities.agencyId, agency.id)).get();
  if (existing) return unsealAuthority(existing);

  const keys = await generateSigningKeyPair();
  const notBefore = wholeSeconds(new Date(now.getTime() - 5 * 60_000));
  const notAfter = addYears(notBefore, ROOT_CA_VALIDITY_YEARS);
  const certificateDer = await issueCertificate({
    subject: { commonName: `Kawan Root CA — ${agency.name}`, organization: agency.name },
    subjectPublicKey: keys.publicKey,
    serialNumber: newSerialNumber(),
    notBefore,
    notAfter,
    selfSigningKey: keys.privateKey,
  });
  const sealedPrivateKey = seal(serverKey(), await exportPkcs8(keys.privateKey));

  try {
    const id = db.transaction((tx) => {
      const row = tx.insert(certificateAuthorities).values({ agencyId: agency.id, certificateDer, sealedPrivateKey, createdAt: now }).returning({ id: certificateAuthorities.id }).get();
      writeAudit(tx, { db, now, request }, {
        action: "ca.created",
        entityType: "certificate_authority",
        entityId: row.id,
        agencyId: agency.id,
        actorEmployeeId: null,
        after: { serial: serialHex(certificateDer), subject: `Kawan Root CA — ${agency.name}`, notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() },
      });
      return row.id;
    });
    return { id, certificateDer, privateKey: keys.privateKey, notAfter };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = db.select().from(certificateAuthorities).where(eq(certificateAuthorities.agencyId, agency.id)).get();
    if (!winner) throw error;
    return unsealAuthority(winner);
  }
}

/** By agency id (reads the agency's name for the CA's subject). Null when there is no such agency. */
export async function ensureAgencyAuthorityById(db: Db, agencyId: number, now: Date, request?: RequestInfo): Promise<AgencyAuthority | null> {
  const agency = db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)).get();
  return agency ? ensureAgencyAuthority(db, agency, now, request) : null;
}

/** For server start (instrumentation.ts): every agency gets its CA before anyone needs it. */
export async function ensureAllAgencyAuthorities(db: Db, now = new Date()): Promise<number> {
  const missing = db
    .select({ id: agencies.id, name: agencies.name, ca: certificateAuthorities.id })
    .from(agencies)
    .leftJoin(certificateAuthorities, eq(certificateAuthorities.agencyId, agencies.id))
    .all()
    .filter((a) => a.ca === null);
  for (const agency of missing) await ensureAgencyAuthority(db, agency, now);
  return missing.length;
}
