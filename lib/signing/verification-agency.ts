import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { agencies, certificateAuthorities, signedDocuments } from "@/db/schema";

// Public lookups for the verification pages: which agency's name, zone and root CA apply.

export type PublicAgency = { id: number; name: string; timeZone: string };

const agencyColumns = { id: agencies.id, name: agencies.name, timeZone: agencies.timeZone };

/** The agency that issued the document with this verification id (for the page header and time zone). */
export function agencyOfVerification(db: Db, verificationId: string): PublicAgency | null {
  if (!/^[0-9a-f]{32}$/.test(verificationId)) return null;
  return db.select(agencyColumns).from(signedDocuments).innerJoin(agencies, eq(agencies.id, signedDocuments.agencyId)).where(eq(signedDocuments.verificationId, verificationId)).get() ?? null;
}

/**
 * The agency an anonymous upload is checked against: an installation serves one regency, so this is the
 * agency that has a root CA (the oldest, should there ever be several). A signed-in visitor's own agency
 * is preferred by the caller.
 */
export function defaultVerificationAgency(db: Db): PublicAgency | null {
  return (
    db.select(agencyColumns).from(certificateAuthorities).innerJoin(agencies, eq(agencies.id, certificateAuthorities.agencyId)).orderBy(asc(certificateAuthorities.id)).get() ??
    db.select(agencyColumns).from(agencies).orderBy(asc(agencies.id)).get() ??
    null
  );
}

export function agencyById(db: Db, agencyId: number): PublicAgency | null {
  return db.select(agencyColumns).from(agencies).where(eq(agencies.id, agencyId)).get() ?? null;
}
