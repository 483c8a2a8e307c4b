import type { ReactNode } from "react";
import Link from "next/link";
import { CornerDownRight, FileText, Paperclip, UserCheck } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/actions/action-state";
import type { Translate } from "@/lib/i18n/catalog";
import type { TreeNode } from "@/lib/incoming/letter-queries";
import { LetterStateBadge, OverdueBadge } from "./letter-state-badge";

type Props = {
  letterId: number;
  nodes: TreeNode[];
  t: Translate;
  /** An instant in the agency's time zone, and a local date, as the reader reads them. */
  when: (d: Date) => string;
  day: (date: string) => string;
  /** Dispositions the actor sent that are still unread, so may be taken back. */
  withdrawable: number[];
  withdrawAction: (previous: ActionState, formData: FormData) => Promise<ActionState>;
};

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p className="wrap-anywhere text-slate-800">
      <span className="font-medium text-slate-600">{label}: </span>
      {children}
    </p>
  );
}

/**
 * The disposition tree as nested lists: each node says to whom (and whether only as tembusan), its state in
 * words, who sent it when, the ticked instructions, note, deadline, reading, follow-up or decline. A level
 * indents 12 px only, and every text wraps, so four levels still read on a 360 px phone.
 */
export function DispositionTree(props: Props) {
  return (
    <ol className="space-y-3" data-testid="disposition-tree">
      {props.nodes.map((node) => (
        <DispositionNode key={node.id} node={node} {...props} />
      ))}
    </ol>
  );
}

function DispositionNode({ node, ...props }: Props & { node: TreeNode }) {
  const { t, when, day } = props;
  return (
    <li>
      {/* The node's own card carries its id and state; the <li> also holds the branches below it. */}
      <div
        data-testid="disposition-node"
        data-disposition-id={node.id}
        data-state={node.state}
        className={`rounded-lg border p-3 text-sm ${node.overdue ? "border-red-400 bg-red-50/40" : "border-slate-200 bg-white"}`}
      >
        <p className="flex items-start gap-1.5">
          <CornerDownRight aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
          <span className="min-w-0 flex-1 wrap-anywhere font-semibold text-slate-900">
            {node.toName}
            {node.kind === "cc" && (
              <span className="ml-2 inline-block rounded-full border border-slate-300 bg-slate-50 px-2 py-0.5 align-middle text-xs font-semibold text-slate-700">{t("incoming.detail.copy")}</span>
            )}
          </span>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <LetterStateBadge state={node.state} label={t(`incoming.state.${node.state}`)} />
          {node.urgency !== "biasa" && (
            <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900">{t(`naskah.urgency.${node.urgency}`)}</span>
          )}
          {node.overdue && <OverdueBadge label={t("incoming.overdue")} />}
        </div>
        <div className="mt-2 space-y-1">
          <p className="wrap-anywhere text-slate-600">{t("incoming.detail.from", { name: node.fromLabel, date: when(node.createdAt) })}</p>
          {node.instructionList.length > 0 && (
            <div>
              <p className="font-medium text-slate-600">{t("incoming.detail.instructions")}:</p>
              <ul className="mt-0.5 space-y-0.5" data-testid="disposition-instructions">
                {node.instructionList.map((instruction) => (
                  <li key={instruction} className="flex items-start gap-1.5 text-slate-900">
                    {/* A text mark, not an icon: a big tree repeats it hundreds of times (npm run bench: 3.7 KB per node). */}
                    <span aria-hidden className="shrink-0 font-bold text-brand-700">✓</span>
                    <span className="min-w-0 wrap-anywhere">{instruction}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {node.note && <Line label={t("incoming.detail.note")}>{node.note}</Line>}
          {node.deadline && (
            <Line label={t("incoming.detail.deadline")}>
              <span className={node.overdue ? "font-semibold text-red-800" : undefined}>{day(node.deadline)}</span>
            </Line>
          )}
          {node.state !== "withdrawn" && (
            <p className="flex items-start gap-1.5 text-slate-700">
              <UserCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
              <span className="min-w-0 wrap-anywhere">
                {node.readAt
                  ? node.readerName
                    ? t("incoming.detail.readBy", { name: node.readerName, date: when(node.readAt) })
                    : t("incoming.detail.readAt", { date: when(node.readAt) })
                  : t("incoming.detail.notRead")}
              </span>
            </p>
          )}
          {node.followUpNote && (
            <div className="rounded bg-slate-50 p-2">
              <Line label={t("incoming.detail.followUp")}>{node.followUpNote}</Line>
              {node.actorName && node.actedAt && <p className="text-slate-600">{t("incoming.detail.followUpBy", { name: node.actorName, date: when(node.actedAt) })}</p>}
            </div>
          )}
          {node.followUpFileSha256 && (
            <a href={`/api/surat-masuk/${props.letterId}/berkas?tindak-lanjut=${node.id}`} className="inline-flex min-h-11 items-center gap-2 font-medium text-brand-800 underline">
              <Paperclip aria-hidden className="size-4" />
              {t("incoming.detail.followUpFile")}
            </a>
          )}
          {node.replyDocumentId && (
            <Link href={`/naskah/${node.replyDocumentId}`} className="inline-flex min-h-11 items-center gap-2 font-medium text-brand-800 underline">
              <FileText aria-hidden className="size-4" />
              {t("incoming.detail.replyDocument")}
            </Link>
          )}
          {node.declineReason && (
            <div className="rounded bg-red-50 p-2">
              <Line label={t("incoming.detail.declineReason")}>{node.declineReason}</Line>
            </div>
          )}
        </div>
        {props.withdrawable.includes(node.id) && (
          <div className="mt-2">
            <ActionForm action={props.withdrawAction} submitLabel={t("incoming.withdraw.submit")} submitVariant="secondary" className="space-y-2">
              <input type="hidden" name="letterId" value={props.letterId} />
              <input type="hidden" name="dispositionId" value={node.id} />
            </ActionForm>
          </div>
        )}
      </div>
      {node.children.length > 0 && (
        <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-2.5">
          {node.children.map((child) => (
            <DispositionNode key={child.id} {...props} node={child} />
          ))}
        </ol>
      )}
    </li>
  );
}
