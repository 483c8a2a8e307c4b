import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { agencies, assignments, auditLog, certificateAuthorities, signerCertificates, signingLockouts } from "@/db/schema";
import type { Db } from "@/db";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { hasMessage, translator } from "@/lib/i18n/catalog";
import { agencyRootCertificate, ensureAgencyAuthority } from "@/lib/signing/authority";
import { parseCertificate } from "@/lib/signing/certificates";
import {
  CERTIFICATE_VIEW_STATUSES,
  certificateStatus,
  describeCertificate,
  listAgencyCertificates,
  myCertificates,
  REVOCATION_REASONS,
} from "@/lib/signing/certificate-queries";
import { changePassphrase, enrol, renew, revokeCertificate, revokeOwnCertificate } from "@/lib/signing/enrolment";
import { passphraseProblem } from "@/lib/signing/passphrase";
import { keyFromPassphrase, open } from "@/lib/signing/secret-box";
import { serverKey } from "@/lib/signing/server-key";
import { createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_PASSWORD } from "./support/db";

// The CA key is sealed with the server key; a fixed random one keeps the data directory out of tests.
process.env.KAWAN_SERVER_KEY = randomBytes(32).toString("base64");

const PASSPHRASE = "Melati putih 2026";
const KEYGEN_TIMEOUT = 120_000; // RSA 3072 key generation: 1-5 s each on this machine

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<DomainError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const auditRows = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const certsOf = (db: Db, employeeId: number) =>
  db.select().from(signerCertificates).where(eq(signerCertificates.employeeId, employeeId)).orderBy(signerCertificates.id).all();

async function opensWith(row: { sealedPrivateKey: string; passphraseSalt: Buffer }, passphrase: string): Promise<Buffer | null> {
  return open(await keyFromPassphrase(passphrase, row.passphraseSalt), row.sealedPrivateKey);
}

describe("passphrase rule", () => {
  const holder = { nip: "198506152010031001", nik: "3510011506850001", email: "budi.santoso@uji.go.id", name: "Budi Santoso" };

  it.each([
    ["Rahasia", "tte.passphrase.tooShort"],
    ["1234567890123", "tte.passphrase.allDigits"],
    ["password", "tte.passphrase.tooSimple"],
    ["PASSWORD", "tte.passphrase.tooSimple"],
    ["kawan123", "tte.passphrase.tooSimple"],
    ["Kawan-123", "tte.passphrase.tooSimple"],
    ["zzzzzzzzzz", "tte.passphrase.tooSimple"],
    ["abcdefghij", "tte.passphrase.tooSimple"],
    ["budi.santoso", "tte.passphrase.isIdentifier"],
    ["Budi Santoso", "tte.passphrase.isIdentifier"],
    ["budi.santoso@uji.go.id", "tte.passphrase.isIdentifier"],
  ])("refuses %j", (passphrase, key) => {
    expect(passphraseProblem(passphrase, holder)).toBe(key);
  });

  it("refuses the NIP and the NIK (also typed with spaces), and accepts a real passphrase", () => {
    expect(passphraseProblem("1985 0615 2010 0310 01", holder)).toBe("tte.passphrase.allDigits");
    expect(passphraseProblem("NIP198506152010031001", holder)).toBeNull(); // not equal: a longer phrase is allowed
    expect(passphraseProblem("Kopi tubruk pagi 7", holder)).toBeNull();
  });
});

