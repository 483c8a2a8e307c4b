import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { attendanceRequests, employees, officialDocuments, type AttendanceRequestKind, type AttendanceRequestState, type LeaveType } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { leaveBalance, type LeaveBalance } from "./leave-balance";
import { agencyToday, heldPositionIds } from "./posts";
import { employeeToday } from "./working-days";

// The lists of the request pages, under the same rules as the actions: an employee sees their own requests; an
// approver sees the pending requests addressed to a post they hold today (never their own); cancel buttons show
// exactly where cancelAttendanceRequest would accept.

export const MY_REQUESTS_PAGE_SIZE = 20;
const PENDING_LIMIT = 200;

export type RequestFields = {
  id: number;
  kind: AttendanceRequestKind;
  leaveType: LeaveType | null;
  startDate: string;
  endDate: string;
  workingDays: number;
  reason: string;
  hasAttachment: boolean;
  correctedCheckInMinute: number | null;
  correctedCheckOutMinute: number | null;
  suratTugasNumber: string | null;
  createdAt: Date;
};

export type MyRequestRow = RequestFields & {
  state: AttendanceRequestState;
  decisionNote: string;
  decidedAt: Date | null;
  decidedByName: string | null;
  cancellable: boolean;
};

export type PendingApprovalRow = RequestFields & {
  employeeId: number;
  employeeName: string;
  employeeNip: string;
  /** For annual leave: the employee's balance in the request's first year. */
  balance: LeaveBalance | null;
};

const requestColumns = {
  id: attendanceRequests.id,
  kind: attendanceRequests.kind,
  leaveType: attendanceRequests.leaveType,
  startDate: attendanceRequests.startDate,
  endDate: attendanceRequests.endDate,
  workingDays: attendanceRequests.workingDays,
  reason: attendanceRequests.reason,
  attachmentSha256: attendanceRequests.attachmentSha256,
  correctedCheckInMinute: attendanceRequests.correctedCheckInMinute,
  correctedCheckOutMinute: attendanceRequests.correctedCheckOutMinute,
  suratTugasNumber: officialDocuments.number,
  createdAt: attendanceRequests.createdAt,
};

const fieldsOf = <R extends { attachmentSha256: string | null }>({ attachmentSha256, ...rest }: R) => ({ ...rest, hasAttachment: attachmentSha256 !== null });

/** The actor's own requests, newest first, a page at a time. */
export function myRequests(ctx: Pick<Ctx, "db" | "actor" | "now">, opts: { page?: number } = {}): { rows: MyRequestRow[]; page: number; hasMore: boolean } {
  const { db, actor } = ctx;
  const page = Math.max(1, Math.floor(opts.page ?? 1) || 1);
  const decider = alias(employees, "decider");
  const rows = db
    .select({
      ...requestColumns,
      state: attendanceRequests.state,
      decisionNote: attendanceRequests.decisionNote,
      decidedAt: attendanceRequests.decidedAt,
      deciderName: decider.name,
      deciderTitleFront: decider.titleFront,
      deciderTitleBack: decider.titleBack,
    })
    .from(attendanceRequests)
    .leftJoin(officialDocuments, eq(officialDocuments.id, attendanceRequests.officialDocumentId))
    .leftJoin(decider, eq(decider.id, attendanceRequests.decidedByEmployeeId))
    .where(and(eq(attendanceRequests.agencyId, actor.agencyId), eq(attendanceRequests.employeeId, actor.employeeId)))
    .orderBy(desc(attendanceRequests.createdAt), desc(attendanceRequests.id))
    .limit(MY_REQUESTS_PAGE_SIZE + 1)
    .offset((page - 1) * MY_REQUESTS_PAGE_SIZE)
    .all();
  const today = employeeToday(db, actor.agencyId, actor.employeeId, ctx.now);
  return {
    page,
    hasMore: rows.length > MY_REQUESTS_PAGE_SIZE,
    rows: rows.slice(0, MY_REQUESTS_PAGE_SIZE).map(({ deciderName, deciderTitleFront, deciderTitleBack, ...r }) => ({
      ...fieldsOf(r),
      decidedByName: deciderName === null ? null : displayName({ name: deciderName, titleFront: deciderTitleFront ?? "", titleBack: deciderTitleBack ?? "" }),
      cancellable: r.state === "pending" || (r.state === "approved" && r.startDate > today),
    })),
  };
}

/** The actor's annual leave balance for the year they are in (in their office's zone). */
export function myLeaveBalance(ctx: Pick<Ctx, "db" | "actor" | "now">): LeaveBalance {
  const year = Number(employeeToday(ctx.db, ctx.actor.agencyId, ctx.actor.employeeId, ctx.now).slice(0, 4));
  return leaveBalance(ctx.db, ctx.actor.employeeId, year);
}

/** Pending requests addressed to a post the actor holds today, oldest first (first come, first decided). */
export function pendingApprovals(ctx: Pick<Ctx, "db" | "actor" | "now">): PendingApprovalRow[] {
  const { db, actor } = ctx;
  const posts = heldPositionIds(db, actor.employeeId, agencyToday(db, actor.agencyId, ctx.now));
  if (posts.length === 0) return [];
  const rows = db
    .select({ ...requestColumns, employeeId: employees.id, name: employees.name, titleFront: employees.titleFront, titleBack: employees.titleBack, nip: employees.nip })
    .from(attendanceRequests)
    .innerJoin(employees, eq(employees.id, attendanceRequests.employeeId))
    .leftJoin(officialDocuments, eq(officialDocuments.id, attendanceRequests.officialDocumentId))
    .where(
      and(
        inArray(attendanceRequests.approverPositionId, posts),
        eq(attendanceRequests.state, "pending"),
        eq(attendanceRequests.agencyId, actor.agencyId),
        ne(attendanceRequests.employeeId, actor.employeeId),
      ),
    )
    .orderBy(asc(attendanceRequests.createdAt), asc(attendanceRequests.id))
    .limit(PENDING_LIMIT)
    .all();
  return rows.map(({ name, titleFront, titleBack, nip, ...r }) => ({
    ...fieldsOf(r),
    employeeName: displayName({ name, titleFront, titleBack }),
    employeeNip: nip,
    balance: r.kind === "cuti" && r.leaveType === "tahunan" ? leaveBalance(db, r.employeeId, Number(r.startDate.slice(0, 4))) : null,
  }));
}
