import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { compareVersions } from "@/lib/documents/document-detail";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("naskah.versions.title") };
}

const STYLE = { same: "text-slate-700", added: "bg-emerald-50 text-emerald-950", removed: "bg-red-50 text-red-900 line-through" } as const;
const SIGN = { same: " ", added: "+", removed: "−" } as const;

/** Two versions of a document line by line: what a reviewer or the drafter changed between them. */
export default async function CompareVersionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const id = Number((await params).id);
  const { dari, ke } = await searchParams;
  const from = Number(dari);
  const to = Number(ke);
  if (![id, from, to].every((n) => Number.isSafeInteger(n) && n > 0)) notFound();
  let diff: ReturnType<typeof compareVersions>;
  try {
    diff = compareVersions(ctx, id, from, to);
  } catch (error) {
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  return (
    <div className="space-y-4">
      <PageHeader title={t("naskah.versions.title")} description={t("naskah.detail.compare", { from, to })} back={{ href: `/naskah/${id}`, label: t("naskah.detail.title") }} />
      <Card>
        <p className="mb-3 text-sm text-slate-700">{t("naskah.versions.legend")}</p>
        <ol className="space-y-0.5 font-mono text-sm" data-testid="version-diff">
          {diff.lines.map((line, i) => (
            <li key={i} className={`rounded px-2 py-0.5 wrap-anywhere whitespace-pre-wrap ${STYLE[line.kind]}`}>
              <span aria-hidden className="mr-2 select-none">{SIGN[line.kind]}</span>
              <span className="sr-only">{t(`naskah.versions.${line.kind}`)}: </span>
              {line.text || " "}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