describe("agency certificate authority", () => {
  it("is created once per agency, audited, and its key opens only with the server key", async () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    const agency = db.select().from(agencies).where(eq(agencies.id, org.agencyA)).get()!;
    expect(agencyRootCertificate(db, org.agencyA)).toBeNull();

    const first = await ensureAgencyAuthority(db, agency, TEST_NOW);
    const second = await ensureAgencyAuthority(db, agency, TEST_NOW);
    expect(second.certificateDer.equals(first.certificateDer)).toBe(true);
    expect(agencyRootCertificate(db, org.agencyA)!.equals(first.certificateDer)).toBe(true);
    expect(db.select().from(certificateAuthorities).all()).toHaveLength(1);

    const cert = parseCertificate(first.certificateDer);
    expect(await cert.verify()).toBe(true); // self-signed
    expect(describeCertificate(first.certificateDer).subject).toMatchObject({ commonName: "Kawan Root CA — Pemerintah Kabupaten Uji", organization: "Pemerintah Kabupaten Uji" });
    expect(cert.notAfter.value.getUTCFullYear() - cert.notBefore.value.getUTCFullYear()).toBe(20);

    const row = db.select().from(certificateAuthorities).get()!;
    expect(open(serverKey(), row.sealedPrivateKey)).not.toBeNull();
    expect(open(randomBytes(32), row.sealedPrivateKey)).toBeNull();

    const audit = auditRows(db, "ca.created");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ agencyId: org.agencyA, actorEmployeeId: null, entityType: "certificate_authority" });
  }, KEYGEN_TIMEOUT);

  it("survives two first uses at once: one CA, both callers get it", async () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    const agency = db.select().from(agencies).where(eq(agencies.id, org.agencyB)).get()!;
    const [a, b] = await Promise.all([ensureAgencyAuthority(db, agency, TEST_NOW), ensureAgencyAuthority(db, agency, TEST_NOW)]);
    expect(a.certificateDer.equals(b.certificateDer)).toBe(true);
    expect(db.select().from(certificateAuthorities).all()).toHaveLength(1);
    expect(auditRows(db, "ca.created")).toHaveLength(1);
  }, KEYGEN_TIMEOUT);
});

