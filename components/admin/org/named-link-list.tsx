import Link from "next/link";
import { StatusBadge } from "@/components/ui/page";
import type { Translate } from "@/lib/i18n/catalog";

/** A short list of units or positions linking to their pages, inactive ones marked. */
export function NamedLinkList({ items, hrefBase, empty, t }: { items: { id: number; name: string; active: boolean }[]; hrefBase: string; empty: string; t: Translate }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-2">
          <Link href={`${hrefBase}/${item.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-4 hover:underline">
            {item.name}
          </Link>
          {!item.active && <StatusBadge active={false} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
        </li>
      ))}
    </ul>
  );
}
