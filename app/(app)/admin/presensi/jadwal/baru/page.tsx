import type { Metadata } from "next";
import { getDb } from "@/db";
import { ScheduleForm } from "@/components/attendance/admin/schedule-form";
import { Card, PageHeader } from "@/components/ui/page";
import { scheduleFormValues } from "@/lib/attendance/admin/schedules";
import { DEFAULT_RAMADAN_DAYS, DEFAULT_REGULAR_DAYS } from "@/lib/attendance/schedule";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { unitOptions } from "@/lib/org/org-queries";
import { createScheduleAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("presensiAdmin.schedule.newTitle") };
}

/** The window defaults of the schema (05.00-12.00 in, 12.00-23.59 out), written as the form shows them. */
const WINDOWS = { checkInOpensMinute: 300, checkInClosesMinute: 720, checkOutOpensMinute: 720, checkOutClosesMinute: 1439 };

export default async function NewSchedulePage() {
  const actor = await requirePermission("attendance.configure");
  const t = translator(actor.locale);
  const units = unitOptions(getDb(), actor.agencyId).map((u) => ({ value: String(u.id), label: u.label }));
  const regular = scheduleFormValues({ days: DEFAULT_REGULAR_DAYS, ...WINDOWS });
  const ramadan = scheduleFormValues({ days: DEFAULT_RAMADAN_DAYS, ...WINDOWS });
  return (
    <div className="space-y-4">
      <PageHeader title={t("presensiAdmin.schedule.newTitle")} back={{ href: "/admin/presensi/jadwal", label: t("presensiAdmin.schedule.title") }} />
      <Card>
        <ScheduleForm
          action={createScheduleAction}
          values={{ name: "", unitId: null, kind: "regular", validFrom: null, validTo: null, graceMinutes: 0, ...regular }}
          presets={{ regular: regular.days, ramadan: ramadan.days }}
          units={units}
          submitLabel={t("common.save")}
          t={t}
        />
      </Card>
    </div>
  );
}
