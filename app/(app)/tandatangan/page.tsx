import type { Metadata } from "next";
import Link from "next/link";
import { FilePen } from "lucide-react";
import { getDb } from "@/db";
import { SigningStatusBadge } from "@/components/signing/status-badge";
import { EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import { mySigningDocuments } from "@/lib/signing/document-queries";
import { nextSignerNames } from "@/lib/signing/signer-search";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("signing.title") };
}

const PAGE_SIZE = 20;

export default async function SigningDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const raw = (await searchParams).halaman;
  const page = Math.max(1, Math.floor(Number(Array.isArray(raw) ? raw[0] : raw)) || 1);
  const { rows, hasMore } = mySigningDocuments({ db, actor }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const waitingFor = nextSignerNames({ db }, rows.filter((r) => r.status === "signing" && !r.myTurn).map((r) => r.id));
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("signing.title")}
        description={t("signing.description")}
        actions={
          <LinkButton href="/tandatangan/baru">
            <FilePen aria-hidden className="mr-2 size-5" />
            {t("signing.newButton")}
          </LinkButton>
        }
      />
      {rows.length === 0 ? (
        <EmptyState>{t("signing.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="signing-documents">
          {rows.map((doc) => (
            <li key={doc.id}>
              <Link
                href={`/tandatangan/${doc.id}`}
                className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
              >
                <span className="block font-semibold wrap-anywhere text-slate-900">{doc.title}</span>
                {doc.documentNumber && <span className="block text-sm wrap-anywhere text-slate-700">{doc.documentNumber}</span>}
                <span className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <SigningStatusBadge
                    status={doc.status === "signing" ? (doc.myTurn ? "myTurn" : "waiting") : doc.status}
                    label={
                      doc.status === "signing"
                        ? doc.myTurn
                          ? t("signing.status.myTurn")
                          : t("signing.status.waitingFor", { name: waitingFor.get(doc.id) ?? "…" })
                        : t(`signing.status.${doc.status}`)
                    }
                  />
                  <span className="text-slate-600">{t("signing.uploadedOn", { date: formatDateTime(doc.createdAt, actor.locale, timeZone) })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        prevHref={page > 1 ? `/tandatangan${page > 2 ? `?halaman=${page - 1}` : ""}` : undefined}
        nextHref={hasMore ? `/tandatangan?halaman=${page + 1}` : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("signing.more")}
        label={t("common.pagination")}
      />
    </div>
  );
}
