import { beforeEach, describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, auditLog, positions, userSessions } from "@/db/schema";
import { loadActor } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { addAssignment, endAssignment, removeAssignment, type AssignmentDraft } from "@/lib/org/assignments";
import { TEST_NOW, actorFor, addEmployee, createFixtureOrg, ctxFor, freshDb } from "./support/db";

let db: Db;
let org: ReturnType<typeof createFixtureOrg>;

beforeEach(() => {
  db = freshDb();
  org = createFixtureOrg(db);
});

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

const auditRows = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();
const assignmentCount = () => db.select({ n: count() }).from(assignments).get()!.n;
const assignmentsOf = (employeeId: number) => db.select().from(assignments).where(eq(assignments.employeeId, employeeId)).all();
const assignmentOf = (employeeId: number) => assignmentsOf(employeeId)[0];

const draft = (over: Partial<AssignmentDraft> = {}): AssignmentDraft => ({
  positionId: org.positions.staff,
  kind: "definitif",
  startDate: "2026-12-01",
  endDate: null,
  decreeNumber: "",
  ...over,
});

describe("addAssignment", () => {
  test("a Plt in a vacant leader post next to one's own post, with a decree; audited", () => {
    const admin = ctxFor(db, org.employees.admin);
    const { assignmentId } = addAssignment(admin, {
      employeeId: org.employees.staff,
      ...draft({ positionId: org.positions.regent, kind: "plt", startDate: "2026-11-20", endDate: "2027-02-28", decreeNumber: " 800.1.3/12/2026 " }),
    });
    const row = db.select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    expect(row).toMatchObject({ employeeId: org.employees.staff, kind: "plt", decreeNumber: "800.1.3/12/2026", endDate: "2027-02-28" });
    expect(auditRows("assignment.created")).toMatchObject([{ entityType: "assignment", entityId: String(assignmentId), actorEmployeeId: org.employees.admin }]);
    // The person now acts in two posts and can switch between them.
    const actor = actorFor(db, org.employees.staff);
    expect(actor.assignments.map((a) => a.kind)).toEqual(["definitif", "plt"]);
  });

  test("a Plh may act while the definitif holder is away; a second acting holder is refused", () => {
    const admin = ctxFor(db, org.employees.admin);
    addAssignment(admin, { employeeId: org.employees.staff, ...draft({ positionId: org.positions.head, kind: "plh", startDate: "2026-11-27", endDate: "2026-11-30", decreeNumber: "SP/1" }) });
    const error = errorOf(() =>
      addAssignment(admin, { employeeId: org.employees.admin, ...draft({ positionId: org.positions.head, kind: "plt", startDate: "2026-11-29", decreeNumber: "SP/2" }) }),
    );
    expect(error.fieldErrors).toEqual({ positionId: "assignments.actingHeld" });
    expect(error.messageKey).toBe("assignments.actingHeldBy");
    expect(error.params).toEqual({ holder: "Staf Uji" });
  });

  test("Plt and Plh need a decree number", () => {
    const error = errorOf(() => addAssignment(ctxFor(db, org.employees.admin), { employeeId: org.employees.staff, ...draft({ positionId: org.positions.regent, kind: "plt" }) }));
    expect(error.fieldErrors).toEqual({ decreeNumber: "assignments.decreeRequired" });
  });

  test("the end date may not be before the start date (the same day is fine)", () => {
    const admin = ctxFor(db, org.employees.admin);
    const error = errorOf(() => addAssignment(admin, { employeeId: org.employees.staff, ...draft({ positionId: org.positions.regent, kind: "plh", decreeNumber: "X", endDate: "2026-11-30" }) }));
    expect(error.fieldErrors).toEqual({ endDate: "assignments.endBeforeStart" });
    addAssignment(admin, { employeeId: org.employees.staff, ...draft({ positionId: org.positions.regent, kind: "plh", decreeNumber: "X", endDate: "2026-12-01" }) });
  });

  test("a second own post (definitif) overlapping in time is refused; after the first ends it is allowed", () => {
    const admin = ctxFor(db, org.employees.admin);
    const vacant = db.insert(positions).values({ agencyId: org.agencyA, unitId: org.units.dinas, name: "Analis Data" }).returning().get();
    const error = errorOf(() => addAssignment(admin, { employeeId: org.employees.staff, ...draft({ positionId: vacant.id }) }));
    expect(error.fieldErrors).toEqual({ startDate: "assignments.overlapsOwnDefinitif" });
    expect(assignmentsOf(org.employees.staff)).toHaveLength(1);

    endAssignment(admin, { assignmentId: assignmentOf(org.employees.staff).id, endDate: "2026-11-30" });
    addAssignment(admin, { employeeId: org.employees.staff, ...draft({ positionId: vacant.id, startDate: "2026-12-01" }) });
    expect(assignmentsOf(org.employees.staff)).toHaveLength(2);
  });

  test("the same position twice at once for one person is refused", () => {
    const error = errorOf(() =>
      addAssignment(ctxFor(db, org.employees.admin), { employeeId: org.employees.staff, ...draft({ positionId: org.positions.staff, kind: "plt", decreeNumber: "X" }) }),
    );
    expect(error.fieldErrors).toEqual({ positionId: "assignments.samePositionOverlap" });
  });

  test("two definitif holders of a leader post at once are refused; a staff post has many holders", () => {
    const newcomer = addEmployee(db, org.agencyA, { name: "Pendatang Baru" });
    const admin = ctxFor(db, org.employees.admin);
    const error = errorOf(() => addAssignment(admin, { employeeId: newcomer, ...draft({ positionId: org.positions.head }) }));
    expect(error.fieldErrors).toEqual({ positionId: "assignments.positionHeld" });
    expect(error.messageKey).toBe("assignments.positionHeldBy");
    expect(error.params).toEqual({ holder: "Kepala Uji" });
    // Pranata Komputer is already held by two people.
    addAssignment(admin, { employeeId: newcomer, ...draft({ positionId: org.positions.staff }) });
    // Handover: the head's own post ends on 31 December; the successor may start on 1 January, not before.
    const successor = addEmployee(db, org.agencyA, { name: "Penerus" });
    endAssignment(admin, { assignmentId: assignmentOf(org.employees.head).id, endDate: "2026-12-31" });
    expect(errorOf(() => addAssignment(admin, { employeeId: successor, ...draft({ positionId: org.positions.head, startDate: "2026-12-31" }) })).fieldErrors).toEqual({
      positionId: "assignments.positionHeld",
    });
    addAssignment(admin, { employeeId: successor, ...draft({ positionId: org.positions.head, startDate: "2027-01-01" }) });
  });

  test("refused for an inactive employee, an inactive or foreign position", () => {
    const admin = ctxFor(db, org.employees.admin);
    const gone = addEmployee(db, org.agencyA, { name: "Pensiun", active: false });
    expect(errorOf(() => addAssignment(admin, { employeeId: gone, ...draft({ positionId: org.positions.regent }) })).messageKey).toBe("assignments.employeeInactive");
    const closed = db.insert(positions).values({ agencyId: org.agencyA, unitId: org.units.dinas, name: "Lama", active: false }).returning().get();
    const newcomer = addEmployee(db, org.agencyA, { name: "Baru" });
    expect(errorOf(() => addAssignment(admin, { employeeId: newcomer, ...draft({ positionId: closed.id }) })).fieldErrors).toEqual({ positionId: "assignments.positionNotFound" });
    expect(errorOf(() => addAssignment(admin, { employeeId: newcomer, ...draft({ positionId: org.positions.positionB }) })).fieldErrors).toEqual({
      positionId: "assignments.positionNotFound",
    });
  });

  test("refused for a non-admin and for another agency's admin: nothing written", () => {
    const before = assignmentCount();
    const input = { employeeId: org.employees.staff, ...draft({ positionId: org.positions.regent, kind: "plt" as const, decreeNumber: "X" }) };
    expect(errorOf(() => addAssignment(ctxFor(db, org.employees.staff), input)).code).toBe("forbidden");
    expect(errorOf(() => addAssignment(ctxFor(db, org.employees.adminB), input)).code).toBe("forbidden");
    expect(assignmentCount()).toBe(before);
    expect(auditRows("assignment.created")).toHaveLength(0);
  });
});

