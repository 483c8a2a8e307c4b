// Addressees (tujuan) and carbon copies (tembusan) of an official document, as the compose form sends them.
// Internal ones point at a position (whoever holds or acts in it receives), a unit (its head's position)
// or an employee (their position when the document is sent); external ones are text for the letter and
// the list of parties who get the PDF. Pure module: the picker and the server share it, so it stays free of
// zod (about 37 kB compressed in every page with the picker); the schemas live in draft-input.ts.

export type RecipientRef =
  | { kind: "position"; positionId: number }
  | { kind: "unit"; unitId: number }
  | { kind: "employee"; employeeId: number }
  | { kind: "external"; name: string; address: string };

/** A picked recipient with what the picker showed, so a reloaded draft shows the same chips. */
export type PickedRecipient = RecipientRef & { label: string; sublabel?: string };

export const MAX_RECIPIENTS = 100;

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
