import Link from "next/link";
import { Bell } from "lucide-react";
import type { Translate } from "@/lib/i18n/catalog";

/** The header's way to /notifikasi; the count is in the link's name, the badge only shows it. */
export function NotificationBell({ unread, t }: { unread: number; t: Translate }) {
  const label = unread > 0 ? t("notifications.bell", { count: unread }) : t("notifications.bellNone");
  return (
    <Link
      href="/notifikasi"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex size-11 shrink-0 items-center justify-center rounded-full text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      <Bell aria-hidden className="size-6" />
      {unread > 0 && (
        <span
          aria-hidden
          className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-white px-1 text-center text-xs font-bold leading-5 text-brand-900 ring-2 ring-brand-700"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
