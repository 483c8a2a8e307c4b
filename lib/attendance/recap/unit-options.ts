import type { VisibleUnit } from "./scope";

// The units an actor may pick, in tree order (each unit followed by its sub-units, siblings by name) with their
// depth within the visible part of the tree, for an indented select.

export type UnitOption = VisibleUnit & { depth: number };

export function unitsInTreeOrder(list: readonly VisibleUnit[]): UnitOption[] {
  const ids = new Set(list.map((u) => u.id));
  const children = new Map<number | null, VisibleUnit[]>();
  for (const unit of list) {
    // A unit whose parent is not visible starts a tree of its own.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: UnitOption[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const unit of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "id") || a.id - b.id)) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      out.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
