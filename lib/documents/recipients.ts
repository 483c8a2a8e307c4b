import { z } from "zod";

// Addressees (tujuan) and carbon copies (tembusan) of an official document, as the compose form sends them.
// Internal ones point at a position (whoever holds or acts in it receives), a unit (its head's position)
// or an employee (their position when the document is sent); external ones are text for the letter and
// the list of parties who get the PDF. Pure module: the picker and the server share it.

export type RecipientRef =
  | { kind: "position"; positionId: number }
  | { kind: "unit"; unitId: number }
  | { kind: "employee"; employeeId: number }
  | { kind: "external"; name: string; address: string };

/** A picked recipient with what the picker showed, so a reloaded draft shows the same chips. */
export type PickedRecipient = RecipientRef & { label: string; sublabel?: string };

export const MAX_RECIPIENTS = 100;

const id = z.coerce.number().int().positive();
export const recipientRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("position"), positionId: id }),
  z.object({ kind: z.literal("unit"), unitId: id }),
  z.object({ kind: z.literal("employee"), employeeId: id }),
  z.object({
    kind: z.literal("external"),
    name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    address: z.string().trim().max(500, "validation.tooLong"),
  }),
]);

export const recipientListSchema = z.array(recipientRefSchema).max(MAX_RECIPIENTS, "naskah.recipients.tooMany");

/** Identity of a recipient within one list, to refuse duplicates. */
export function recipientKey(ref: RecipientRef): string {
  switch (ref.kind) {
    case "position":
      return `p:${ref.positionId}`;
    case "unit":
      return `u:${ref.unitId}`;
    case "employee":
      return `e:${ref.employeeId}`;
    case "external":
      return `x:${ref.name.trim().toLowerCase()}`;
  }
}
