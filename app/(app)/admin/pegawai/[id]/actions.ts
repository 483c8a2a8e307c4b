"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addAssignment, endAssignment, removeAssignment } from "@/lib/org/assignments";
import { deactivateEmployee, reactivateEmployee, resetEmployeePassword, setEmployeeRoles, updateEmployee } from "@/lib/org/employees";
import {
  addAssignmentSchema,
  assignmentIdSchema,
  confirmedEmployeeSchema,
  employeeIdSchema,
  employeeRolesSchema,
  endAssignmentSchema,
  rolesFromForm,
  updateEmployeeSchema,
} from "../form-schemas";

export const updateEmployeeAction = defineAction(updateEmployeeSchema, (ctx, input) => updateEmployee(ctx, input), {
  success: "employees.edit.saved",
});

export const setEmployeeRolesAction = defineAction(
  employeeRolesSchema,
  (ctx, input) => setEmployeeRoles(ctx, { employeeId: input.employeeId, roles: rolesFromForm(input) }),
  { success: "employees.roles.saved" },
);

export const deactivateEmployeeAction = defineAction(confirmedEmployeeSchema, (ctx, input) => deactivateEmployee(ctx, input), {
  success: "employees.deactivate.done",
});

export const reactivateEmployeeAction = defineAction(employeeIdSchema, (ctx, input) => reactivateEmployee(ctx, input), {
  success: "employees.reactivate.done",
});

/** Returns the new temporary password once, for the success screen. */
export const resetEmployeePasswordAction = defineAction(confirmedEmployeeSchema, (ctx, input) => resetEmployeePassword(ctx, input));

export const addAssignmentAction = defineAction(addAssignmentSchema, (ctx, input) => addAssignment(ctx, input), {
  success: "assignments.add.done",
});

export const endAssignmentAction = defineAction(endAssignmentSchema, (ctx, input) => endAssignment(ctx, input), {
  success: "assignments.end.done",
});

export const removeAssignmentAction = defineAction(assignmentIdSchema, (ctx, input) => removeAssignment(ctx, input), {
  success: "assignments.remove.done",
});
