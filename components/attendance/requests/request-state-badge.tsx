import { Ban, CircleCheck, CircleX, Clock } from "lucide-react";
import type { AttendanceRequestState } from "@/db/schema";

const STYLE: Record<AttendanceRequestState, string> = {
  pending: "bg-amber-100 text-amber-950 ring-amber-300",
  approved: "bg-emerald-100 text-emerald-950 ring-emerald-300",
  rejected: "bg-red-50 text-red-900 ring-red-200",
  cancelled: "bg-slate-100 text-slate-800 ring-slate-300",
};

const ICON = { pending: Clock, approved: CircleCheck, rejected: CircleX, cancelled: Ban } as const;

/** A request's state: icon and words, never colour alone. */
export function RequestStateBadge({ state, label }: { state: AttendanceRequestState; label: string }) {
  const Icon = ICON[state];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[state]}`} data-testid="request-state">
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}
