import type { Metadata } from "next";
import { DecisionForm } from "@/components/ui/decision-form";
import { RequestSummary, requestTitle } from "@/components/attendance/requests/request-summary";
import { EmptyState, PageHeader, refreshLabels } from "@/components/ui/page";
import { NOTE_MAX } from "@/lib/attendance/requests/kinds";
import { pendingApprovals } from "@/lib/attendance/requests/queries";
import { requestContext, requireActor } from "@/lib/auth/require-actor";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { decideRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("pengajuan.approvals.title") };
}

type Search = Record<string, string | string[] | undefined>;
const OK_MESSAGES: Record<string, string> = { disetujui: "pengajuan.approvals.approved", ditolak: "pengajuan.approvals.rejected" };

/** Requests waiting for a post the actor holds today (own post, Plt or Plh), oldest first, each decided on its card. */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const rows = pendingApprovals(ctx);
  const timeZone = agencyTimeZone(ctx);
  const okParam = (await searchParams).ok;
  const ok = OK_MESSAGES[Array.isArray(okParam) ? okParam[0] : (okParam ?? "")];
  const labels = {
    note: t("pengajuan.approvals.noteLabel"),
    noteHint: t("pengajuan.approvals.noteHint"),
    yes: t("pengajuan.approvals.approve"),
    no: t("pengajuan.approvals.reject"),
    pending: t("pengajuan.approvals.pendingLabel"),
  };

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("pengajuan.approvals.title")} description={t("pengajuan.approvals.description")} back={{ href: "/presensi", label: t("pengajuan.backToPresensi") }} />
      {ok && (
        <p role="status" data-testid="approval-ok" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t(ok)}
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t("pengajuan.approvals.empty")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("pengajuan.approvals.count", { n: rows.length })}</p>
          <ul className="space-y-3">
            {rows.map((r) => (
              <li key={r.id} data-testid="pending-approval" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <div>
                  <h2 className="text-base font-semibold wrap-anywhere text-slate-900">{r.employeeName}</h2>
                  <p className="text-sm text-slate-600">
                    {t("pengajuan.fields.nip")} {r.employeeNip}
                  </p>
                  <p className="mt-1 font-medium text-slate-900">{requestTitle(t, r)}</p>
                </div>
                <RequestSummary
                  request={r}
                  t={t}
                  locale={actor.locale}
                  extra={[
                    [t("pengajuan.fields.submittedAt"), formatDateTime(r.createdAt, actor.locale, timeZone)],
                    ...(r.balance
                      ? [[t("pengajuan.fields.leaveBalance"), t("pengajuan.balance.line", { year: r.balance.year, remaining: r.balance.remaining, used: r.balance.used, pending: r.balance.pending })] as [string, string]]
                      : []),
                  ]}
                />
                <div className="border-t border-slate-100 pt-3">
                  <DecisionForm action={decideRequestAction} hidden={{ requestId: r.id }} values={{ yes: "approve", no: "reject" }} labels={labels} noteMax={NOTE_MAX} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
