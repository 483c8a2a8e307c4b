import "server-only";
import { eq } from "drizzle-orm";
import { agencies } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { invalid, notFound } from "@/lib/errors";
import { sqliteFileStore } from "@/lib/files/file-store";
import { sniffImageType } from "@/lib/files/image-type";

export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const MAX_LOGO_BYTES = 1024 * 1024;

const PROFILE_FIELDS = ["name", "regionName", "address", "phone", "email", "website", "timeZone", "paperSize"] as const;

export type AgencyProfile = {
  name: string;
  regionName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  timeZone: (typeof TIME_ZONES)[number];
  paperSize: "A4" | "F4";
};

/** Updates the agency's letterhead details, time zone and paper size; optionally replaces the logo. */
export function updateAgencyProfile(ctx: Ctx, input: AgencyProfile & { logo?: Buffer | null }): void {
  const agency = ctx.db.select().from(agencies).where(eq(agencies.id, ctx.actor.agencyId)).get();
  if (!agency) throw notFound();
  assertCan(ctx.actor, "agency.manage", { agencyId: agency.id });
  let logoMediaType: string | null = null;
  if (input.logo && input.logo.length > 0) {
    if (input.logo.length > MAX_LOGO_BYTES) throw invalid({ logo: "agency.logoTooLarge" });
    logoMediaType = sniffImageType(input.logo);
    if (!logoMediaType) throw invalid({ logo: "agency.logoWrongType" });
  }
  const { logo, ...profile } = input;
  ctx.db.transaction((tx) => {
    const logoSha256 = logo && logoMediaType ? sqliteFileStore.put(tx, { data: logo, mediaType: logoMediaType }, ctx.now) : agency.logoSha256;
    tx.update(agencies).set({ ...profile, logoSha256 }).where(eq(agencies.id, agency.id)).run();
    const before = Object.fromEntries([...PROFILE_FIELDS, "logoSha256" as const].map((k) => [k, agency[k]]));
    writeAudit(tx, ctx, { action: "agency.updated", entityType: "agency", entityId: agency.id, before, after: { ...profile, logoSha256 } });
  });
}
