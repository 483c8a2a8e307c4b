import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, notifications, type NotificationKind } from "@/db/schema";
import { createDraft, saveDraft } from "@/lib/documents/drafts";
import { approveDocument, submitDraft } from "@/lib/documents/review";
import { signOfficialDocument } from "@/lib/documents/signing";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import type { NotificationChannel, NotificationRow } from "@/lib/notifications/channels";
import { notifyEmployees, notifyPosition, type Notice } from "@/lib/notifications/notify";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/read";
import { notificationSettingsOf, saveNotificationSettings } from "@/lib/notifications/settings";
import { enrol } from "@/lib/signing/enrolment";
import type { Ctx } from "@/lib/context";
import { addEmployee, createFixtureOrg, ctxFor, freshDb, TEST_NOW, TEST_PASSWORD } from "./support/db";
import { createDocumentOrg, draftFields } from "./support/naskah";

process.env.KAWAN_SERVER_KEY ??= randomBytes(32).toString("base64");

const notice = (kind: NotificationKind = "review_requested", href = "/naskah/1"): Notice => ({
  kind,
  messageKey: "notifications.messages.reviewRequested",
  params: { subject: "Rapat koordinasi" },
  href,
});

const notify = (ctx: Ctx, fn: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => number) => ctx.db.transaction(fn);

