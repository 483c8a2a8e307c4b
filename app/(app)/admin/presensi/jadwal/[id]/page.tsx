import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { ScheduleForm } from "@/components/attendance/admin/schedule-form";
import { Card, PageHeader, StatusBadge } from "@/components/ui/page";
import { scheduleForAdmin, scheduleFormValues, type ScheduleListRow } from "@/lib/attendance/admin/schedules";
import { DEFAULT_RAMADAN_DAYS, DEFAULT_REGULAR_DAYS } from "@/lib/attendance/schedule";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { unitOptions } from "@/lib/org/org-queries";
import { updateScheduleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.schedule.editTitle") };
}

export default async function EditSchedulePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let schedule: ScheduleListRow;
  try {
    schedule = scheduleForAdmin(await requestContext(actor), id);
  } catch (error) {
    // Another agency's schedule looks exactly like a missing one.
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  }
  const units = unitOptions(getDb(), actor.agencyId).map((u) => ({ value: String(u.id), label: u.label }));
  // A schedule of a unit deactivated since stays selectable for this schedule.
  if (schedule.unitId !== null && !units.some((u) => u.value === String(schedule.unitId))) units.push({ value: String(schedule.unitId), label: schedule.unitName ?? String(schedule.unitId) });
  const windows = { checkInOpensMinute: schedule.checkInOpensMinute, checkInClosesMinute: schedule.checkInClosesMinute, checkOutOpensMinute: schedule.checkOutOpensMinute, checkOutClosesMinute: schedule.checkOutClosesMinute };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("presensiAdmin.schedule.editTitle")}
        description={schedule.name}
        back={{ href: "/admin/presensi/jadwal", label: t("presensiAdmin.schedule.title") }}
        actions={<StatusBadge active={schedule.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />
      <Card>
        <ScheduleForm
          action={updateScheduleAction}
          hidden={<input type="hidden" name="scheduleId" value={schedule.id} />}
          values={{ name: schedule.name, unitId: schedule.unitId, kind: schedule.kind, validFrom: schedule.validFrom, validTo: schedule.validTo, graceMinutes: schedule.graceMinutes, ...scheduleFormValues(schedule) }}
          presets={{ regular: scheduleFormValues({ days: DEFAULT_REGULAR_DAYS, ...windows }).days, ramadan: scheduleFormValues({ days: DEFAULT_RAMADAN_DAYS, ...windows }).days }}
          units={units}
          submitLabel={t("common.save")}
          t={t}
        />
      </Card>
    </div>
  );
}
