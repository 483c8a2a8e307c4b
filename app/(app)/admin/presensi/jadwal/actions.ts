"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createSchedule, scheduleForm, scheduleIdForm, scheduleUpdateForm, setScheduleActive, updateSchedule } from "@/lib/attendance/admin/schedules";

export const createScheduleAction = defineAction(scheduleForm, (ctx, input) => createSchedule(ctx, input), { redirectTo: () => "/admin/presensi/jadwal?disimpan=1" });

export const updateScheduleAction = defineAction(
  scheduleUpdateForm,
  (ctx, { scheduleId, ...input }) => updateSchedule(ctx, scheduleId, input),
  { success: "presensiAdmin.schedule.saved" },
);

export const deactivateScheduleAction = defineAction(scheduleIdForm, (ctx, input) => setScheduleActive(ctx, input.scheduleId, false), {
  success: "presensiAdmin.schedule.deactivated",
});

export const reactivateScheduleAction = defineAction(scheduleIdForm, (ctx, input) => setScheduleActive(ctx, input.scheduleId, true), {
  success: "presensiAdmin.schedule.reactivated",
});
