import Link from "next/link";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { employees } from "@/db/schema";
import { Card, PageHeader } from "@/components/ui/page";
import { actingLabel } from "@/components/shell/app-shell";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { can } from "@/lib/auth/permissions";
import { translator } from "@/lib/i18n/catalog";
import { formatLocalDate } from "@/lib/i18n/format";
import { getAgency } from "@/lib/org/agency";
import { formatNip } from "@/lib/org/nip";
import { gradeLabel } from "@/lib/org/grades";
import { countAwaitingMySignature } from "@/lib/signing/document-queries";
import { documentListCounts } from "@/lib/documents/document-lists";
import { localDate } from "@/lib/time";

export default async function HomePage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const agency = getAgency(db, actor.agencyId);
  const me = db.select({ grade: employees.grade }).from(employees).where(eq(employees.id, actor.employeeId)).get();
  const today = localDate(new Date(), agency?.timeZone ?? "Asia/Jakarta");
  const awaitingSignature = countAwaitingMySignature({ db, actor });
  const documents = documentListCounts(await requestContext(actor));
  // The pending work of the Naskah menu, most urgent first; each links to its list.
  const pending = (["tandatangan", "paraf", "masuk", "tembusan", "konsep"] as const).filter((list) => documents[list] > 0);
  return (
    <div className="space-y-4">
      <PageHeader title={t("home.greeting", { name: actor.displayName })} description={t("home.today", { date: formatLocalDate(today, actor.locale) })} />
      <Card title={t("home.pendingWork")}>
        {awaitingSignature === 0 && pending.length === 0 ? (
          <p className="text-sm text-slate-600">{t("home.noPendingWork")}</p>
        ) : (
          <ul className="space-y-2">
            {pending.map((list) => (
              <li key={list}>
                <Link href={`/naskah?daftar=${list}`} className="flex min-h-11 items-center justify-between gap-3 rounded-lg bg-amber-50 px-3 py-2 font-medium text-amber-950" data-testid={`home-naskah-${list}`}>
                  <span>{t(`naskah.home.${list}`)}</span>
                  <span className="rounded-full bg-amber-600 px-2.5 py-0.5 text-sm font-bold text-white tabular-nums">{documents[list]}</span>
                </Link>
              </li>
            ))}
            {awaitingSignature > 0 && (
              <li>
                <Link href="/tandatangan" className="flex min-h-11 items-center justify-between gap-3 rounded-lg bg-amber-50 px-3 py-2 font-medium text-amber-950" data-testid="home-to-sign">
                  <span>{t("home.toSign")}</span>
                  <span className="rounded-full bg-amber-600 px-2.5 py-0.5 text-sm font-bold text-white tabular-nums">{awaitingSignature}</span>
                </Link>
              </li>
            )}
          </ul>
        )}
      </Card>
      <Card title={t("home.profile")}>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t("home.nip")}</dt>
            <dd className="font-medium tabular-nums">{formatNip(actor.nip)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("home.grade")}</dt>
            <dd className="font-medium">{me?.grade ? gradeLabel(me.grade) : "-"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("acting.label")}</dt>
            <dd className="font-medium" data-testid="home-acting">
              {actor.acting ? actingLabel(actor.acting, t) : t("acting.noAssignment")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("home.unit")}</dt>
            <dd className="font-medium">{actor.acting?.unitName ?? "-"}</dd>
          </div>
        </dl>
        {actor.assignments.length > 1 && (
          <div className="mt-4">
            <h3 className="text-sm text-slate-600">{t("home.assignments")}</h3>
            <ul className="mt-1 list-inside list-disc text-sm">
              {actor.assignments.map((a) => (
                <li key={a.assignmentId}>
                  {actingLabel(a, t)} — {a.unitName}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      {can(actor, "admin.view") && (
        <Card title={t("home.adminShortcuts")}>
          <Link href="/admin" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4">
            {t("nav.admin")}
          </Link>
        </Card>
      )}
    </div>
  );
}
