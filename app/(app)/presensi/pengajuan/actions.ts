"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { cancelAttendanceRequest } from "@/lib/attendance/requests/cancel";
import { idField } from "@/lib/validation";

export const cancelRequestAction = defineAction(z.object({ requestId: idField }), (ctx, input) => cancelAttendanceRequest(ctx, input), {
  redirectTo: () => "/presensi/pengajuan?ok=dibatalkan",
});