describe("enrolment, renewal, passphrase change and revocation", () => {
  let db: Db;
  let org: ReturnType<typeof createFixtureOrg>;
  let staff: Ctx;
  let firstCertificateId: number;

  beforeAll(async () => {
    db = freshDb();
    org = createFixtureOrg(db);
    staff = ctxFor(db, org.employees.staff);
    firstCertificateId = (await enrol(staff, { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE })).certificateId;
  }, KEYGEN_TIMEOUT);

  it("issues a certificate naming the employee, chained to the agency CA, valid two years", async () => {
    const row = db.select().from(signerCertificates).where(eq(signerCertificates.id, firstCertificateId)).get()!;
    const cert = parseCertificate(row.certificateDer);
    const ca = parseCertificate(agencyRootCertificate(db, org.agencyA)!);
    expect(await cert.verify(ca)).toBe(true);
    const described = describeCertificate(row.certificateDer);
    expect(described.subject).toEqual({
      commonName: "Staf Uji",
      serialNumber: staff.actor.nip,
      title: "Pranata Komputer",
      organizationalUnit: "Dinas Kominfo",
      organization: "Pemerintah Kabupaten Uji",
    });
    expect(described.issuerName).toBe("Kawan Root CA — Pemerintah Kabupaten Uji");
    expect(row.notAfter.getUTCFullYear() - row.notBefore.getUTCFullYear()).toBe(2);
    expect(row.notBefore.getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
    expect(row.notAfter.getTime()).toBe(cert.notAfter.value.getTime());
    expect(row.serialHex).toBe(Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString("hex"));
    expect(certificateStatus(row, TEST_NOW)).toBe("active");
    // key usage: digitalSignature + nonRepudiation, not a CA
    const keyUsage = cert.extensions!.find((e) => e.extnID === "2.5.29.15")!;
    expect(Buffer.from(keyUsage.extnValue.valueBlock.valueHexView).toString("hex")).toBe("030206c0");
  });

  it("stores neither the passphrase nor the key in the clear; the sealed key opens only with the passphrase", async () => {
    const row = db.select().from(signerCertificates).where(eq(signerCertificates.id, firstCertificateId)).get()!;
    const dump = JSON.stringify(row, (_k, v) => (v && v.type === "Buffer" ? Buffer.from(v.data).toString("latin1") : v));
    expect(dump).not.toContain(PASSPHRASE);
    const audits = JSON.stringify(db.select().from(auditLog).all());
    expect(audits).not.toContain(PASSPHRASE);
    expect(await opensWith(row, "Melati putih 2025")).toBeNull();
    const pkcs8 = await opensWith(row, PASSPHRASE);
    expect(pkcs8?.subarray(0, 2).toString("hex")).toBe("3082"); // a DER SEQUENCE: PKCS#8
    expect(row.sealedPrivateKey).not.toContain(pkcs8!.toString("base64url").slice(20, 60));
    const issued = auditRows(db, "certificate.issued");
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ actorEmployeeId: org.employees.staff, entityId: String(firstCertificateId) });
  });

  it("refuses to enrol twice while a valid certificate is held", async () => {
    const error = await refusal(enrol(staff, { loginPassword: TEST_PASSWORD, passphrase: "Mawar merah 2027", confirmPassphrase: "Mawar merah 2027" }));
    expect(error).toMatchObject({ code: "conflict", messageKey: "tte.alreadyEnrolled" });
    expect(certsOf(db, org.employees.staff)).toHaveLength(1);
  });

  it("refuses a weak or mismatched passphrase, a passphrase equal to the login password, and a wrong login password", async () => {
    const head = ctxFor(db, org.employees.head);
    const weak = await refusal(enrol(head, { loginPassword: TEST_PASSWORD, passphrase: "12345678", confirmPassphrase: "12345678" }));
    expect(weak.fieldErrors).toEqual({ passphrase: "tte.passphrase.allDigits" });
    const mismatch = await refusal(enrol(head, { loginPassword: TEST_PASSWORD, passphrase: "Kopi tubruk 88", confirmPassphrase: "Kopi tubruk 89" }));
    expect(mismatch.fieldErrors).toEqual({ confirmPassphrase: "tte.passphraseMismatch" });
    const same = await refusal(enrol(head, { loginPassword: TEST_PASSWORD, passphrase: TEST_PASSWORD, confirmPassphrase: TEST_PASSWORD }));
    expect(same.fieldErrors).toEqual({ passphrase: "tte.passphrase.sameAsPassword" });
    const wrong = await refusal(enrol(head, { loginPassword: "Salah12345", passphrase: "Kopi tubruk 88", confirmPassphrase: "Kopi tubruk 88" }));
    expect(wrong).toMatchObject({ messageKey: "tte.wrongLoginPassword", params: { remaining: 4 }, fieldErrors: { loginPassword: "tte.wrongLoginPasswordField" } });
    expect(auditRows(db, "tte.password_wrong")).toHaveLength(1);
    expect(certsOf(db, org.employees.head)).toHaveLength(0);
    db.delete(signingLockouts).run();
  });

  it("changes the passphrase only with the old one; the same key is re-sealed", async () => {
    const before = db.select().from(signerCertificates).where(eq(signerCertificates.id, firstCertificateId)).get()!;
    const keyBefore = (await opensWith(before, PASSPHRASE))!;

    const wrong = await refusal(changePassphrase(staff, { oldPassphrase: "bukan ini 123", newPassphrase: "Anggrek bulan 99", confirm: "Anggrek bulan 99" }));
    expect(wrong).toMatchObject({ messageKey: "tte.wrongPassphrase", params: { remaining: 4 }, fieldErrors: { oldPassphrase: "tte.wrongPassphraseField" } });
    expect(db.select().from(signingLockouts).where(eq(signingLockouts.employeeId, org.employees.staff)).get()?.failedAttempts).toBe(1);
    expect(auditRows(db, "tte.passphrase_wrong")).toHaveLength(1);

    const weak = await refusal(changePassphrase(staff, { oldPassphrase: PASSPHRASE, newPassphrase: TEST_PASSWORD, confirm: TEST_PASSWORD }));
    expect(weak.fieldErrors).toEqual({ newPassphrase: "tte.passphrase.sameAsPassword" });

    await changePassphrase(staff, { oldPassphrase: PASSPHRASE, newPassphrase: "Anggrek bulan 99", confirm: "Anggrek bulan 99" });
    const after = db.select().from(signerCertificates).where(eq(signerCertificates.id, firstCertificateId)).get()!;
    expect(await opensWith(after, PASSPHRASE)).toBeNull();
    expect((await opensWith(after, "Anggrek bulan 99"))!.equals(keyBefore)).toBe(true);
    expect(after.certificateDer.equals(before.certificateDer)).toBe(true);
    expect(db.select().from(signingLockouts).where(eq(signingLockouts.employeeId, org.employees.staff)).get()?.failedAttempts).toBe(0);
    expect(auditRows(db, "certificate.passphrase_changed")).toHaveLength(1);
    expect(JSON.stringify(db.select().from(auditLog).all())).not.toContain("Anggrek bulan 99");
  });

  it("renews only with the current passphrase: a new key and certificate, the old one superseded", async () => {
    const wrong = await refusal(renew(staff, { passphrase: PASSPHRASE }));
    expect(wrong.messageKey).toBe("tte.wrongPassphrase");
    expect(certsOf(db, org.employees.staff)).toHaveLength(1);

    const result = await renew(staff, { passphrase: "Anggrek bulan 99", newPassphrase: "Kenanga wangi 77", confirmNewPassphrase: "Kenanga wangi 77" });
    const rows = certsOf(db, org.employees.staff);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [firstCertificateId, "superseded"],
      [result.certificateId, "active"],
    ]);
    const [old, fresh] = rows;
    expect(fresh.serialHex).not.toBe(old.serialHex);
    expect((await opensWith(fresh, "Kenanga wangi 77"))!.equals((await opensWith(old, "Anggrek bulan 99"))!)).toBe(false);
    expect(await opensWith(fresh, "Anggrek bulan 99")).toBeNull();
    const audit = auditRows(db, "certificate.renewed");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].before!)).toMatchObject({ certificateId: firstCertificateId });
    expect(JSON.parse(audit[0].after!)).toMatchObject({ serial: fresh.serialHex, passphraseChanged: true });
    expect(myCertificates(staff).map((c) => c.effectiveStatus)).toEqual(["active", "superseded"]);
  }, KEYGEN_TIMEOUT);

  it("lets only a certificate manager of the same agency revoke, or the holder with their login password", async () => {
    const current = certsOf(db, org.employees.staff).find((r) => r.status === "active")!;
    const attempt = (ctx: Ctx, extra: Partial<Parameters<typeof revokeCertificate>[1]> = {}) =>
      refusal(() => revokeCertificate(ctx, { certificateId: current.id, reason: "key_compromise", ...extra }));

    expect(await attempt(ctxFor(db, org.employees.adminB))).toMatchObject({ code: "forbidden" });
    expect(await attempt(ctxFor(db, org.employees.head))).toMatchObject({ code: "forbidden" });
    expect(await attempt(staff)).toMatchObject({ messageKey: "tte.wrongLoginPassword" }); // holder without password
    expect(await attempt(staff, { loginPassword: "Salah12345" })).toMatchObject({ messageKey: "tte.wrongLoginPassword" });
    const admin = ctxFor(db, org.employees.admin);
    expect(await attempt(admin, { reason: "other" })).toMatchObject({ fieldErrors: { note: "certificates.noteRequired" } });
    expect(db.select().from(signerCertificates).where(eq(signerCertificates.id, current.id)).get()!.status).toBe("active");
    expect(auditRows(db, "certificate.revoked")).toHaveLength(0);
    db.delete(signingLockouts).run();

    revokeCertificate(admin, { certificateId: current.id, reason: "employee_left", note: "Mutasi ke provinsi" });
    const revoked = db.select().from(signerCertificates).where(eq(signerCertificates.id, current.id)).get()!;
    expect(revoked).toMatchObject({ status: "revoked", revocationReason: "employee_left: Mutasi ke provinsi" });
    expect(revoked.revokedAt?.getTime()).toBe(TEST_NOW.getTime());
    expect(certificateStatus(revoked, TEST_NOW)).toBe("revoked");
    const audit = auditRows(db, "certificate.revoked");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmployeeId: org.employees.admin, entityId: String(current.id) });
    expect(await attempt(admin)).toMatchObject({ code: "conflict", messageKey: "certificates.alreadyRevoked" });

    // After revocation the employee can enrol again (checked without generating a key: the login password is wrong).
    expect(await refusal(renew(staff, { passphrase: "Kenanga wangi 77" }))).toMatchObject({ messageKey: "tte.revokedEnrolAgain" });
    expect(await refusal(() => revokeOwnCertificate(staff, { reason: "passphrase_forgotten", loginPassword: TEST_PASSWORD }))).toMatchObject({ messageKey: "tte.noCertificate" });
  });

  it("lists certificates to managers of the agency only, with filters", () => {
    const admin = ctxFor(db, org.employees.admin);
    const all = listAgencyCertificates(admin, {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.effectiveStatus)).toEqual(["revoked", "superseded"]);
    expect(all.rows[0]).toMatchObject({ holderName: "Staf Uji", holderNip: staff.actor.nip });
    expect(listAgencyCertificates(admin, { status: "revoked" }).total).toBe(1);
    expect(listAgencyCertificates(admin, { status: "active" }).total).toBe(0);
    expect(listAgencyCertificates(admin, { q: staff.actor.nip.slice(0, 10) }).total).toBe(2);
    expect(listAgencyCertificates(admin, { q: "Kepala" }).total).toBe(0);
    expect(listAgencyCertificates(ctxFor(db, org.employees.adminB), {}).total).toBe(0);
    expect(() => listAgencyCertificates(staff, {})).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});

