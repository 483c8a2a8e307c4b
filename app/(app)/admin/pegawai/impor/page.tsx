import type { Metadata } from "next";
import { ImportWizard, type ImportWizardLabels } from "@/components/admin/employees/import-wizard";
import { Card, PageHeader } from "@/components/ui/page";
import { requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { commitImportAction, previewImportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("employeeImport.title") };
}

export default async function ImportEmployeesPage() {
  const actor = await requirePermission("employee.import");
  const t = translator(actor.locale);
  const k = (key: string) => t(`employeeImport.${key}`);
  const labels: ImportWizardLabels = {
    file: k("file"),
    upload: k("upload"),
    uploading: k("uploading"),
    previewTitle: k("previewTitle"),
    summary: k("summary"),
    fixAndRetry: k("fixAndRetry"),
    allValid: k("allValid"),
    commit: k("commit"),
    committing: k("committing"),
    uploadAnother: k("uploadAnother"),
    rowLabel: k("rowLabel"),
    row: k("row"),
    problemRows: k("problemRows"),
    readyRows: k("readyRows"),
    noPost: k("noPost"),
    doneTitle: k("doneTitle"),
    doneNotice: k("doneNotice"),
    download: k("download"),
    downloadName: k("downloadName"),
    importAnother: k("importAnother"),
    toList: k("toList"),
    columns: { nip: k("columns.nip"), name: k("columns.name"), position: k("columns.position"), email: k("columns.email"), password: t("employees.temporaryPassword") },
    csvHeader: { row: k("csvHeader.row"), nip: k("csvHeader.nip"), name: k("csvHeader.name"), email: k("csvHeader.email"), password: k("csvHeader.password") },
  };

  return (
    <div className="space-y-4">
      <PageHeader title={k("title")} description={k("description")} back={{ href: "/admin/pegawai", label: t("employees.title") }} />
      <Card title={k("formatTitle")}>
        <ul className="list-inside list-disc space-y-1 text-sm text-slate-700">
          <li>{k("formatColumns")}</li>
          <li>{k("formatUnit")}</li>
          <li>{k("formatPosition")}</li>
          <li>{k("formatNip")}</li>
          <li>{k("formatLimits")}</li>
        </ul>
      </Card>
      <Card>
        <ImportWizard previewAction={previewImportAction} commitAction={commitImportAction} labels={labels} />
      </Card>
    </div>
  );
}