const rowsOf = (db: Db, employeeId: number) => db.select().from(notifications).where(eq(notifications.employeeId, employeeId)).all();

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}:${error.messageKey}`;
    throw error;
  }
};

describe("notifying a post and its people", () => {
  let db: Db;
  let org: ReturnType<typeof createFixtureOrg>;
  let plh: number;
  let formerPlt: number;
  let inactivePlh: number;
  let startsTomorrow: number;

  beforeAll(() => {
    db = freshDb();
    org = createFixtureOrg(db);
    const a = org.agencyA;
    const head = org.positions.head;
    plh = addEmployee(db, a, { name: "Plh Kepala" });
    formerPlt = addEmployee(db, a, { name: "Mantan Plt" });
    inactivePlh = addEmployee(db, a, { name: "Pensiun", active: false });
    startsTomorrow = addEmployee(db, a, { name: "Plh Besok" });
    db.insert(assignments)
      .values([
        { employeeId: plh, positionId: head, kind: "plh", startDate: "2026-11-20", endDate: "2026-11-30" },
        { employeeId: formerPlt, positionId: head, kind: "plt", startDate: "2026-01-01", endDate: "2026-10-31" },
        { employeeId: inactivePlh, positionId: head, kind: "plh", startDate: "2026-11-01", endDate: null },
        // Local date in WIB: 2026-11-28 starts at 2026-11-27T17:00Z.
        { employeeId: startsTomorrow, positionId: head, kind: "plh", startDate: "2026-11-28", endDate: null },
      ])
      .run();
  });

  it("reaches the definitif holder and the Plh in force, not an ended Plt, an inactive or a future holder", () => {
    const ctx = ctxFor(db, org.employees.admin);
    expect(notify(ctx, (tx) => notifyPosition(tx, ctx, org.positions.head, notice()))).toBe(2);
    expect(rowsOf(db, org.employees.head)).toHaveLength(1);
    expect(rowsOf(db, plh)[0]).toMatchObject({ kind: "review_requested", messageKey: "notifications.messages.reviewRequested", href: "/naskah/1", readAt: null });
    expect(JSON.parse(rowsOf(db, plh)[0].params)).toEqual({ subject: "Rapat koordinasi" });
    for (const id of [formerPlt, inactivePlh, startsTomorrow, org.employees.admin]) expect(rowsOf(db, id)).toHaveLength(0);
  });

  it("uses the agency's local date: after local midnight the next day's Plh is told as well", () => {
    const lateEvening = new Date("2026-11-27T17:30:00Z"); // 00.30 WIB on the 28th
    const ctx = ctxFor(db, org.employees.admin, lateEvening);
    expect(notify(ctx, (tx) => notifyPosition(tx, ctx, org.positions.head, notice("signature_requested")))).toBe(3);
    expect(rowsOf(db, startsTomorrow)).toHaveLength(1);
  });

  it("does not tell the actor about their own act, even as a holder of the post", () => {
    const ctx = ctxFor(db, org.employees.head);
    const before = rowsOf(db, org.employees.head).length;
    expect(notify(ctx, (tx) => notifyPosition(tx, ctx, org.positions.head, notice("document_received")))).toBe(1);
    expect(rowsOf(db, org.employees.head)).toHaveLength(before);
    expect(notify(ctx, (tx) => notifyEmployees(tx, ctx, [org.employees.head, org.employees.head], notice()))).toBe(0);
  });

  it("tells nobody outside the actor's agency and refuses a link that leaves the app", () => {
    const ctx = ctxFor(db, org.employees.admin);
    expect(notify(ctx, (tx) => notifyEmployees(tx, ctx, [org.employees.adminB], notice()))).toBe(0);
    expect(notify(ctx, (tx) => notifyPosition(tx, ctx, org.positions.positionB, notice()))).toBe(0);
    for (const href of ["https://contoh.example/x", "//contoh.example/x", "/\\contoh.example"]) {
      expect(() => notify(ctx, (tx) => notifyEmployees(tx, ctx, [org.employees.staff], notice("review_requested", href)))).toThrow();
    }
  });

  it("hands every written row to each channel, inside the same transaction", () => {
    const ctx = ctxFor(db, org.employees.admin);
    const delivered: NotificationRow[] = [];
    const outbox: NotificationChannel = { name: "test_outbox", deliver: (_tx, row) => delivered.push(row) };
    expect(notify(ctx, (tx) => notifyEmployees(tx, ctx, [org.employees.staff, org.employees.head], notice("disposition_received"), [outbox]))).toBe(2);
    expect(delivered.map((r) => r.employeeId).sort()).toEqual([org.employees.head, org.employees.staff].sort());
    expect(delivered.every((r) => r.id > 0 && r.kind === "disposition_received")).toBe(true);
  });

  it("skips a kind the employee turned off; the setting change is audited, and only when something changed", () => {
    const staff = ctxFor(db, org.employees.staff);
    expect(notificationSettingsOf(staff).every((s) => s.inApp)).toBe(true);
    expect(saveNotificationSettings(staff, { review_requested: false, signature_requested: true })).toEqual({ changed: ["review_requested"] });
    expect(notificationSettingsOf(staff).find((s) => s.kind === "review_requested")).toEqual({ kind: "review_requested", inApp: false });
    const audits = db.select().from(auditLog).where(eq(auditLog.action, "employee.notification_settings_changed")).all();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorEmployeeId: org.employees.staff, entityType: "employee", entityId: String(org.employees.staff) });
    expect(JSON.parse(audits[0].before!)).toEqual({ review_requested: true });
    expect(JSON.parse(audits[0].after!)).toEqual({ review_requested: false });

    const admin = ctxFor(db, org.employees.admin);
    const before = rowsOf(db, org.employees.staff).length;
    expect(notify(admin, (tx) => notifyEmployees(tx, admin, [org.employees.staff], notice("review_requested")))).toBe(0);
    expect(notify(admin, (tx) => notifyEmployees(tx, admin, [org.employees.staff], notice("signature_requested")))).toBe(1);
    expect(rowsOf(db, org.employees.staff)).toHaveLength(before + 1);

    // Saving the same choices again writes nothing and records nothing.
    expect(saveNotificationSettings(staff, { review_requested: false })).toEqual({ changed: [] });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "employee.notification_settings_changed")).all()).toHaveLength(1);
    saveNotificationSettings(staff, { review_requested: true });
    expect(notify(admin, (tx) => notifyEmployees(tx, admin, [org.employees.staff], notice("review_requested")))).toBe(1);
  });
});

describe("reading one's notifications", () => {
  let db: Db;
  let org: ReturnType<typeof createFixtureOrg>;

  beforeAll(() => {
    db = freshDb();
    org = createFixtureOrg(db);
    // 25 notifications for the staff member, a minute apart; one for the head.
    const admin = ctxFor(db, org.employees.admin);
    for (let i = 0; i < 25; i++) {
      const ctx = { ...admin, now: new Date(TEST_NOW.getTime() + i * 60_000) };
      notify(ctx, (tx) => notifyEmployees(tx, ctx, [org.employees.staff], { ...notice(), href: `/naskah/${i + 1}` }));
    }
    notify(admin, (tx) => notifyEmployees(tx, admin, [org.employees.head], notice()));
  });

  it("lists only one's own, newest first, 20 a page", () => {
    const staff = ctxFor(db, org.employees.staff);
    const first = listNotifications(staff, { page: 1 });
    expect(first.rows).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(first.rows[0].href).toBe("/naskah/25");
    expect(first.rows[0].params).toEqual({ subject: "Rapat koordinasi" });
    const second = listNotifications(staff, { page: 2 });
    expect(second.rows.map((r) => r.href)).toEqual(["/naskah/5", "/naskah/4", "/naskah/3", "/naskah/2", "/naskah/1"]);
    expect(second.hasMore).toBe(false);
    expect(unreadNotificationCount(staff)).toBe(25);
    expect(listNotifications(ctxFor(db, org.employees.head), { page: 1 }).rows).toHaveLength(1);
    expect(listNotifications(ctxFor(db, org.employees.admin), { page: 1 }).rows).toHaveLength(0);
    // Rendered in the reader's language from the key and parameters.
    expect(translator("id")(first.rows[0].messageKey, first.rows[0].params)).toContain("Rapat koordinasi");
    expect(translator("en")(first.rows[0].messageKey, first.rows[0].params)).toBe("“Rapat koordinasi” is waiting for your initials.");
  });

  it("marks one's own read and answers not found for anyone else's", () => {
    const staff = ctxFor(db, org.employees.staff);
    const head = ctxFor(db, org.employees.head);
    const headsOwn = listNotifications(head, { page: 1 }).rows[0];
    expect(codeOf(() => markNotificationRead(staff, headsOwn.id))).toBe("not_found:errors.notFound");
    expect(codeOf(() => markNotificationRead(staff, 999_999))).toBe("not_found:errors.notFound");
    expect(unreadNotificationCount(head)).toBe(1);

    const mine = listNotifications(staff, { page: 1 }).rows[0];
    expect(markNotificationRead(staff, mine.id)).toEqual({ href: "/naskah/25" });
    expect(unreadNotificationCount(staff)).toBe(24);
    const firstRead = db.select().from(notifications).where(eq(notifications.id, mine.id)).get()!.readAt;
    expect(firstRead).toEqual(TEST_NOW);
    // Opening it again keeps the first reading time.
    markNotificationRead({ ...staff, now: new Date(TEST_NOW.getTime() + 3_600_000) }, mine.id);
    expect(db.select().from(notifications).where(eq(notifications.id, mine.id)).get()!.readAt).toEqual(TEST_NOW);
    // Reading is personal screen state: no audit row.
    expect(db.select().from(auditLog).where(eq(auditLog.entityType, "notification")).all()).toHaveLength(0);
  });

  it("marks all of one's own read, nobody else's", () => {
    const staff = ctxFor(db, org.employees.staff);
    expect(markAllNotificationsRead(staff)).toBe(24);
    expect(unreadNotificationCount(staff)).toBe(0);
    expect(markAllNotificationsRead(staff)).toBe(0);
    expect(unreadNotificationCount(ctxFor(db, org.employees.head))).toBe(1);
  });
});

describe("the naskah flow tells whoever's turn it is", () => {
  const PASSPHRASE = "Gandrung-Sewu-2026";
  let db: Db;
  let org: ReturnType<typeof createDocumentOrg>;
  // Signing certificates are issued against the real clock, so this flow runs "now".
  const ctx = (employeeId: number) => ctxFor(db, employeeId, new Date());
  const kindsOf = (employeeId: number, documentId: number) =>
    db
      .select({ kind: notifications.kind, messageKey: notifications.messageKey, params: notifications.params })
      .from(notifications)
      .where(and(eq(notifications.employeeId, employeeId), eq(notifications.href, `/naskah/${documentId}`)))
      .all()
      .map((r) => ({ ...r, params: JSON.parse(r.params) as unknown }));

  beforeAll(async () => {
    db = freshDb();
    org = createDocumentOrg(db);
    await enrol(ctx(org.people.head), { loginPassword: TEST_PASSWORD, passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  }, 120_000);

  function newNotaDinas(overrides: Record<string, unknown> = {}) {
    const drafter = ctx(org.people.drafter);
    const { documentId } = createDraft(drafter, { documentTypeId: org.typeId("ND") });
    saveDraft(
      drafter,
      documentId,
      draftFields({
        documentTypeId: org.typeId("ND"),
        subject: "Rapat Koordinasi Aplikasi",
        recipients: [{ kind: "position", positionId: org.docPositions.kadinkes }],
        carbonCopies: [{ kind: "position", positionId: org.positions.regent }],
        reviewers: [org.docPositions.kasi, org.docPositions.kabid],
        signers: [{ positionId: org.positions.head, onBehalfOfPositionId: null }],
        ...overrides,
      }),
    );
    return documentId;
  }

  it("from submission to delivery: reviewers in turn, the signer, then the receiving posts", async () => {
    const documentId = newNotaDinas();
    await submitDraft(ctx(org.people.drafter), documentId);
    const subject = { subject: "Rapat Koordinasi Aplikasi" };
    expect(kindsOf(org.people.kasi, documentId)).toEqual([{ kind: "review_requested", messageKey: "notifications.messages.reviewRequested", params: subject }]);
    expect(kindsOf(org.people.kabid, documentId)).toEqual([]);
    expect(kindsOf(org.people.drafter, documentId)).toEqual([]);

    await approveDocument(ctx(org.people.kasi), documentId);
    expect(kindsOf(org.people.kabid, documentId)).toEqual([{ kind: "review_requested", messageKey: "notifications.messages.reviewRequested", params: subject }]);

    await approveDocument(ctx(org.people.kabid), documentId);
    expect(kindsOf(org.people.head, documentId)).toEqual([{ kind: "signature_requested", messageKey: "notifications.messages.signatureRequested", params: subject }]);

    await signOfficialDocument(ctx(org.people.head), { documentId, passphrase: PASSPHRASE, verificationBaseUrl: "https://kawan.example.go.id" });
    expect(kindsOf(org.people.kadinkes, documentId)).toEqual([{ kind: "document_received", messageKey: "notifications.messages.documentReceived", params: subject }]);
    expect(kindsOf(org.people.regent, documentId)).toEqual([{ kind: "document_received", messageKey: "notifications.messages.documentCopied", params: subject }]);
    // The signer is not told about the letter they just sent.
    expect(kindsOf(org.people.head, documentId)).toHaveLength(1);
  }, 60_000);

  it("tells the next signer after a signature that is not the last", async () => {
    const documentId = newNotaDinas({
      reviewers: [],
      signers: [
        { positionId: org.positions.head, onBehalfOfPositionId: null },
        { positionId: org.positions.regent, onBehalfOfPositionId: null },
      ],
    });
    expect(await submitDraft(ctx(org.people.drafter), documentId)).toEqual({ status: "signing" });
    expect(kindsOf(org.people.head, documentId).map((n) => n.kind)).toEqual(["signature_requested"]);
    expect(kindsOf(org.people.regent, documentId)).toEqual([]);
    const signed = await signOfficialDocument(ctx(org.people.head), { documentId, passphrase: PASSPHRASE, verificationBaseUrl: "https://kawan.example.go.id" });
    expect(signed.completed).toBe(false);
    expect(kindsOf(org.people.regent, documentId).map((n) => n.kind)).toEqual(["signature_requested"]);
  }, 60_000);

  it("announces a Rahasia document without its subject", async () => {
    const documentId = newNotaDinas({ securityClass: "R", subject: "Hasil Audit Internal" });
    await submitDraft(ctx(org.people.drafter), documentId);
    expect(kindsOf(org.people.kasi, documentId)).toEqual([{ kind: "review_requested", messageKey: "notifications.messages.reviewRequestedSecret", params: {} }]);
    expect(translator("id")("notifications.messages.reviewRequestedSecret")).not.toContain("{");
  });
});
