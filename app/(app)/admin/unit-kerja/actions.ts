"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createUnit, deactivateUnit, moveUnit, reactivateUnit, renameUnit } from "@/lib/org/units";
import { idField, optionalIdField, optionalText, requiredText } from "@/lib/validation";

// Unit names appear in the tree, in every position row and in the selects of the positions pages.
const LISTS = ["/admin/unit-kerja", "/admin/jabatan"];

/** The unit's own page shows the change at once; defineAction only revalidates fixed paths. */
function refreshUnitPage<R>(unitId: number, result: R): R {
  revalidatePath(`/admin/unit-kerja/${unitId}`);
  return result;
}

const unitId = z.object({ unitId: idField });

export const createUnitAction = defineAction(
  z.object({ name: requiredText(200), shortName: optionalText(50), parentId: optionalIdField }),
  (ctx, input) => createUnit(ctx, input),
  { success: "units.created", revalidate: LISTS, redirectTo: (result) => `/admin/unit-kerja/${result.id}` },
);

export const renameUnitAction = defineAction(
  unitId.extend({ name: requiredText(200), shortName: optionalText(50) }),
  (ctx, input) => refreshUnitPage(input.unitId, renameUnit(ctx, input.unitId, input)),
  { success: "units.renamed", revalidate: LISTS },
);

export const moveUnitAction = defineAction(
  unitId.extend({ parentId: optionalIdField }),
  (ctx, input) => refreshUnitPage(input.unitId, moveUnit(ctx, input.unitId, input)),
  { success: "units.moved", revalidate: LISTS },
);

export const deactivateUnitAction = defineAction(unitId, (ctx, input) => refreshUnitPage(input.unitId, deactivateUnit(ctx, input.unitId)), {
  success: "units.deactivated",
  revalidate: LISTS,
});

export const reactivateUnitAction = defineAction(unitId, (ctx, input) => refreshUnitPage(input.unitId, reactivateUnit(ctx, input.unitId)), {
  success: "units.reactivated",
  revalidate: LISTS,
});
