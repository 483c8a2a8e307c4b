import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Clock, Download, Printer, UserCheck } from "lucide-react";
import { getDb } from "@/db";
import { PdfViewer } from "@/components/documents/pdf-viewer";
import { pdfViewerLabels, recipientPickerLabels } from "@/components/documents/labels";
import { Disclosure } from "@/components/incoming/disclosure";
import { DispositionTree } from "@/components/incoming/disposition-tree";
import { DisposeForm } from "@/components/incoming/dispose-form";
import { TextAreaField } from "@/components/incoming/form-fields";
import { LetterStateBadge } from "@/components/incoming/letter-state-badge";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField, FileField } from "@/components/ui/fields";
import { Card, PageHeader, DetailRows } from "@/components/ui/page";
import { requireActor, requestContext } from "@/lib/auth/require-actor";
import { agencyTimeZone } from "@/lib/documents/document-detail";
import { getDocumentTypeByCode } from "@/lib/documents/document-types";
import { DomainError } from "@/lib/errors";
import { markLetterRead } from "@/lib/incoming/dispositions";
import { letterDetail, type TreeNode } from "@/lib/incoming/letter-queries";
import { translator } from "@/lib/i18n/catalog";
import { formatDateTime, formatLocalDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { closeWithoutDispositionAction, declineAction, disposeAction, followUpAction, replyDraftAction, withdrawAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("incoming.detail.title") };
}

const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100";

const OPEN_STATES: readonly string[] = ["unread", "read", "in_progress"];
const OK_MESSAGES = ["dicatat", "didisposisikan", "ditutup", "ditarik", "ditindaklanjuti", "selesai", "ditolak"];


const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

