import { Ban, CircleCheck, FilePen, PenLine, Send, Undo2, UserCheck } from "lucide-react";

const STYLE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-800 ring-slate-300",
  in_review: "bg-sky-50 text-sky-950 ring-sky-300",
  returned: "bg-amber-100 text-amber-950 ring-amber-300",
  signing: "bg-violet-50 text-violet-950 ring-violet-300",
  sent: "bg-emerald-100 text-emerald-950 ring-emerald-300",
  cancelled: "bg-red-50 text-red-900 ring-red-200",
};

const ICON = { draft: FilePen, in_review: UserCheck, returned: Undo2, signing: PenLine, sent: Send, cancelled: Ban } as const;

/** An official document's status: icon and words, never colour alone. */
export function DocumentStatusBadge({ status, label }: { status: string; label: string }) {
  const Icon = ICON[status as keyof typeof ICON] ?? CircleCheck;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[status] ?? STYLE.draft}`} data-testid="document-status">
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}
