"use server";

import { defineAction } from "@/lib/actions/define-action";
import { clearHomePoint, employeeIdForm, flexibleToggleForm, setFlexibleWork } from "@/lib/attendance/admin/flexible";

export const setFlexibleWorkAction = defineAction(flexibleToggleForm, (ctx, input) => setFlexibleWork(ctx, input.employeeId, input.flexibleWork), {
  success: "presensiAdmin.flexible.updated",
});

export const clearHomePointAction = defineAction(employeeIdForm, (ctx, input) => clearHomePoint(ctx, input.employeeId), { success: "presensiAdmin.flexible.homeCleared" });
