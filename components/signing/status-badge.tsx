import { Ban, CircleCheck, Clock, PenLine } from "lucide-react";

export type SigningBadgeStatus = "myTurn" | "waiting" | "signed" | "cancelled";

const STYLE: Record<SigningBadgeStatus, string> = {
  myTurn: "bg-amber-100 text-amber-950 ring-amber-300",
  waiting: "bg-slate-100 text-slate-800 ring-slate-300",
  signed: "bg-emerald-100 text-emerald-950 ring-emerald-300",
  cancelled: "bg-red-50 text-red-900 ring-red-200",
};

const ICON = { myTurn: PenLine, waiting: Clock, signed: CircleCheck, cancelled: Ban } as const;

/** A document's signing status: icon and words, never colour alone. */
export function SigningStatusBadge({ status, label }: { status: SigningBadgeStatus; label: string }) {
  const Icon = ICON[status];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[status]}`} data-testid="signing-status">
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}
