/**
 * Inputs for the hostile-input suite: a "plausible" form per action (every field name any action reads, filled
 * with believable values that point at objects chosen by the caller), and fast-check arbitraries for hostile forms.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { TEST_PASSWORD } from "./db";

/** Ids a plausible form points at: someone else's objects, or another agency's. */
export type TargetIds = {
  document: number;
  attachment: number;
  letter: number;
  disposition: number;
  request: number;
  signing: number;
  record: number;
  employee: number;
  unit: number;
  position: number;
  assignment: number;
  documentType: number;
  site: number;
  schedule: number;
  holiday: number;
  instruction: number;
  certificate: number;
  notification: number;
};

const PDF_STUB = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/**
 * One form that every action can read: extra fields are ignored by zod, so each action finds its own. Values are
 * valid-looking, so a refusal comes from the authorization (the ids are the caller's chosen targets), not from
 * validation, wherever the action's fields are covered.
 */
export function plausibleForm(t: TargetIds, pdf: Buffer = Buffer.from(PDF_STUB)): Record<string, unknown> {
  return {
    // ids
    documentId: t.document, attachmentId: t.attachment, letterId: t.letter, dispositionId: t.disposition, parentId: t.unit,
    requestId: t.request, recordId: t.record, employeeId: t.employee, unitId: t.unit, positionId: t.position, superiorId: t.position,
    assignmentId: t.assignment, documentTypeId: t.documentType, siteId: t.site, scheduleId: t.schedule, holidayId: t.holiday,
    instructionId: t.instruction, certificateId: t.certificate, officialDocumentId: "",
    // people and organisation
    name: "Bidang Uji Coba", shortName: "UJI", nip: "198506152010031999", nik: "", email: "uji@contoh.go.id", phone: "081234567890",
    displayName: "Pegawai Uji", gender: "L", kind: "definitif", startDate: "2026-12-11", endDate: "2026-12-11", confirm: "on",
    "role.agency_admin": "on", roles: "agency_admin",
    // documents and letters
    securityClass: "B", urgency: "segera", classificationCode: "000.1", subject: "Undangan rapat koordinasi", summary: "Ringkasan",
    attachmentCount: "0", body: "[]", recipients: "[]", carbonCopies: "[]", details: "{}", reviewers: "[]", signers: "[]",
    note: "Mohon ditindaklanjuti", reason: "Keperluan keluarga yang mendesak", number: "100/1/2026", title: "Surat Edaran Uji",
    positions: JSON.stringify([{ positionId: t.position }]), toPositionIds: JSON.stringify([{ kind: "position", positionId: t.position }]),
    addressees: JSON.stringify([{ kind: "position", positionId: t.position }]), photos: new File([], ""),
    instructions: "Untuk ditindaklanjuti", otherInstruction: "", deadline: "", copySuperior: "", complete: "on",
    senderAgency: "Kementerian Dalam Negeri", senderName: "", letterNumber: "900/1/2026", letterDate: "2026-11-20",
    receivedDate: "2026-11-26", label: "Untuk diketahui", direction: "up", decision: "approve",
    signer: String(t.employee), documentNumber: "", documentDate: "", placement: "auto", pageIndex: "", x: "", y: "",
    code: "UJ", category: "korespondensi", layout: "korespondensi", numberingTemplate: "{kode}/{urut}/{tahun}", numberingScope: "agency", sortOrder: "1",
    // secrets: the test password where a login password is checked, plausible passphrases elsewhere
    passphrase: "Frasa-Sandi-TTE-2026", confirmPassphrase: "Frasa-Sandi-TTE-2026", newPassphrase: "Frasa-Baru-TTE-2026",
    confirmNewPassphrase: "Frasa-Baru-TTE-2026", oldPassphrase: "Frasa-Sandi-TTE-2026", loginPassword: TEST_PASSWORD,
    oldPassword: "Salah-Sandi-2026", newPassword: "Sandi-Baru-2026", confirmPassword: "Sandi-Baru-2026",
    // attendance
    latitude: "-8.2192", longitude: "114.3691", accuracy: "10", radiusMeters: "100", timeZone: "Asia/Jakarta", date: "2026-12-24",
    flexibleWork: "true", leaveType: "", checkIn: "", checkOut: "", validFrom: "", validTo: "", networks: "", graceMinutes: "15",
    checkInOpens: "06:00", checkInCloses: "09:00", checkOutOpens: "15:00", checkOutCloses: "23:00",
    ...Object.fromEntries([0, 1, 2, 3, 4, 5, 6].flatMap((i) => [[`days.${i}.start`, "07:30"], [`days.${i}.end`, "16:00"]])),
    // account
    locale: "en", identifier: "", password: "",
    // files
    file: new File([new Uint8Array(pdf)], "surat.pdf", { type: "application/pdf" }),
    rows: JSON.stringify([{ rowNumber: 2, nip: "198506152010031998", name: "Pegawai Impor", position: "Pranata Komputer", unit: "Dinas Kominfo", email: "", phone: "" }]),
    fileName: "pegawai.xlsx",
  };
}

