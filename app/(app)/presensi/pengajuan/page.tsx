import type { Metadata } from "next";
import type { ReactNode } from "react";
import { FilePlus2, Inbox } from "lucide-react";
import { RequestStateBadge } from "@/components/attendance/requests/request-state-badge";
import { RequestSummary, requestTitle } from "@/components/attendance/requests/request-summary";
import { ActionForm } from "@/components/ui/action-form";
import { Card, EmptyState, LinkButton, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { myLeaveBalance, myRequests, pendingApprovals } from "@/lib/attendance/requests/queries";
import { requestContext, requireActor } from "@/lib/auth/require-actor";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { cancelRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("pengajuan.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

const OK_MESSAGES: Record<string, string> = {
  terkirim: "pengajuan.form.submitted",
  disetujui: "pengajuan.form.approvedBySuratTugas",
  dibatalkan: "pengajuan.list.cancelled",
};

/** The employee's own requests with their state, the annual leave balance, and cancel where it is still allowed. */
export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const search = await searchParams;
  const requestedPage = Math.max(1, Math.floor(Number(one(search.halaman))) || 1);
  const { rows, page, hasMore } = myRequests(ctx, { page: requestedPage });
  const balance = myLeaveBalance(ctx);
  const waiting = pendingApprovals(ctx).length;
  const timeZone = agencyTimeZone(ctx);
  const ok = OK_MESSAGES[one(search.ok)];

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("pengajuan.title")}
        description={t("pengajuan.description")}
        back={{ href: "/presensi", label: t("pengajuan.backToPresensi") }}
        actions={
          <LinkButton href="/presensi/pengajuan/baru">
            <FilePlus2 aria-hidden className="mr-2 size-5" />
            {t("pengajuan.newButton")}
          </LinkButton>
        }
      />
      {ok && (
        <p role="status" data-testid="request-ok" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t(ok)}
        </p>
      )}

      <Card>
        <p className="text-lg font-semibold text-slate-900" data-testid="leave-balance">
          {t("pengajuan.balance.title", { year: balance.year, n: balance.remaining })}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("pengajuan.balance.detail", { entitlement: balance.entitlement, carryOver: balance.carryOver, used: balance.used })}</p>
        {balance.pending > 0 && <p className="mt-1 text-sm text-amber-900">{t("pengajuan.balance.pending", { n: balance.pending })}</p>}
      </Card>

      {waiting > 0 && (
        <LinkButton href="/presensi/persetujuan" variant="secondary">
          <Inbox aria-hidden className="mr-2 size-5" />
          {t("pengajuan.approvals.title")} · {t("pengajuan.approvals.count", { n: waiting })}
        </LinkButton>
      )}

      <section aria-label={t("pengajuan.listLabel")} className="space-y-3">
        {rows.length === 0 ? (
          <EmptyState>{t("pengajuan.empty")}</EmptyState>
        ) : (
          <ul className="space-y-3">
            {rows.map((r) => (
              <li key={r.id} data-testid="my-request" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-base font-semibold wrap-anywhere text-slate-900">{requestTitle(t, r)}</h2>
                  <RequestStateBadge state={r.state} label={t(`pengajuan.states.${r.state}`)} />
                </div>
                <RequestSummary
                  request={r}
                  t={t}
                  locale={actor.locale}
                  extra={[
                    [t("pengajuan.fields.submittedAt"), formatDateTime(r.createdAt, actor.locale, timeZone)],
                    ...(r.decidedAt && (r.state === "approved" || r.state === "rejected")
                      ? [
                          [
                            t("pengajuan.fields.decision"),
                            <span key="decision" className="whitespace-pre-line">
                              {[r.decidedByName ? t("pengajuan.list.decidedBy", { name: r.decidedByName }) : null, r.decisionNote || null].filter(Boolean).join(" — ")}
                            </span>,
                          ] as [string, ReactNode],
                        ]
                      : []),
                  ]}
                />
                {r.cancellable && (
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    <ActionForm action={cancelRequestAction} submitLabel={t("pengajuan.list.cancel")} submitVariant="secondary" pendingLabel={t("common.loading")}>
                      <input type="hidden" name="requestId" value={r.id} />
                    </ActionForm>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Pagination
        label={t("common.pagination")}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        prevHref={page > 1 ? `/presensi/pengajuan?halaman=${page - 1}` : undefined}
        nextHref={hasMore ? `/presensi/pengajuan?halaman=${page + 1}` : undefined}
      />
    </div>
  );
}
