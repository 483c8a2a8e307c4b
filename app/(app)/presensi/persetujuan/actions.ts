"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { decideAttendanceRequest } from "@/lib/attendance/requests/decide";
import { NOTE_MAX } from "@/lib/attendance/requests/kinds";
import { idField, optionalText } from "@/lib/validation";

export const decideRequestAction = defineAction(
  z.object({ requestId: idField, decision: z.enum(["approve", "reject"], { message: "validation.invalid" }), note: optionalText(NOTE_MAX) }),
  (ctx, input) => decideAttendanceRequest(ctx, input),
  { redirectTo: (r) => `/presensi/persetujuan?ok=${r.state === "approved" ? "disetujui" : "ditolak"}` },
);
