import type { Translate } from "@/lib/i18n/catalog";
import type { Holder } from "@/lib/org/org-queries";

/** "Plt." / "Plh." marking of an acting holder, in text (not colour alone). */
export function ActingBadge({ kind, t }: { kind: Holder["kind"]; t: Translate }) {
  if (kind === "definitif") return null;
  return <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t(`acting.kind.${kind}`)}</span>;
}

/** Current holders of a position, or "Kosong" (vacant). */
export function HolderList({ holders, t }: { holders: Holder[]; t: Translate }) {
  if (holders.length === 0) return <span className="text-slate-500 italic">{t("positions.vacant")}</span>;
  return (
    <ul className="space-y-0.5">
      {holders.map((h) => (
        <li key={h.assignmentId}>
          <ActingBadge kind={h.kind} t={t} />
          {h.name}
        </li>
      ))}
    </ul>
  );
}
