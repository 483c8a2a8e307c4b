import type { Metadata } from "next";
import { getDb } from "@/db";
import { NotificationList } from "@/components/notifications/notification-list";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState, PageHeader, Pagination, refreshLabels } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/queries";
import { getAgency } from "@/lib/org/agency";
import { markAllNotificationsReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("notifications.title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const requested = Math.floor(Number(one((await searchParams).halaman)));
  const { rows, page, hasMore } = listNotifications({ db, actor }, { page: requested > 0 ? requested : 1 });
  const unread = unreadNotificationCount({ db, actor });
  const timeZone = getAgency(db, actor.agencyId)?.timeZone ?? "Asia/Jakarta";
  const pageHref = (n: number) => (n > 1 ? `/notifikasi?halaman=${n}` : "/notifikasi");

  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("notifications.title")} description={t("notifications.description")} />
      {unread > 0 && (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm font-medium text-slate-800" data-testid="notification-unread-summary">
            {t("notifications.unreadSummary", { count: unread })}
          </p>
          <ActionForm action={markAllNotificationsReadAction} submitLabel={t("notifications.markAllRead")} submitVariant="secondary" className="space-y-2">
            {null}
          </ActionForm>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t("notifications.empty")} {t("notifications.emptyHint")}</EmptyState>
      ) : (
        <NotificationList items={rows} t={t} locale={actor.locale} timeZone={timeZone} />
      )}
      <Pagination
        prevHref={page > 1 ? pageHref(page - 1) : undefined}
        nextHref={hasMore ? pageHref(page + 1) : undefined}
        prevLabel={t("common.previous")}
        nextLabel={t("common.next")}
        label={t("common.pagination")}
      />
    </div>
  );
}
