import Link from "next/link";
import { StatusBadge } from "@/components/ui/page";
import type { Translate } from "@/lib/i18n/catalog";
import type { UnitNode } from "@/lib/org/org-queries";

/** The organisation tree; each unit with sub-units gets a toggle that opens or closes them. */
export function UnitTree({ nodes, t }: { nodes: UnitNode[]; t: Translate }) {
  return (
    <ul className="space-y-1" data-testid="unit-tree">
      {nodes.map((node) => (
        <UnitTreeItem key={node.id} node={node} t={t} />
      ))}
    </ul>
  );
}

function UnitTreeItem({ node, t }: { node: UnitNode; t: Translate }) {
  return (
    <li data-testid="unit-tree-item">
      <div className="flex flex-wrap items-center gap-x-2">
        <Link
          href={`/admin/unit-kerja/${node.id}`}
          className={`inline-flex min-h-11 items-center font-medium underline-offset-4 hover:underline ${node.active ? "text-brand-700" : "text-slate-500"}`}
        >
          {node.name}
        </Link>
        {node.shortName && <span className="text-xs text-slate-600">{node.shortName}</span>}
        <span className="text-xs text-slate-600">{t("units.positionCount", { count: node.positionCount })}</span>
        {!node.active && <StatusBadge active={false} activeLabel={t("common.active")} inactiveLabel={t("common.inactive")} />}
      </div>
      {node.children.length > 0 && (
        // Only the first level starts open: a regency has dozens of offices, each with several levels below.
        <details open={node.depth < 1} className="group">
          <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-2 text-sm text-slate-700 hover:bg-slate-100">
            {t("units.childToggle", { count: node.children.length })}
          </summary>
          <div className="ml-2 border-l-2 border-slate-200 pl-3">
            <UnitTree nodes={node.children} t={t} />
          </div>
        </details>
      )}
    </li>
  );
}
