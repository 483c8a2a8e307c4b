"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createPosition, deactivatePosition, reactivatePosition, setPositionSuperior, updatePosition } from "@/lib/org/positions";
import { checkbox, idField, optionalIdField, requiredText } from "@/lib/validation";

// Positions are counted in the unit tree and listed on each unit's page.
const LISTS = ["/admin/jabatan", "/admin/unit-kerja"];

/** The position's own page shows the change at once; defineAction only revalidates fixed paths. */
function refreshPositionPage<R>(positionId: number, result: R): R {
  revalidatePath(`/admin/jabatan/${positionId}`);
  return result;
}

const positionId = z.object({ positionId: idField });
const chosenUnit = z.coerce.number().int().positive("validation.required");
const flags = { isLeader: checkbox, mayDisposition: checkbox, maySign: checkbox };

export const createPositionAction = defineAction(
  z.object({ name: requiredText(200), unitId: chosenUnit, superiorId: optionalIdField, ...flags }),
  (ctx, input) => createPosition(ctx, input),
  { success: "positions.created", revalidate: LISTS, redirectTo: (result) => `/admin/jabatan/${result.id}` },
);

export const updatePositionAction = defineAction(
  positionId.extend({ name: requiredText(200), unitId: chosenUnit, ...flags }),
  (ctx, input) => refreshPositionPage(input.positionId, updatePosition(ctx, input.positionId, input)),
  { success: "positions.updated", revalidate: LISTS },
);

export const setSuperiorAction = defineAction(
  positionId.extend({ superiorId: optionalIdField }),
  (ctx, input) => refreshPositionPage(input.positionId, setPositionSuperior(ctx, input.positionId, input)),
  { success: "positions.superiorChanged", revalidate: LISTS },
);

export const deactivatePositionAction = defineAction(
  positionId,
  (ctx, input) => refreshPositionPage(input.positionId, deactivatePosition(ctx, input.positionId)),
  { success: "positions.deactivated", revalidate: LISTS },
);

export const reactivatePositionAction = defineAction(
  positionId,
  (ctx, input) => refreshPositionPage(input.positionId, reactivatePosition(ctx, input.positionId)),
  { success: "positions.reactivated", revalidate: LISTS },
);