describe("certificate of an acting (Plt.) holder", () => {
  it("puts the Plt. prefix and the acting unit in the title; the holder can revoke it themself", async () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    const plt = db
      .insert(assignments)
      .values({ employeeId: org.employees.staff, positionId: org.positions.head, kind: "plt", startDate: "2026-01-01", decreeNumber: "800/1/2026" })
      .returning()
      .get();
    const base = ctxFor(db, org.employees.staff);
    const acting = base.actor.assignments.find((a) => a.assignmentId === plt.id)!;
    const ctx: Ctx = { ...base, actor: { ...base.actor, acting } };
    const { certificateId } = await enrol(ctx, { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE, validityYears: 1 });
    const row = db.select().from(signerCertificates).where(eq(signerCertificates.id, certificateId)).get()!;
    expect(describeCertificate(row.certificateDer).subject).toMatchObject({ title: "Plt. Kepala Dinas Kominfo", organizationalUnit: "Dinas Kominfo" });
    expect(row.notAfter.getUTCFullYear() - row.notBefore.getUTCFullYear()).toBe(1);

    revokeOwnCertificate(ctx, { reason: "passphrase_forgotten", loginPassword: TEST_PASSWORD });
    const revoked = db.select().from(signerCertificates).where(and(eq(signerCertificates.id, certificateId), eq(signerCertificates.status, "revoked"))).get();
    expect(revoked?.revocationReason).toBe("passphrase_forgotten");
    expect(JSON.parse(auditRows(db, "certificate.revoked")[0].after!)).toMatchObject({ by: "holder", reason: "passphrase_forgotten" });
  }, KEYGEN_TIMEOUT);
});

