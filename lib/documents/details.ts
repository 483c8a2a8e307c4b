import { z } from "zod";

// Type-specific fields of an official document, kept as JSON beside the common ones. Which block a type
// uses follows from its code: Surat Tugas / Surat Perintah / Surat Perjalanan Dinas assign people;
// Surat Undangan invites. Pure module: the compose form and the server share it.

export const ASSIGNMENT_TYPE_CODES = ["ST", "SPRIN", "SPD"] as const;
export const INVITATION_TYPE_CODES = ["UND"] as const;

export const detailKindOf = (typeCode: string): "assignment" | "invitation" | null =>
  (ASSIGNMENT_TYPE_CODES as readonly string[]).includes(typeCode)
    ? "assignment"
    : (INVITATION_TYPE_CODES as readonly string[]).includes(typeCode)
      ? "invitation"
      : null;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
const isoDate = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.invalidDate")]).default("");

export const assignmentDetailsSchema = z.object({
  /** "Dasar": the regulations or letters the assignment rests on, one per line. */
  basis: z.array(z.string().trim().min(1).max(500, "validation.tooLong")).max(20).default([]),
  employeeIds: z.array(z.coerce.number().int().positive()).max(100, "naskah.details.tooManyPeople").default([]),
  purpose: text(2000),
  destination: text(300),
  startDate: isoDate,
  endDate: isoDate,
});
export type AssignmentDetailsInput = z.infer<typeof assignmentDetailsSchema>;

export const invitationDetailsSchema = z.object({
  date: isoDate,
  time: text(100),
  place: text(300),
  agenda: text(1000),
});
export type InvitationDetailsInput = z.infer<typeof invitationDetailsSchema>;

export const detailsSchema = z.object({
  assignment: assignmentDetailsSchema.optional(),
  invitation: invitationDetailsSchema.optional(),
});
export type DocumentDetails = z.infer<typeof detailsSchema>;

export function parseDetails(json: string): DocumentDetails {
  const parsed = detailsSchema.safeParse(JSON.parse(json || "{}"));
  return parsed.success ? parsed.data : {};
}
