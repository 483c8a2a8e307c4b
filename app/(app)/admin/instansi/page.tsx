import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/components/ui/action-form";
import { FileField, SelectField, TextField } from "@/components/ui/fields";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getAgency } from "@/lib/org/agency";
import { TIME_ZONES } from "@/lib/org/agency-settings";
import { notFound } from "next/navigation";
import { updateAgencyAction } from "./actions";

export const metadata: Metadata = { title: "Instansi" };

export default async function AgencySettingsPage() {
  const actor = await requirePermission("agency.manage");
  const t = translator(actor.locale);
  const agency = getAgency(getDb(), actor.agencyId);
  if (!agency) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={t("agency.title")} description={t("agency.description")} back={{ href: "/admin", label: t("nav.admin") }} />
      <Card>
        {agency.logoSha256 && (
          // eslint-disable-next-line @next/next/no-img-element -- served from our own route, sized by CSS
          <img src={`/api/instansi/${agency.id}/logo?v=${agency.logoSha256.slice(0, 12)}`} alt={t("agency.logo")} className="mb-4 h-20 w-auto" />
        )}
        <ActionForm action={updateAgencyAction} submitLabel={t("common.save")} pendingLabel={t("common.loading")}>
          <TextField name="name" label={t("agency.name")} hint={t("agency.nameHint")} defaultValue={agency.name} />
          <TextField name="regionName" label={t("agency.regionName")} defaultValue={agency.regionName} />
          <TextField name="address" label={t("agency.address")} defaultValue={agency.address} />
          <TextField name="phone" type="tel" label={t("agency.phone")} defaultValue={agency.phone} />
          <TextField name="email" type="email" label={t("agency.email")} defaultValue={agency.email} />
          <TextField name="website" label={t("agency.website")} defaultValue={agency.website} />
          <SelectField
            name="timeZone"
            label={t("agency.timeZone")}
            defaultValue={agency.timeZone}
            options={TIME_ZONES.map((z) => ({ value: z, label: t(`agency.zones.${z.replace("Asia/", "")}`) }))}
          />
          <SelectField
            name="paperSize"
            label={t("agency.paperSize")}
            defaultValue={agency.paperSize}
            options={[
              { value: "A4", label: "A4 (210 × 297 mm)" },
              { value: "F4", label: "F4 (215 × 330 mm)" },
            ]}
          />
          <FileField name="logo" label={t("agency.logo")} hint={t("agency.logoHint")} accept="image/png,image/jpeg" />
        </ActionForm>
      </Card>
    </div>
  );
}
