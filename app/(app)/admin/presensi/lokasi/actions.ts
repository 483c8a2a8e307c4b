"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createSite, setSiteActive, siteForm, siteIdForm, siteUpdateForm, updateSite } from "@/lib/attendance/admin/sites";

export const createSiteAction = defineAction(siteForm, (ctx, input) => createSite(ctx, input), { redirectTo: (r) => `/admin/presensi/lokasi/${r.id}?disimpan=1` });

export const updateSiteAction = defineAction(siteUpdateForm, (ctx, { siteId, ...input }) => updateSite(ctx, siteId, input), { success: "presensiAdmin.site.saved" });

export const deactivateSiteAction = defineAction(siteIdForm, (ctx, input) => setSiteActive(ctx, input.siteId, false), { success: "presensiAdmin.site.deactivated" });

export const reactivateSiteAction = defineAction(siteIdForm, (ctx, input) => setSiteActive(ctx, input.siteId, true), { success: "presensiAdmin.site.reactivated" });