export default async function IncomingLetterPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const t = translator(actor.locale);
  const ctx = await requestContext(actor);
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const timeZone = agencyTimeZone(ctx);
  let detail: ReturnType<typeof letterDetail>;
  try {
    // Opening the letter is reading it, for the post the actor acts under: before the page is built.
    markLetterRead(ctx, id);
    detail = letterDetail(ctx, id, timeZone);
  } catch (error) {
    // Someone else's letter looks exactly like a missing one.
    if (error instanceof DomainError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  const { letter, can } = detail;
  const when = (d: Date) => formatDateTime(d, actor.locale, timeZone);
  const day = (date: string) => formatLocalDate(date, actor.locale);
  const ok = (await searchParams).ok;
  const okMessage = typeof ok === "string" && OK_MESSAGES.includes(ok) ? t(`incoming.ok.${ok}`) : null;

  const post = actor.acting?.positionId ?? -1;
  const nodes = flatten(detail.tree);
  const myAddressee = detail.addressees.find((a) => a.positionId === post) ?? null;
  // What reached the actor's post: open ones can be forwarded, reported on or declined; one already
  // followed up can still be reported on again and completed.
  const received = nodes.filter((n) => n.toPositionId === post && n.kind === "to" && (can.received.some((r) => r.id === n.id) || n.state === "followed_up"));
  const myStates = [...(myAddressee ? [myAddressee.state] : []), ...nodes.filter((n) => n.toPositionId === post).map((n) => n.state)];
  const otherPosts = actor.assignments.map((a) => a.positionId).filter((p) => p !== post);
  const waitsElsewhere =
    detail.addressees.some((a) => otherPosts.includes(a.positionId) && a.state === "pending") ||
    nodes.some((n) => otherPosts.includes(n.toPositionId) && n.kind === "to" && OPEN_STATES.includes(n.state));
  const notaDinas = getDocumentTypeByCode(getDb(), actor.agencyId, "ND");
  const hasPdf = !!letter.fileSha256 || !!letter.officialDocumentId;
  const recipientLabels = recipientPickerLabels(t);
  const optional = (label: string) => `${label} (${t("common.optional")})`;

  return (
    <div className="space-y-4">
      <PageHeader
        title={letter.subject}
        description={`${t("incoming.agenda", { number: letter.agendaNumber })} · ${letter.senderAgency}`}
        back={{ href: "/surat-masuk", label: t("incoming.title") }}
      />
      {okMessage && (
        <p role="status" data-testid="form-success" className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {okMessage}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {[...new Set(myStates)].map((state) => (
          <LetterStateBadge key={state} state={state} label={t(`incoming.state.${state}`)} />
        ))}
        {letter.securityClass !== "B" && (
          <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800">{t(`naskah.security.${letter.securityClass}`)}</span>
        )}
        {letter.urgency !== "biasa" && (
          <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">{t(`naskah.urgency.${letter.urgency}`)}</span>
        )}
      </div>
      {waitsElsewhere && (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("incoming.detail.switchPosition")}
        </p>
      )}

      <Card title={t("incoming.detail.about")}>
        <DetailRows
          rows={[
            [t("incoming.fields.agendaNumber"), <span key="agenda" data-testid="agenda-number">{letter.agendaNumber}</span>],
            [t("incoming.fields.register"), detail.registerName || "—"],
            [t("incoming.fields.sender"), letter.senderName ? `${letter.senderAgency} — ${letter.senderName}` : letter.senderAgency],
            [t("incoming.fields.letterNumber"), letter.letterNumber],
            [t("incoming.fields.letterDate"), day(letter.letterDate)],
            [t("incoming.fields.receivedDate"), day(letter.receivedDate)],
            [t("incoming.fields.securityClass"), t(`naskah.security.${letter.securityClass}`)],
            [t("incoming.fields.urgency"), t(`naskah.urgency.${letter.urgency}`)],
            [t("incoming.fields.subject"), letter.subject],
            [t("incoming.fields.classification"), letter.classificationCode || "—"],
            [t("incoming.fields.attachmentCount"), String(letter.attachmentCount)],
            [t("incoming.fields.summary"), letter.summary ? <span key="summary" className="whitespace-pre-line">{letter.summary}</span> : "—"],
          ]}
        />
        {letter.officialDocumentId && <p className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{t("incoming.detail.delivered")}</p>}
      </Card>

      <Card title={t("incoming.detail.letter")}>
        {hasPdf ? (
          <PdfViewer src={`/api/surat-masuk/${letter.id}/berkas`} title={letter.subject} downloadName={`surat-masuk-${letter.id}.pdf`} labels={pdfViewerLabels(t)} />
        ) : (
          <p className="text-sm text-slate-700">{t("incoming.detail.noScan")}</p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          {hasPdf && (
            <a href={`/api/surat-masuk/${letter.id}/berkas`} className={buttonSecondary} download>
              <Download aria-hidden className="size-4" />
              {t("incoming.detail.download")}
            </a>
          )}
          <a href={`/api/surat-masuk/${letter.id}/lembar-disposisi`} className={buttonSecondary} data-testid="print-sheet">
            <Printer aria-hidden className="size-4" />
            {t("incoming.detail.printSheet")}
          </a>
        </div>
      </Card>

      {can.disposeAsAddressee && (
        <Disclosure title={t("incoming.dispose.title")} open={myAddressee?.state === "pending"} testId="dispose-letter">
          <DisposeForm action={disposeAction} letterId={letter.id} parentId={null} instructions={detail.instructions} t={t} recipientLabels={recipientLabels} />
        </Disclosure>
      )}

      {can.closeWithoutDisposition && (
        <Disclosure title={t("incoming.close.title")} testId="close-letter">
          <ActionForm action={closeWithoutDispositionAction} submitLabel={t("incoming.close.submit")} submitVariant="secondary">
            <input type="hidden" name="letterId" value={letter.id} />
            <p className="text-sm text-slate-700">{t("incoming.close.hint")}</p>
            <TextAreaField name="note" label={t("incoming.close.note")} optional={t("common.optional")} maxLength={2000} />
          </ActionForm>
        </Disclosure>
      )}

      {received.map((node) => {
        const open = OPEN_STATES.includes(node.state);
        return (
          <section key={node.id} className="space-y-3 rounded-xl border border-brand-600 bg-brand-50/40 p-3" data-testid="received-disposition" aria-labelledby={`received-${node.id}`}>
            <h2 id={`received-${node.id}`} className="wrap-anywhere text-base font-semibold text-slate-900">
              {t("incoming.detail.received", { name: node.fromLabel })}
            </h2>
            <div className="flex flex-wrap items-center gap-2">
              <LetterStateBadge state={node.state} label={t(`incoming.state.${node.state}`)} />
              {node.deadline && (
                <span className={`text-sm ${node.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
                  {t("incoming.deadline", { date: day(node.deadline) })}
                  {node.overdue && ` · ${t("incoming.overdue")}`}
                </span>
              )}
            </div>
            {node.instructionList.length > 0 && <p className="wrap-anywhere text-sm text-slate-800">{node.instructionList.join("; ")}</p>}
            {node.note && <p className="wrap-anywhere rounded bg-white p-2 text-sm text-slate-800">“{node.note}”</p>}

            <Disclosure title={t("incoming.followUp.title")} open={node.state === "followed_up"} testId="follow-up">
              <ActionForm action={followUpAction} submitLabel={t("incoming.followUp.submit")} pendingLabel={t("incoming.followUp.pending")}>
                <input type="hidden" name="letterId" value={letter.id} />
                <input type="hidden" name="dispositionId" value={node.id} />
                <TextAreaField name="note" label={t("incoming.followUp.note")} maxLength={2000} rows={4} />
                <FileField name="file" label={optional(t("incoming.followUp.file"))} accept="application/pdf,.pdf,image/jpeg,image/png" />
                <CheckboxField name="complete" label={t("incoming.followUp.complete")} />
              </ActionForm>
            </Disclosure>

            {open && (
              <Disclosure title={t("incoming.dispose.furtherTitle")} testId="dispose-further">
                <DisposeForm action={disposeAction} letterId={letter.id} parentId={node.id} instructions={detail.instructions} t={t} recipientLabels={recipientLabels} />
              </Disclosure>
            )}

            {open && notaDinas?.active && (
              <ActionForm action={replyDraftAction} submitLabel={t("incoming.reply.submit")} submitVariant="secondary" className="space-y-2">
                <input type="hidden" name="letterId" value={letter.id} />
                <input type="hidden" name="dispositionId" value={node.id} />
                <p className="text-sm text-slate-700">{t("incoming.reply.hint")}</p>
              </ActionForm>
            )}

            {open && (
              <Disclosure title={t("incoming.decline.title")} testId="decline">
                <ActionForm action={declineAction} submitLabel={t("incoming.decline.submit")} submitVariant="danger">
                  <input type="hidden" name="letterId" value={letter.id} />
                  <input type="hidden" name="dispositionId" value={node.id} />
                  <p className="text-sm text-slate-700">{t("incoming.decline.hint")}</p>
                  <TextAreaField name="reason" label={t("incoming.decline.reason")} maxLength={2000} />
                </ActionForm>
              </Disclosure>
            )}
          </section>
        );
      })}

      <Card title={t("incoming.detail.tree")}>
        {detail.tree.length === 0 ? (
          <p className="text-sm text-slate-700">{t("incoming.detail.treeEmpty")}</p>
        ) : (
          <DispositionTree letterId={letter.id} nodes={detail.tree} t={t} when={when} day={day} withdrawable={can.withdraw} withdrawAction={withdrawAction} />
        )}
      </Card>

      <Card title={t("incoming.detail.addressees")}>
        <ul className="space-y-3 text-sm" data-testid="addressees">
          {detail.addressees.map((a) => (
            <li key={a.id} className="flex items-start gap-2">
              {a.readAt ? <UserCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700" /> : <Clock aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />}
              <div className="min-w-0 space-y-1 wrap-anywhere">
                <p className="font-medium text-slate-900">{a.positionName}</p>
                <LetterStateBadge state={a.state} label={t(`incoming.state.${a.state}`)} />
                <p className="text-slate-700">{a.readAt ? t("incoming.detail.readAt", { date: when(a.readAt) }) : t("incoming.detail.notRead")}</p>
                {a.closedNote && (
                  <p className="text-slate-800">
                    <span className="font-medium text-slate-600">{t("incoming.detail.closedNote")}: </span>
                    {a.closedNote}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t("incoming.detail.timeline")}>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
          {detail.events.map((e) => (
            <li key={e.id}>
              <p className="wrap-anywhere font-medium text-slate-900">
                {t(`incoming.event.${e.action}`)}
                {e.action === "registered" && e.note ? ` ${e.note}` : ""}
              </p>
              {e.action === "dispositioned" && e.note && <p className="wrap-anywhere text-slate-800">→ {e.note}</p>}
              <p className="wrap-anywhere text-slate-700">{e.actorLabel}</p>
              <p className="text-slate-600">{when(e.at)}</p>
              {e.note && e.action !== "registered" && e.action !== "dispositioned" && <p className="mt-1 wrap-anywhere rounded bg-slate-50 p-2 text-slate-800">“{e.note}”</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
