import "server-only";
import { eq } from "drizzle-orm";
import { employeeAttendanceSettings } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { LeaveBalance } from "./leave-balance";
import { agencyToday, approverPositionFor } from "./posts";
import { myLeaveBalance } from "./queries";
import { suratTugasOptions, type SuratTugas } from "./surat-tugas";
import { employeeToday } from "./working-days";

// What the new-request form offers the actor: the same facts submitAttendanceRequest decides on, so the form does
// not offer WFH to someone who would be refused it, and says up front when nobody can approve.

export type RequestFormData = {
  today: string;
  hasSuperior: boolean;
  flexibleWork: boolean;
  hasHomePoint: boolean;
  balance: LeaveBalance;
  suratTugas: SuratTugas[];
};

export function requestFormData(ctx: Pick<Ctx, "db" | "actor" | "now">): RequestFormData {
  const { db, actor } = ctx;
  const settings = db.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, actor.employeeId)).get();
  return {
    today: employeeToday(db, actor.agencyId, actor.employeeId, ctx.now),
    hasSuperior: approverPositionFor(db, actor.employeeId, agencyToday(db, actor.agencyId, ctx.now)) !== null,
    flexibleWork: settings?.flexibleWork ?? false,
    hasHomePoint: settings?.homeLatitude != null,
    balance: myLeaveBalance(ctx),
    suratTugas: suratTugasOptions(ctx),
  };
}
