"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  createInstruction,
  instructionIdForm,
  instructionLabelForm,
  instructionMoveForm,
  instructionUpdateForm,
  moveInstruction,
  setInstructionActive,
  updateInstruction,
} from "@/lib/incoming/instruction-admin";

export const createInstructionAction = defineAction(
  instructionLabelForm,
  (ctx, input) => createInstruction(ctx, input),
  // Back to the list with the new one named, so the page can confirm it and the add form starts empty.
  { redirectTo: (result) => `/admin/petunjuk-disposisi?baru=${result.id}` },
);

export const updateInstructionAction = defineAction(
  instructionUpdateForm,
  (ctx, input) => updateInstruction(ctx, input.instructionId, { label: input.label }),
  { success: "adminDispositionInstructions.updated" },
);

export const moveInstructionAction = defineAction(
  instructionMoveForm,
  (ctx, input) => moveInstruction(ctx, input.instructionId, input.direction),
);

export const deactivateInstructionAction = defineAction(
  instructionIdForm,
  (ctx, input) => setInstructionActive(ctx, input.instructionId, false),
  { success: "adminDispositionInstructions.deactivated" },
);

export const reactivateInstructionAction = defineAction(
  instructionIdForm,
  (ctx, input) => setInstructionActive(ctx, input.instructionId, true),
  { success: "adminDispositionInstructions.reactivated" },
);
