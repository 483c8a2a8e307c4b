import type { Metadata } from "next";
import { getDb } from "@/db";
import { FilterForm } from "@/components/admin/org/filter-form";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/fields";
import { Card, EmptyState, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getAgency } from "@/lib/org/agency";
import {
  CERTIFICATE_VIEW_STATUSES,
  groupedSerial,
  listAgencyCertificates,
  parseRevocationReason,
  REVOCATION_REASONS,
  type CertificateStatus,
} from "@/lib/signing/certificate-queries";
import { localDate } from "@/lib/time";
import { CertificateStatusBadge } from "../../tte/certificate-status-badge";
import { revokeCertificateAction } from "./actions";
import { RootCaDownloads } from "@/components/signing/root-ca-downloads";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("certificates.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const single = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 100);
const STATUS_FILTERS = ["all", ...CERTIFICATE_VIEW_STATUSES] as const;

export default async function CertificatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("certificate.manage");
  const t = translator(actor.locale);
  const db = getDb();
  const now = new Date();
  const params = await searchParams;
  const q = single(params.q);
  const statusParam = single(params.status);
  const status = (STATUS_FILTERS as readonly string[]).includes(statusParam) ? (statusParam as CertificateStatus | "all") : "all";
  const requestedPage = Math.max(1, Math.floor(Number(single(params.page))) || 1);
  const result = listAgencyCertificates({ db, actor, now }, { q, status, page: requestedPage });
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const date = (d: Date) => formatLocalDate(localDate(d, timeZone), actor.locale);

  const pageHref = (n: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (status !== "all") query.set("status", status);
    if (n > 1) query.set("page", String(n));
    const s = query.toString();
    return `/admin/sertifikat${s ? `?${s}` : ""}`;
  };
  const reasonLabel = (stored: string | null) => {
    const parsed = parseRevocationReason(stored);
    if (!parsed) return "";
    return [t(`certificates.reasons.${parsed.reason}`), parsed.note].filter(Boolean).join(" — ");
  };

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("certificates.title")} description={t("certificates.description")} back={{ href: "/admin", label: t("adminHome.title") }} />

      <Card>
        <FilterForm action="/admin/sertifikat" submitLabel={t("certificates.search")} resetLabel={t("common.reset")}>
          <TextField name="q" type="search" label={t("certificates.search")} placeholder={t("certificates.searchPlaceholder")} defaultValue={q} maxLength={100} />
          <SelectField
            name="status"
            label={t("certificates.statusFilter")}
            defaultValue={status}
            options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`certificates.status.${s}`) }))}
          />
        </FilterForm>
      </Card>

      <p className="text-sm text-slate-700" data-testid="certificate-count">
        {t("certificates.count", { count: result.total.toLocaleString(actor.locale === "id" ? "id-ID" : "en-GB") })}
        {result.pageCount > 1 && ` · ${t("certificates.pageOf", { page: result.page, pages: result.pageCount })}`}
      </p>

      {result.rows.length === 0 ? (
        <EmptyState>{t("certificates.empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="certificate-list">
          {result.rows.map((c) => (
            <li key={c.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="certificate-row">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-semibold text-slate-900">{c.holderName}</p>
                  <p className="text-sm text-slate-700">
                    {t("certificates.nip")} {c.holderNip}
                  </p>
                </div>
                <CertificateStatusBadge status={c.effectiveStatus} label={t(`certificates.status.${c.effectiveStatus}`)} />
              </div>
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-600">{t("certificates.serial")}</dt>
                <dd className="break-all font-mono text-xs text-slate-900">{groupedSerial(c.serialHex)}</dd>
                <dt className="text-slate-600">{t("certificates.validity")}</dt>
                <dd className="text-slate-900">{t("tte.history.period", { from: date(c.notBefore), to: date(c.notAfter) })}</dd>
                {c.revokedAt && (
                  <>
                    <dt className="text-slate-600">{t("certificates.reasonLabel")}</dt>
                    <dd className="text-slate-900">
                      {t("certificates.revokedOn", { date: date(c.revokedAt) })} · {reasonLabel(c.revocationReason)}
                    </dd>
                  </>
                )}
              </dl>
              {c.status !== "revoked" && (
                <details className="mt-2">
                  <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-red-800">{t("certificates.revoke")}</summary>
                  <div className="mt-2 space-y-3 rounded-lg border border-red-200 bg-red-50/50 p-3">
                    <p className="text-sm font-medium text-slate-900">{t("certificates.revokeTitle", { serial: groupedSerial(c.serialHex).slice(0, 19) })}</p>
                    <p className="text-sm text-slate-700">{t("certificates.revokeWarning")}</p>
                    <ActionForm action={revokeCertificateAction} submitLabel={t("certificates.revokeSubmit")} pendingLabel={t("common.loading")} submitVariant="danger">
                      <input type="hidden" name="certificateId" value={c.id} />
                      <SelectField
                        name="reason"
                        label={t("certificates.reason")}
                        emptyLabel="—"
                        options={REVOCATION_REASONS.map((r) => ({ value: r, label: t(`certificates.reasons.${r}`) }))}
                      />
                      <TextField name="note" label={`${t("certificates.note")} (${t("common.optional")})`} hint={t("certificates.noteHint")} maxLength={300} />
                    </ActionForm>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}

      <Pagination
        prevHref={result.page > 1 ? pageHref(result.page - 1) : undefined}
        nextHref={result.page < result.pageCount ? pageHref(result.page + 1) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        label={t("common.pagination")}
      />

      <Card title={t("certificates.rootTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("tte.root.intro")}</p>
        <RootCaDownloads agencyId={actor.agencyId} pemLabel={t("certificates.rootDownload")} cerLabel={t("tte.root.downloadCer")} />
      </Card>
    </div>
  );
}
