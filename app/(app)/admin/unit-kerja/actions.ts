"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createUnit, deactivateUnit, moveUnit, reactivateUnit, renameUnit } from "@/lib/org/units";
import { idField, optionalIdField, optionalText, requiredText } from "@/lib/validation";

const unitId = z.object({ unitId: idField });

export const createUnitAction = defineAction(
  z.object({ name: requiredText(200), shortName: optionalText(50), parentId: optionalIdField }),
  (ctx, input) => createUnit(ctx, input),
  { success: "units.created", redirectTo: (result) => `/admin/unit-kerja/${result.id}` },
);

export const renameUnitAction = defineAction(
  unitId.extend({ name: requiredText(200), shortName: optionalText(50) }),
  (ctx, input) => renameUnit(ctx, input.unitId, input),
  { success: "units.renamed" },
);

export const moveUnitAction = defineAction(
  unitId.extend({ parentId: optionalIdField }),
  (ctx, input) => moveUnit(ctx, input.unitId, input),
  { success: "units.moved" },
);

export const deactivateUnitAction = defineAction(unitId, (ctx, input) => deactivateUnit(ctx, input.unitId), {
  success: "units.deactivated",
});

export const reactivateUnitAction = defineAction(unitId, (ctx, input) => reactivateUnit(ctx, input.unitId), {
  success: "units.reactivated",
});
