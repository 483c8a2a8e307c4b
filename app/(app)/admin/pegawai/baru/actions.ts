"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createEmployee } from "@/lib/org/employees";
import { createEmployeeSchema, rolesFromForm } from "../form-schemas";

/** Returns the temporary password once, for the success screen; it is never stored in the clear. */
export const createEmployeeAction = defineAction(
  createEmployeeSchema,
  (ctx, input) => createEmployee(ctx, { ...input, roles: rolesFromForm(input) }),
);
