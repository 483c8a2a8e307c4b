import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { employeeAttendanceSettings } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { attendancePolicy } from "./policy";

export const homePointSchema = z.object({
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
  accuracy: z.coerce.number().min(0).max(100_000),
});

/**
 * An employee allowed to work flexibly registers their home once, standing there, for WFH check-ins. Moving it
 * afterwards goes through the admin (who clears it), so a home point cannot follow the employee around.
 */
export function registerHomePoint(ctx: Ctx, input: z.infer<typeof homePointSchema>): { employeeId: number } {
  return ctx.db.transaction((tx) => {
    const settings = tx.select().from(employeeAttendanceSettings).where(eq(employeeAttendanceSettings.employeeId, ctx.actor.employeeId)).get();
    if (!settings?.flexibleWork) throw new DomainError("forbidden", "presensi.home.notFlexible");
    if (settings.homeLatitude != null) throw new DomainError("conflict", "presensi.home.alreadySet");
    const limit = attendancePolicy(tx, ctx.actor.agencyId).accuracyLimitMeters;
    if (input.accuracy > limit) throw new DomainError("invalid", "presensi.clock.poorAccuracy", { accuracy: Math.round(input.accuracy), limit });
    tx.update(employeeAttendanceSettings)
      .set({ homeLatitude: input.latitude, homeLongitude: input.longitude, homeSetAt: ctx.now, updatedAt: ctx.now })
      .where(eq(employeeAttendanceSettings.employeeId, ctx.actor.employeeId))
      .run();
    writeAudit(tx, ctx, {
      action: "attendance_settings.home_registered",
      entityType: "employee",
      entityId: ctx.actor.employeeId,
      before: { homeLatitude: null, homeLongitude: null },
      after: { homeLatitude: input.latitude, homeLongitude: input.longitude, accuracy: input.accuracy },
    });
    return { employeeId: ctx.actor.employeeId };
  });
}
