import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { DocumentTypeForm } from "@/components/admin/document-types/document-type-form";
import { ActionForm } from "@/components/ui/action-form";
import { Card, LinkButton, PageHeader, StatusBadge } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-actor";
import { getDocumentType } from "@/lib/documents/document-types";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { deactivateDocumentTypeAction, reactivateDocumentTypeAction, updateDocumentTypeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("adminDocumentTypes.title") };
}

export default async function DocumentTypePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("document_type.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const id = Number((await params).id);
  // Scoped to the actor's agency: another agency's id looks the same as a missing one.
  const type = Number.isSafeInteger(id) ? getDocumentType(db, actor.agencyId, id) : null;
  if (!type) notFound();

  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const hidden = <input type="hidden" name="documentTypeId" value={type.id} />;

  return (
    <div className="space-y-4">
      <PageHeader
        title={type.name}
        description={type.code}
        back={{ href: "/admin/jenis-naskah", label: t("adminDocumentTypes.title") }}
        actions={<StatusBadge active={type.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      />

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title={t("adminDocumentTypes.editTitle")}>
          <p className="mb-4 text-sm text-slate-700">{t("adminDocumentTypes.editNote")}</p>
          <DocumentTypeForm action={updateDocumentTypeAction} submitLabel={t("common.save")} type={type} timeZone={timeZone} locale={actor.locale} t={t}>
            {hidden}
          </DocumentTypeForm>
        </Card>

        <Card title={t("adminDocumentTypes.statusTitle")} className="self-start">
          {type.active ? (
            <ActionForm action={deactivateDocumentTypeAction} submitLabel={t("adminDocumentTypes.deactivate")} submitVariant="danger" pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("adminDocumentTypes.deactivateHint")}</p>
            </ActionForm>
          ) : (
            <ActionForm action={reactivateDocumentTypeAction} submitLabel={t("adminDocumentTypes.reactivate")} pendingLabel={t("common.loading")}>
              {hidden}
              <p className="text-sm text-slate-700">{t("adminDocumentTypes.reactivateHint")}</p>
            </ActionForm>
          )}
        </Card>
      </div>

      {can(actor, "audit.read") && (
        <div className="flex flex-wrap gap-2">
          <LinkButton href={`/admin/audit?entityType=document_type&entityId=${type.id}`} variant="secondary">
            {t("adminDocumentTypes.history")}
          </LinkButton>
        </div>
      )}
    </div>
  );
}