describe("endAssignment", () => {
  test("sets the last day; the post no longer counts after it", () => {
    const admin = ctxFor(db, org.employees.admin);
    const id = assignmentOf(org.employees.staff).id;
    endAssignment(admin, { assignmentId: id, endDate: "2026-11-26" });
    expect(assignmentOf(org.employees.staff).endDate).toBe("2026-11-26");
    expect(auditRows("assignment.ended")).toMatchObject([{ entityId: String(id), before: JSON.stringify({ endDate: null }), after: JSON.stringify({ endDate: "2026-11-26" }) }]);
    expect(actorFor(db, org.employees.staff, TEST_NOW).assignments).toEqual([]);
  });

  test("not before the start, and never pushed later than an end already set", () => {
    const admin = ctxFor(db, org.employees.admin);
    const id = assignmentOf(org.employees.staff).id;
    expect(errorOf(() => endAssignment(admin, { assignmentId: id, endDate: "2019-12-31" })).fieldErrors).toEqual({ endDate: "assignments.endBeforeStart" });
    endAssignment(admin, { assignmentId: id, endDate: "2026-12-31" });
    expect(errorOf(() => endAssignment(admin, { assignmentId: id, endDate: "2027-01-31" })).fieldErrors).toEqual({ endDate: "assignments.cannotExtend" });
    endAssignment(admin, { assignmentId: id, endDate: "2026-12-15" });
    expect(assignmentOf(org.employees.staff).endDate).toBe("2026-12-15");
  });

  test("refused for a non-admin and for another agency's admin", () => {
    const id = assignmentOf(org.employees.staff).id;
    expect(errorOf(() => endAssignment(ctxFor(db, org.employees.staff), { assignmentId: id, endDate: "2026-11-30" })).code).toBe("forbidden");
    expect(errorOf(() => endAssignment(ctxFor(db, org.employees.adminB), { assignmentId: id, endDate: "2026-11-30" })).code).toBe("forbidden");
    expect(errorOf(() => endAssignment(ctxFor(db, org.employees.admin), { assignmentId: 9999, endDate: "2026-11-30" })).code).toBe("not_found");
    expect(assignmentOf(org.employees.staff).endDate).toBeNull();
  });
});

