import type { Metadata } from "next";
import { getDb } from "@/db";
import { DocumentTypeForm } from "@/components/admin/document-types/document-type-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { listDocumentTypes } from "@/lib/documents/document-types";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { createDocumentTypeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("adminDocumentTypes.createTitle") };
}

const SORT_ORDER_STEP = 10;
const SORT_ORDER_MAX = 9999;

export default async function NewDocumentTypePage() {
  const actor = await requirePermission("document_type.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  // A new type goes to the end of the list unless the admin says otherwise.
  const last = Math.max(0, ...listDocumentTypes(db, actor.agencyId, { includeInactive: true }).map((type) => type.sortOrder));
  const sortOrder = Math.min(SORT_ORDER_MAX, last === 0 ? 0 : last + SORT_ORDER_STEP);
  return (
    <div className="space-y-4">
      <PageHeader title={t("adminDocumentTypes.createTitle")} back={{ href: "/admin/jenis-naskah", label: t("adminDocumentTypes.title") }} />
      <Card>
        <DocumentTypeForm
          action={createDocumentTypeAction}
          submitLabel={t("adminDocumentTypes.createSubmit")}
          type={null}
          defaultSortOrder={sortOrder}
          timeZone={timeZone}
          locale={actor.locale}
          t={t}
        />
      </Card>
    </div>
  );
}