describe("catalogs", () => {
  it("hold every message key the TTE modules and pages use, in Indonesian and English", () => {
    const pages = (dir: string) =>
      fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f)).map((f) => `${dir}/${f}`);
    const files = [
      ...["authority", "certificate-queries", "enrolment", "passphrase", "unlock-signer"].map((f) => `lib/signing/${f}.ts`),
      ...pages("app/(app)/tte"),
      ...pages("app/(app)/admin/sertifikat"),
    ];
    const keys = new Set<string>();
    for (const file of files) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/["`]((?:tte|certificates|errors|validation|common|adminHome)\.[A-Za-z_.]+)["`]/g)) keys.add(m[1]);
    }
    // Built at run time from enum values, and the field variants of wrong-secret messages.
    for (const s of ["all", ...CERTIFICATE_VIEW_STATUSES]) keys.add(`certificates.status.${s}`);
    for (const r of REVOCATION_REASONS) keys.add(`certificates.reasons.${r}`);
    keys.add("tte.wrongPassphraseField");
    keys.add("tte.wrongLoginPasswordField");
    // Not message keys: audit actions.
    for (const action of ["tte.passphrase_wrong", "tte.password_wrong", "tte.locked_refused"]) keys.delete(action);
    expect(keys.size).toBeGreaterThan(70);
    const en = translator("en");
    expect([...keys].filter((key) => !hasMessage(key) || en(key) === key)).toEqual([]);
  });
});