/** Every field name the plausible form knows: the pool random forms draw their names from. */
export const FIELD_NAMES = Object.keys(plausibleForm({} as TargetIds));

const MB = "A".repeat(1024 * 1024);
/** Values chosen to break parsers, limits, SQL, HTML and path handling. */
export const HOSTILE_STRINGS = [
  "", " ", "-1", "0", "1e309", "-1e309", "NaN", "Infinity", "99999999999999999999", "9007199254740993", "1.5", "0x10", "  7  ",
  "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "file:///etc/passwd",
  "' OR 1=1 --", "1; DROP TABLE employees;--", "\" OR \"\"=\"", "%' --",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
  "\u0000", "a\u0000b", "\u202eevil", "🙂🙃🧨", "𝕂𝕒𝕨𝕒𝕟", "Ｔｅｓｔ", "\uFFFF", "\uD800",
  "true", "false", "on", "null", "undefined", "[]", "{}", "[{\"positionId\":-1}]", "{\"__proto__\":{\"admin\":true}}",
  "2026-02-30", "9999-99-99", "0000-00-00", "25:61", "-90", "181", "1e-400",
  MB,
];

const hostileFile = fc.constantFrom(
  () => new File([], ""),
  () => new File(["<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"], "logo.svg", { type: "image/svg+xml" }),
  () => new File(["%PDF-1.4 truncated"], "surat.pdf", { type: "application/pdf" }),
  () => new File([MB], "besar.txt", { type: "text/plain" }),
  () => new File(["PK\u0003\u0004"], "../../x.pdf", { type: "application/pdf" }),
);

const hostileValue: fc.Arbitrary<string | File> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: hostileFile.map((make) => make()) },
);

const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });

/** A hostile form: 0-14 entries, names mostly real ones (some repeated, making arrays), values from the pool above. */
export const hostileForm = fc.array(fc.tuple(fieldName, hostileValue), { maxLength: 14 }).map((entries) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
});

/**
 * A plausible form with one to three fields replaced by hostile values or left out: the other fields stay valid, so
 * the hostile value gets past the schema's first failure and into the lib's own checks.
 */
export function mutatedForm(base: Record<string, unknown>): fc.Arbitrary<FormData> {
  return fc.array(fc.tuple(fc.constantFrom(...Object.keys(base)), fc.option(hostileValue, { nil: undefined })), { minLength: 1, maxLength: 3 }).map((mutations) => {
    const fields: Record<string, unknown> = { ...base };
    for (const [name, value] of mutations) {
      if (value === undefined) delete fields[name];
      else fields[name] = value;
    }
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value instanceof Blob ? value : String(value));
    return form;
  });
}

export const describeForm = (form: FormData) =>
  [...form.entries()].map(([k, v]) => `${JSON.stringify(k)}=${typeof v === "string" ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v) : `File(${v.name}, ${v.size})`}`).join(" ");

/** app/**\/<name> files, found by walking the folder (a later action or route is covered without editing a test). */
export function findAppFiles(root: string, fileName: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === fileName) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}