describe("removeAssignment", () => {
  test("an assignment starting today or later can be removed; sessions acting under it fall back", () => {
    const admin = ctxFor(db, org.employees.admin);
    const { assignmentId } = addAssignment(admin, {
      employeeId: org.employees.staff,
      ...draft({ positionId: org.positions.regent, kind: "plt", startDate: "2026-11-27", decreeNumber: "X" }),
    });
    const staff = actorFor(db, org.employees.staff);
    db.update(userSessions).set({ actingAssignmentId: assignmentId }).where(eq(userSessions.id, staff.sessionId)).run();
    removeAssignment(admin, { assignmentId });
    expect(db.select().from(assignments).where(eq(assignments.id, assignmentId)).get()).toBeUndefined();
    expect(loadActor(db, staff.sessionId, TEST_NOW)?.acting?.kind).toBe("definitif");
    expect(auditRows("assignment.removed")).toMatchObject([{ entityId: String(assignmentId) }]);
  });

  test("one that was already in force before today can only be ended", () => {
    const id = assignmentOf(org.employees.staff).id;
    expect(errorOf(() => removeAssignment(ctxFor(db, org.employees.admin), { assignmentId: id })).messageKey).toBe("assignments.alreadyStarted");
    expect(errorOf(() => removeAssignment(ctxFor(db, org.employees.adminB), { assignmentId: id })).code).toBe("forbidden");
    expect(errorOf(() => removeAssignment(ctxFor(db, org.employees.staff), { assignmentId: id })).code).toBe("forbidden");
    expect(assignmentOf(org.employees.staff)).toBeDefined();
  });
});
