"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { addNationalHolidays2026, createHoliday, deleteHoliday, holidayForm, holidayIdForm } from "@/lib/attendance/admin/holidays";

// To the added holiday's year, named in the address so the page confirms it and the add form starts empty.
export const createHolidayAction = defineAction(holidayForm, (ctx, input) => createHoliday(ctx, input), {
  redirectTo: (r) => `/admin/presensi/libur?tahun=${r.date.slice(0, 4)}&baru=${r.id}`,
});

export const deleteHolidayAction = defineAction(holidayIdForm, (ctx, input) => deleteHoliday(ctx, input.holidayId), { success: "presensiAdmin.holiday.deleted" });

// The counts go into the address, so the page can say how many were added and how many were already there.
export const addNationalHolidays2026Action = defineAction(z.object({}), (ctx) => addNationalHolidays2026(ctx), {
  redirectTo: (r) => `/admin/presensi/libur?tahun=2026&ditambah=${r.added}&dilewati=${r.skipped}`,
});
