"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createPosition, deactivatePosition, reactivatePosition, setPositionSuperior, updatePosition } from "@/lib/org/positions";
import { checkbox, idField, optionalIdField, requiredText } from "@/lib/validation";

const positionId = z.object({ positionId: idField });
const chosenUnit = z.coerce.number().int().positive("validation.required");
const flags = { isLeader: checkbox, mayDisposition: checkbox, maySign: checkbox };

export const createPositionAction = defineAction(
  z.object({ name: requiredText(200), unitId: chosenUnit, superiorId: optionalIdField, ...flags }),
  (ctx, input) => createPosition(ctx, input),
  { success: "positions.created", redirectTo: (result) => `/admin/jabatan/${result.id}` },
);

export const updatePositionAction = defineAction(
  positionId.extend({ name: requiredText(200), unitId: chosenUnit, ...flags }),
  (ctx, input) => updatePosition(ctx, input.positionId, input),
  { success: "positions.updated" },
);

export const setSuperiorAction = defineAction(
  positionId.extend({ superiorId: optionalIdField }),
  (ctx, input) => setPositionSuperior(ctx, input.positionId, input),
  { success: "positions.superiorChanged" },
);

export const deactivatePositionAction = defineAction(
  positionId,
  (ctx, input) => deactivatePosition(ctx, input.positionId),
  { success: "positions.deactivated" },
);

export const reactivatePositionAction = defineAction(
  positionId,
  (ctx, input) => reactivatePosition(ctx, input.positionId),
  { success: "positions.reactivated" },
);
