import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agencies, auditLog, files } from "@/db/schema";
import { updateAgencyProfile, type AgencyProfile } from "@/lib/org/agency-settings";
import { DomainError } from "@/lib/errors";
import { createFixtureOrg, ctxFor, freshDb } from "./support/db";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const profile: AgencyProfile = {
  name: "Pemerintah Kabupaten Uji Baru",
  regionName: "Kabupaten Uji",
  address: "Jl. Merdeka 1",
  phone: "0333-123456",
  email: "setda@uji.go.id",
  website: "https://uji.go.id",
  timeZone: "Asia/Makassar",
  paperSize: "F4",
};

describe("agency profile", () => {
  it("lets the agency admin update the letterhead details and logo, audited", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    updateAgencyProfile(ctxFor(db, org.employees.admin), { ...profile, logo: PNG });
    const row = db.select().from(agencies).where(eq(agencies.id, org.agencyA)).get()!;
    expect(row).toMatchObject({ name: profile.name, timeZone: "Asia/Makassar", paperSize: "F4" });
    expect(row.logoSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(db.select().from(files).get()?.mediaType).toBe("image/png");
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "agency.updated")).get()!;
    expect(JSON.parse(audit.before!).name).toBe("Pemerintah Kabupaten Uji");
    expect(JSON.parse(audit.after!).name).toBe(profile.name);
  });

  it("refuses employees without the admin role and changes nothing", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    expect(() => updateAgencyProfile(ctxFor(db, org.employees.staff), profile)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(db.select().from(agencies).where(eq(agencies.id, org.agencyA)).get()!.name).toBe("Pemerintah Kabupaten Uji");
    expect(db.select().from(auditLog).where(eq(auditLog.action, "agency.updated")).all()).toHaveLength(0);
  });

  it("only touches the admin's own agency", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    updateAgencyProfile(ctxFor(db, org.employees.adminB), profile);
    expect(db.select().from(agencies).where(eq(agencies.id, org.agencyA)).get()!.name).toBe("Pemerintah Kabupaten Uji");
    expect(db.select().from(agencies).where(eq(agencies.id, org.agencyB)).get()!.name).toBe(profile.name);
  });

  it("refuses a logo that is not really a PNG or JPEG, whatever its name", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(() => updateAgencyProfile(ctxFor(db, org.employees.admin), { ...profile, logo: svg })).toThrow(DomainError);
    expect(db.select().from(agencies).where(eq(agencies.id, org.agencyA)).get()!.name).toBe("Pemerintah Kabupaten Uji");
    expect(db.select().from(files).all()).toHaveLength(0);
  });
});
