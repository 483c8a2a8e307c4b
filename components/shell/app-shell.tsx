import Link from "next/link";
import type { ReactNode } from "react";
import { Building2, Fingerprint, FilePen, Home, Inbox, LogOut, Mail, PenLine, Search, ShieldCheck, UserRound } from "lucide-react";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Translate } from "@/lib/i18n/catalog";
import type { ActionState } from "@/lib/actions/action-state";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ActingSwitcher } from "./acting-switcher";
import { NavPending } from "./nav-pending";
import { SignOutForm } from "./sign-out-form";

/** `phone: false`: only in the sidebar; the phone bar holds six at most at 360 px. */
type NavItem = { href: string; label: string; icon: ReactNode; phone?: boolean };

export function actingLabel(a: { kind: "definitif" | "plt" | "plh"; positionName: string }, t: Translate): string {
  return a.kind === "definitif" ? a.positionName : `${t(`acting.kind.${a.kind}`)} ${a.positionName}`;
}

/** Phone: header plus bottom navigation. Wide screens: header plus sidebar. */
export function AppShell({
  actor,
  agencyName,
  logoUrl,
  unreadNotifications,
  t,
  switchAction,
  signOutAction,
  children,
}: {
  actor: Actor;
  agencyName: string;
  logoUrl: string | null;
  /** The actor's unread notifications, for the bell. */
  unreadNotifications: number;
  t: Translate;
  switchAction: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  signOutAction: (formData: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const nav: NavItem[] = [
    { href: "/", label: t("nav.home"), icon: <Home aria-hidden className="size-5" /> },
    { href: "/presensi", label: t("presensi.nav"), icon: <Fingerprint aria-hidden className="size-5" /> },
    { href: "/naskah", label: t("naskah.nav"), icon: <Mail aria-hidden className="size-5" /> },
    { href: "/surat-masuk", label: t("incoming.nav"), icon: <Inbox aria-hidden className="size-5" /> },
    { href: "/tandatangan", label: t("signing.nav"), icon: <FilePen aria-hidden className="size-5" /> },
    { href: "/tte", label: t("nav.tte"), icon: <PenLine aria-hidden className="size-5" />, phone: false },
    ...(can(actor, "admin.view") ? [{ href: "/admin", label: t("nav.admin"), icon: <ShieldCheck aria-hidden className="size-5" />, phone: false }] : []),
    { href: "/akun", label: t("nav.account"), icon: <UserRound aria-hidden className="size-5" /> },
  ];
  return (
    <div className="min-h-dvh pb-20 md:pb-0 md:pl-60">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 bg-brand-700 text-white shadow">
        {/* Phone: who I am on the first line, the acting position on the second, the bell beside both; one line
            on wide screens. */}
        <div className="flex items-center gap-2 px-3 py-2 md:gap-4 md:px-6">
          <div className="flex min-w-0 flex-1 flex-col gap-1.5 md:flex-row md:items-center md:justify-between md:gap-4">
            <div className="flex min-w-0 items-center gap-2">
              {logoUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- small logo from our own route
                <img src={logoUrl} alt="" className="size-9 shrink-0 rounded bg-white object-contain p-0.5" />
              ) : (
                <Building2 aria-hidden className="size-7 shrink-0 text-brand-100" />
              )}
              <div className="min-w-0">
                <p className="truncate text-xs text-brand-100">{agencyName}</p>
                <p className="truncate text-sm font-semibold" data-testid="actor-name">
                  {actor.displayName}
                </p>
              </div>
            </div>
            {actor.assignments.length > 1 && actor.acting ? (
              <ActingSwitcher
                action={switchAction}
                current={String(actor.acting.assignmentId)}
                label={t("acting.label")}
                submitLabel={t("acting.switch")}
                options={actor.assignments.map((a) => ({ value: String(a.assignmentId), label: actingLabel(a, t) }))}
              />
            ) : (
              <p className="truncate text-xs text-brand-100 md:max-w-[45%] md:text-right" data-testid="acting-position">
                {actor.acting ? actingLabel(actor.acting, t) : t("acting.noAssignment")}
              </p>
            )}
          </div>
          <Link href="/cari" aria-label={t("cari.open")} title={t("cari.open")} data-testid="search-link"
            className="inline-flex size-11 shrink-0 items-center justify-center rounded-full text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white">
            <Search aria-hidden className="size-6" />
          </Link>
          <NotificationBell unread={unreadNotifications} t={t} />
        </div>
      </header>

      <nav aria-label={t("nav.menu")} className="fixed inset-y-0 left-0 z-20 hidden w-60 flex-col border-r border-slate-200 bg-white pt-16 md:flex">
        <p className="px-5 pb-4 text-2xl font-black text-brand-700">Kawan</p>
        <ul className="flex-1 space-y-1 px-3">
          {nav.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="relative flex min-h-11 items-center gap-3 rounded-lg px-3 text-slate-800 hover:bg-brand-50">
                {item.icon}
                {item.label}
                <NavPending />
              </Link>
            </li>
          ))}
        </ul>
        <SignOutForm action={signOutAction} className="p-3">
          <button type="submit" className="flex min-h-11 w-full items-center gap-3 rounded-lg px-3 text-slate-700 hover:bg-slate-100">
            <LogOut aria-hidden className="size-5" />
            {t("nav.signOut")}
          </button>
        </SignOutForm>
      </nav>

      <main id="main" className="mx-auto max-w-5xl p-4 md:p-6">
        {children}
      </main>

      <nav aria-label={t("nav.menu")} className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white md:hidden">
        <ul className="flex">
          {/* Admin and TTE enrolment move out of the phone bar: reached from Akun and from the signing pages. */}
          {nav.filter((item) => item.phone !== false).map((item) => (
            <li key={item.href} className="flex-1">
              <Link href={item.href} className="relative flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs text-slate-700">
                {item.icon}
                {item.label}
                <NavPending />
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
