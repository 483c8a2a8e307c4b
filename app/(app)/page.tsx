import Link from "next/link";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { employees } from "@/db/schema";
import { Card, PageHeader, refreshLabels } from "@/components/ui/page";
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
import { letterCounts } from "@/lib/incoming/letter-queries";
import { localDate } from "@/lib/time";
import { attendanceHomeSummary } from "@/lib/attendance/my-attendance";

export default async function HomePage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const db = getDb();
  const agency = getAgency(db, actor.agencyId);
  const me = db.select({ grade: employees.grade }).from(employees).where(eq(employees.id, actor.employeeId)).get();
  const today = localDate(new Date(), agency?.timeZone ?? "Asia/Jakarta");
  const awaitingSignature = countAwaitingMySignature({ db, actor });
  const ctx = await requestContext(actor);
  const documents = documentListCounts(ctx);
  const letters = letterCounts(ctx, agency?.timeZone ?? "Asia/Jakarta");
  const attendance = attendanceHomeSummary(ctx);
  const clock = (d: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: attendance.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(d).replace(":", ".");
  // The eight counters of a leader's day (DOMAIN.md), each linking to its list; zero ones stay, dimmed, so the
  // screen looks the same every morning.
  const counters = [
    { key: "toSign", count: documents.tandatangan + awaitingSignature, href: documents.tandatangan > 0 || awaitingSignature === 0 ? "/naskah?daftar=tandatangan" : "/tandatangan" },
    { key: "toSend", count: documents.konsep, href: "/naskah?daftar=konsep" },
    { key: "toReview", count: documents.paraf, href: "/naskah?daftar=paraf" },
    { key: "unreadLetters", count: letters.unreadLetters, href: "/surat-masuk?daftar=masuk" },
    { key: "lettersWithoutAction", count: letters.lettersWithoutAction, href: "/surat-masuk?daftar=masuk&terbuka=1" },
    { key: "unreadDispositions", count: letters.unreadDispositions, href: "/surat-masuk?daftar=disposisi" },
    { key: "openDispositions", count: letters.openDispositions, href: "/surat-masuk?daftar=disposisi&terbuka=1", overdue: letters.overdueDispositions },
    { key: "unreadCopies", count: documents.tembusan, href: "/naskah?daftar=tembusan" },
  ];
  return (
    <div className="space-y-4">
      <PageHeader refresh={refreshLabels(t)} title={t("home.greeting", { name: actor.displayName })} description={t("home.today", { date: formatLocalDate(today, actor.locale) })} />
      <Card title={t("home.pendingWork")}>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="home-counters">
          {counters.map((c) => (
            <li key={c.key}>
              <Link
                href={c.href}
                data-testid={`home-${c.key}`}
                className={`flex min-h-20 flex-col justify-between gap-1 rounded-lg border px-3 py-2 ${c.count > 0 ? "border-amber-300 bg-amber-50 text-amber-950" : "border-slate-200 bg-white text-slate-600"}`}
              >
                <span className="text-sm leading-tight font-medium">{t(`home.counters.${c.key}`)}</span>
                <span className="text-2xl font-bold tabular-nums">{c.count}</span>
                {!!c.overdue && <span className="text-xs font-semibold text-red-800">{t("home.counters.overdue", { count: c.overdue })}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("presensi.homeCard.title")}>
        <div className="flex flex-wrap items-center justify-between gap-3" data-testid="home-attendance">
          <p className="text-sm text-slate-800">
            {attendance.checkInAt
              ? [t("presensi.homeCard.in", { time: clock(attendance.checkInAt) }), attendance.checkOutAt ? t("presensi.homeCard.out", { time: clock(attendance.checkOutAt) }) : null].filter(Boolean).join(" · ")
              : t("presensi.homeCard.notYet")}
          </p>
          <Link href="/presensi" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-900">
            {t("presensi.homeCard.open")}
          </Link>
        </div>
        {attendance.pendingApprovals > 0 && (
          <Link href="/presensi/persetujuan" className="mt-3 flex min-h-11 items-center rounded-lg border border-amber-300 bg-amber-50 px-3 text-sm font-medium text-amber-950">
            {t("presensi.homeCard.approvals", { count: attendance.pendingApprovals })}
          </Link>
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
