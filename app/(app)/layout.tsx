import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { unreadNotificationCount } from "@/lib/notifications/queries";
import { getAgency } from "@/lib/org/agency";
import { signOutAction, switchActingAction } from "./akun/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (actor.mustChangePassword) redirect("/ganti-kata-sandi");
  const db = getDb();
  const agency = getAgency(db, actor.agencyId);
  // The layout survives client-side navigation, so the count is as of the last full load or form action
  // (defineAction revalidates the layout); opening a notification goes through a full load as well.
  const unreadNotifications = unreadNotificationCount({ db, actor });
  return (
    <AppShell actor={actor} agencyName={agency?.name ?? ""}
      logoUrl={agency?.logoSha256 ? `/api/instansi/${agency.id}/logo?v=${agency.logoSha256.slice(0, 12)}` : null}
      unreadNotifications={unreadNotifications} t={translator(actor.locale)} switchAction={switchActingAction} signOutAction={signOutAction}>
      {/* overflow-wrap is inherited: a long unbroken document number, e-mail, file name or subject anywhere in a page
          wraps instead of pushing the 360 px screen sideways, and flex rows can shrink around it. */}
      <div className="wrap-anywhere">{children}</div>
    </AppShell>
  );
}
