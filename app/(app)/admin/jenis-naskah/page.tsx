import type { Metadata } from "next";
import { getDb } from "@/db";
import { DocumentTypeList } from "@/components/admin/document-types/document-type-list";
import { EmptyState, LinkButton, PageHeader, refreshLabels } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { listDocumentTypes } from "@/lib/documents/document-types";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("adminDocumentTypes.title") };
}

export default async function DocumentTypesPage() {
  const actor = await requirePermission("document_type.manage");
  const t = translator(actor.locale);
  const rows = listDocumentTypes(getDb(), actor.agencyId, { includeInactive: true });
  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("adminDocumentTypes.title")}
        description={t("adminDocumentTypes.description")}
        back={{ href: "/admin", label: t("adminHome.title") }}
        actions={<LinkButton href="/admin/jenis-naskah/baru">{t("adminDocumentTypes.create")}</LinkButton>}
      />
      {rows.length > 0 ? <DocumentTypeList rows={rows} t={t} /> : <EmptyState>{t("adminDocumentTypes.empty")}</EmptyState>}
    </div>
  );
}
