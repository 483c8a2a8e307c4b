"use server";

import { defineAction } from "@/lib/actions/define-action";
import { reviewAttendanceRecord, reviewForm } from "@/lib/attendance/recap/anomalies";
import { optionalIdField } from "@/lib/validation";

export const reviewRecordAction = defineAction(
  reviewForm.extend({ unit: optionalIdField.optional() }),
  (ctx, input) => ({ ...reviewAttendanceRecord(ctx, input), unit: input.unit ?? null }),
  // Back to the team page (and its unit) with the outcome named: the reviewed card is gone from the list.
  { redirectTo: (r) => `/presensi/tim?${r.unit ? `unit=${r.unit}&` : ""}ditinjau=${r.reviewState === "accepted" ? "diterima" : "ditolak"}#anomali` },
);
