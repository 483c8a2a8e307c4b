import type { attendanceRequests } from "@/db/schema";

/** What the audit trail keeps of a request: everything that decides days, none of the file's bytes. */
export function requestSnapshot(row: typeof attendanceRequests.$inferSelect) {
  return {
    employeeId: row.employeeId,
    kind: row.kind,
    leaveType: row.leaveType,
    startDate: row.startDate,
    endDate: row.endDate,
    workingDays: row.workingDays,
    reason: row.reason,
    attachmentSha256: row.attachmentSha256,
    officialDocumentId: row.officialDocumentId,
    correctedCheckInMinute: row.correctedCheckInMinute,
    correctedCheckOutMinute: row.correctedCheckOutMinute,
    state: row.state,
    approverPositionId: row.approverPositionId,
    decidedByEmployeeId: row.decidedByEmployeeId,
    decidedAssignmentId: row.decidedAssignmentId,
    decisionNote: row.decisionNote,
  };
}
