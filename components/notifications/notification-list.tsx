import type { Locale, Translate } from "@/lib/i18n/catalog";
import { formatDateTime } from "@/lib/i18n/format";
import type { NotificationItem } from "@/lib/notifications/queries";

/**
 * The reader's notifications, each in their own language. Unread ones say so in words ("Baru") as well as by
 * weight and colour. Links are plain <a> to /notifikasi/<id>: next/link would prefetch that route, and the
 * prefetch alone would mark them read.
 */
export function NotificationList({ items, t, locale, timeZone }: { items: NotificationItem[]; t: Translate; locale: Locale; timeZone: string }) {
  return (
    <ul className="space-y-2" aria-label={t("notifications.listLabel")} data-testid="notification-list">
      {items.map((n) => {
        const unread = n.readAt === null;
        return (
          <li key={n.id}>
            <a
              href={`/notifikasi/${n.id}`}
              data-unread={unread ? "true" : undefined}
              className={`block rounded-xl border bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50 ${unread ? "border-l-4 border-brand-600" : "border-slate-200"}`}
            >
              <span className="flex items-start justify-between gap-2">
                <span className={`block wrap-anywhere text-slate-900 ${unread ? "font-semibold" : ""}`}>
                  {unread && <span className="sr-only">{t("notifications.unread")}: </span>}
                  {t(n.messageKey, n.params)}
                </span>
                {unread && (
                  <span aria-hidden className="shrink-0 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                    {t("notifications.new")}
                  </span>
                )}
              </span>
              <span className="mt-1 flex flex-wrap gap-x-2 text-sm text-slate-600">
                <span>{t(`notifications.kinds.${n.kind}`)}</span>
                <span aria-hidden>·</span>
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale, timeZone)}</time>
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
