import type { Metadata } from "next";
import { getDb } from "@/db";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor } from "@/lib/auth/require-actor";
import { listDocumentTypes } from "@/lib/documents/document-types";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";
import { createDraftAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("naskah.new.title") };
}

const CATEGORY_ORDER = ["korespondensi", "penugasan", "khusus", "penetapan"] as const;

/** Step one of writing: the type decides the layout, the fields and the number series. */
export default async function NewDocumentPage() {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const types = listDocumentTypes(getDb(), actor.agencyId).filter((type) => type.active);
  return (
    <div className="space-y-4">
      <PageHeader title={t("naskah.new.title")} description={t("naskah.new.description")} back={{ href: "/naskah", label: t("naskah.title") }} />
      {!actor.acting ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          {t("naskah.noActingPosition")}
        </p>
      ) : (
        <Card>
          <ActionForm action={createDraftAction} submitLabel={t("naskah.new.start")} pendingLabel={t("naskah.new.starting")}>
            {CATEGORY_ORDER.map((category) => {
              const inCategory = types.filter((type) => type.category === category);
              if (inCategory.length === 0) return null;
              return (
                <fieldset key={category} className="space-y-2">
                  <legend className="mb-1 text-sm font-semibold text-slate-700">{t(`naskah.category.${category}`)}</legend>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {inCategory.map((type, i) => (
                      <label key={type.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                        <input type="radio" name="documentTypeId" value={type.id} defaultChecked={category === "korespondensi" && i === 0} className="size-5" />
                        <span className="text-sm text-slate-900">{type.name}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
