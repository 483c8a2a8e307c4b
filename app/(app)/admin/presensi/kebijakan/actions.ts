"use server";

import { defineAction } from "@/lib/actions/define-action";
import { policyForm, savePolicy } from "@/lib/attendance/admin/policy";

export const savePolicyAction = defineAction(policyForm, (ctx, input) => savePolicy(ctx, input), { success: "presensiAdmin.policy.saved" });
