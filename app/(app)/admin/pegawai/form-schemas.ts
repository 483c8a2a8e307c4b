import { z } from "zod";
import { ASSIGNMENT_KINDS, ROLES, type Role } from "@/db/schema";
import { GRADE_CODES } from "@/lib/org/grades";
import {
  checkbox,
  idField,
  localDateField,
  nipField,
  optionalEmail,
  optionalIdField,
  optionalLocalDateField,
  optionalNikField,
  optionalText,
  phoneField,
  requiredText,
} from "@/lib/validation";

// Form schemas of the employee pages. They live here, not in actions.ts, because a "use server" module
// may export only async functions.

export const employeeFieldsSchema = z.object({
  nip: nipField,
  nik: optionalNikField,
  name: requiredText(200),
  titleFront: optionalText(50),
  titleBack: optionalText(50),
  grade: z
    .string()
    .default("")
    .refine((v) => v === "" || (GRADE_CODES as readonly string[]).includes(v), "employees.gradeUnknown"),
  email: optionalEmail,
  phone: phoneField,
});

/** Role checkboxes are named role_<role>: CheckboxField posts "on" without a value of its own. */
const roleCheckboxes = { role_agency_admin: checkbox, role_records_clerk: checkbox, role_personnel_officer: checkbox };

export function rolesFromForm(input: Record<`role_${Role}`, boolean>): Role[] {
  return ROLES.filter((role) => input[`role_${role}`]);
}

export const createEmployeeSchema = employeeFieldsSchema.extend({ ...roleCheckboxes, positionId: optionalIdField });

export const updateEmployeeSchema = employeeFieldsSchema.extend({ employeeId: idField });

export const employeeRolesSchema = z.object({ employeeId: idField, ...roleCheckboxes });

export const employeeIdSchema = z.object({ employeeId: idField });

/** Irreversible-looking steps (deactivation, password reset) need a ticked box: no mis-taps on a phone. */
export const confirmedEmployeeSchema = z.object({
  employeeId: idField,
  confirm: checkbox.refine((v) => v, "employees.confirmRequired"),
});

export const addAssignmentSchema = z.object({
  employeeId: idField,
  positionId: z.coerce.number().int().positive("validation.required"),
  kind: z.enum(ASSIGNMENT_KINDS, { message: "validation.invalid" }),
  startDate: localDateField,
  endDate: optionalLocalDateField,
  decreeNumber: optionalText(100),
});

export const endAssignmentSchema = z.object({ assignmentId: idField, endDate: localDateField });

export const assignmentIdSchema = z.object({ assignmentId: idField });
