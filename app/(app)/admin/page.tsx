import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Building2, BriefcaseBusiness, CalendarClock, FileKey2, FileText, FileUp, ListChecks, Network, ScrollText, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("adminHome.title") };
}

type Entry = { href: string; permission: Permission; title: string; hint: string; icon: ReactNode };

export default async function AdminHomePage() {
  const actor = await requirePermission("admin.view");
  const t = translator(actor.locale);
  const icon = "size-6 shrink-0 text-brand-700";
  const entries: Entry[] = [
    { href: "/admin/instansi", permission: "agency.manage", title: t("adminHome.agency"), hint: t("adminHome.agencyHint"), icon: <Building2 aria-hidden className={icon} /> },
    { href: "/admin/unit-kerja", permission: "org.manage", title: t("adminHome.units"), hint: t("adminHome.unitsHint"), icon: <Network aria-hidden className={icon} /> },
    { href: "/admin/jabatan", permission: "org.manage", title: t("adminHome.positions"), hint: t("adminHome.positionsHint"), icon: <BriefcaseBusiness aria-hidden className={icon} /> },
    { href: "/admin/pegawai", permission: "employee.manage", title: t("adminHome.employees"), hint: t("adminHome.employeesHint"), icon: <Users aria-hidden className={icon} /> },
    { href: "/admin/pegawai/impor", permission: "employee.import", title: t("adminHome.import"), hint: t("adminHome.importHint"), icon: <FileUp aria-hidden className={icon} /> },
    { href: "/admin/jenis-naskah", permission: "document_type.manage", title: t("adminHome.documentTypes"), hint: t("adminHome.documentTypesHint"), icon: <FileText aria-hidden className={icon} /> },
    { href: "/admin/petunjuk-disposisi", permission: "disposition_instruction.manage", title: t("adminHome.dispositionInstructions"), hint: t("adminHome.dispositionInstructionsHint"), icon: <ListChecks aria-hidden className={icon} /> },
    { href: "/admin/presensi", permission: "attendance.configure", title: t("adminHome.attendance"), hint: t("adminHome.attendanceHint"), icon: <CalendarClock aria-hidden className={icon} /> },
    { href: "/admin/sertifikat", permission: "certificate.manage", title: t("adminHome.certificates"), hint: t("adminHome.certificatesHint"), icon: <FileKey2 aria-hidden className={icon} /> },
    { href: "/admin/audit", permission: "audit.read", title: t("adminHome.audit"), hint: t("adminHome.auditHint"), icon: <ScrollText aria-hidden className={icon} /> },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("adminHome.title")} description={t("adminHome.description")} />
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="admin-links">
        {entries
          .filter((e) => can(actor, e.permission))
          .map((e) => (
            <li key={e.href}>
              <Link
                href={e.href}
                className="flex min-h-11 items-start gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
              >
                {e.icon}
                <span>
                  <span className="block font-semibold text-slate-900">{e.title}</span>
                  <span className="block text-sm text-slate-600">{e.hint}</span>
                </span>
              </Link>
            </li>
          ))}
      </ul>
    </div>
  );
}
