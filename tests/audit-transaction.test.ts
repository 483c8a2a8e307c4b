import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, employees } from "@/db/schema";
import { setOwnLocale } from "@/lib/auth/account";
import { createFixtureOrg, ctxFor, freshDb } from "./support/db";

describe("audit trail", () => {
  it("rolls the change back when its audit row cannot be written", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    const ctx = ctxFor(db, org.employees.staff);
    db.$client.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    expect(() => setOwnLocale(ctx, "en")).toThrow(/audit down/);
    expect(db.select().from(employees).where(eq(employees.id, org.employees.staff)).get()!.locale).toBe("id");
  });

  it("is append-only", () => {
    const db = freshDb();
    const org = createFixtureOrg(db);
    setOwnLocale(ctxFor(db, org.employees.staff), "en");
    const row = db.select().from(auditLog).get()!;
    expect(row.action).toBe("employee.locale_changed");
    expect(JSON.parse(row.after!)).toEqual({ locale: "en" });
    expect(() => db.update(auditLog).set({ action: "x" }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
  });
});
