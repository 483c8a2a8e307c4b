import { Archive, BookMarked, CircleCheck, CircleX, ClipboardCheck, Clock, Forward, Hourglass, Mail, MailOpen, TriangleAlert, Undo2 } from "lucide-react";

// The state of a letter for an addressed post, or of one disposition: icon and words, never colour alone.

const STYLE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-950 ring-amber-300",
  dispositioned: "bg-sky-50 text-sky-950 ring-sky-300",
  no_disposition: "bg-slate-100 text-slate-800 ring-slate-300",
  unread: "bg-amber-50 text-amber-950 ring-amber-300",
  read: "bg-sky-50 text-sky-950 ring-sky-300",
  in_progress: "bg-violet-50 text-violet-950 ring-violet-300",
  followed_up: "bg-teal-50 text-teal-950 ring-teal-300",
  completed: "bg-emerald-100 text-emerald-950 ring-emerald-300",
  declined: "bg-red-50 text-red-900 ring-red-200",
  withdrawn: "bg-slate-100 text-slate-800 ring-slate-300",
  registered: "bg-slate-100 text-slate-800 ring-slate-300",
};

const ICON = {
  pending: Clock,
  dispositioned: Forward,
  no_disposition: Archive,
  unread: Mail,
  read: MailOpen,
  in_progress: Hourglass,
  followed_up: ClipboardCheck,
  completed: CircleCheck,
  declined: CircleX,
  withdrawn: Undo2,
  registered: BookMarked,
} as const;

export function LetterStateBadge({ state, label }: { state: string; label: string }) {
  const Icon = ICON[state as keyof typeof ICON] ?? CircleCheck;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLE[state] ?? STYLE.registered}`} data-testid="letter-state" data-state={state}>
      <Icon aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}

/** "Terlambat": a deadline passed while the disposition is still open; an icon and the word, not only red. */
export function OverdueBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-red-400 bg-red-50 px-2 py-0.5 text-xs font-bold text-red-800" data-testid="overdue">
      <TriangleAlert aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}

/** An unread marker in words and an icon. */
export function UnreadBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white" data-testid="unread">
      <Mail aria-hidden className="size-3.5 shrink-0" />
      {label}
    </span>
  );
}
