import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/fields";
import { Card, EmptyState, LinkButton, PageHeader, refreshLabels, StatusBadge } from "@/components/ui/page";
import { can } from "@/lib/auth/permissions";
import { requestContext, requirePermission } from "@/lib/auth/require-actor";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { LABEL_MAX, listInstructionsForAdmin } from "@/lib/incoming/instruction-admin";
import {
  createInstructionAction,
  deactivateInstructionAction,
  moveInstructionAction,
  reactivateInstructionAction,
  updateInstructionAction,
} from "./actions";
import { MoveButtons } from "./move-buttons";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("adminDispositionInstructions.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DispositionInstructionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("disposition_instruction.manage");
  const t = translator(actor.locale);
  const rows = listInstructionsForAdmin(await requestContext(actor));
  const added = Number((await searchParams).baru);
  const addedRow = Number.isSafeInteger(added) ? rows.find((r) => r.id === added) : undefined;
  const activeCount = rows.filter((r) => r.active).length;

  return (
    <div className="space-y-4">
      <PageHeader
        refresh={refreshLabels(t)}
        title={t("adminDispositionInstructions.title")}
        description={t("adminDispositionInstructions.description")}
        back={{ href: "/admin", label: t("adminHome.title") }}
      />

      <Card title={t("adminDispositionInstructions.addTitle")}>
        {addedRow && (
          <p role="status" data-testid="instruction-added" className="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm wrap-anywhere text-emerald-900">
            {t("adminDispositionInstructions.added", { label: addedRow.label })}
          </p>
        )}
        {/* Keyed by the list's length: after an add the page re-renders and the form starts empty again. */}
        <ActionForm key={`add-${rows.length}`} action={createInstructionAction} submitLabel={t("adminDispositionInstructions.add")} pendingLabel={t("common.loading")}>
          <TextField name="label" label={t("adminDispositionInstructions.label")} hint={t("adminDispositionInstructions.labelHint")} maxLength={LABEL_MAX} required />
        </ActionForm>
      </Card>

      <section aria-labelledby="instruction-list-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h2 id="instruction-list-title" className="text-base font-semibold text-slate-900">
            {t("adminDispositionInstructions.listTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("adminDispositionInstructions.count", { active: activeCount, total: rows.length })}</p>
        </div>
        {rows.length === 0 ? (
          <EmptyState>{t("adminDispositionInstructions.empty")}</EmptyState>
        ) : (
          <ol className="space-y-3" data-testid="instruction-list">
            {rows.map((row, i) => {
              const hidden = <input type="hidden" name="instructionId" value={row.id} />;
              return (
                <li
                  key={row.id}
                  data-testid="instruction-item"
                  className={`rounded-xl border bg-white p-3 shadow-sm ${row.id === addedRow?.id ? "border-emerald-400" : "border-slate-200"}`}
                >
                  <div className="flex items-start gap-3">
                    <span className="mt-0.5 w-7 shrink-0 text-right text-sm text-slate-500 tabular-nums">{i + 1}.</span>
                    <div className="min-w-0 flex-1 space-y-1">
                      <p className={`font-medium wrap-anywhere ${row.active ? "text-slate-900" : "text-slate-600"}`}>{row.label}</p>
                      <StatusBadge active={row.active} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />
                    </div>
                    <MoveButtons
                      action={moveInstructionAction}
                      instructionId={row.id}
                      upLabel={t("adminDispositionInstructions.moveUp", { label: row.label })}
                      downLabel={t("adminDispositionInstructions.moveDown", { label: row.label })}
                      first={i === 0}
                      last={i === rows.length - 1}
                    />
                  </div>
                  <details className="mt-2 border-t border-slate-100 pt-1">
                    <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
                      {t("adminDispositionInstructions.manage")}
                    </summary>
                    <div className="mt-2 grid grid-cols-1 gap-4 md:grid-cols-2">
                      <ActionForm action={updateInstructionAction} submitLabel={t("common.save")} pendingLabel={t("common.loading")}>
                        {hidden}
                        <TextField name="label" label={t("adminDispositionInstructions.label")} defaultValue={row.label} maxLength={LABEL_MAX} required />
                        <p className="text-xs text-slate-600">{t("adminDispositionInstructions.editNote")}</p>
                      </ActionForm>
                      {row.active ? (
                        <ActionForm action={deactivateInstructionAction} submitLabel={t("adminDispositionInstructions.deactivate")} submitVariant="danger" pendingLabel={t("common.loading")}>
                          {hidden}
                          <p className="text-sm text-slate-700">{t("adminDispositionInstructions.deactivateHint")}</p>
                        </ActionForm>
                      ) : (
                        <ActionForm action={reactivateInstructionAction} submitLabel={t("adminDispositionInstructions.reactivate")} pendingLabel={t("common.loading")}>
                          {hidden}
                          <p className="text-sm text-slate-700">{t("adminDispositionInstructions.reactivateHint")}</p>
                        </ActionForm>
                      )}
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      {can(actor, "audit.read") && (
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/audit?entityType=disposition_instruction" variant="secondary">
            {t("adminDispositionInstructions.history")}
          </LinkButton>
        </div>
      )}
    </div>
  );
}
