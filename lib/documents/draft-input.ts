import { z } from "zod";
import { bodySchema } from "./content";
import { detailsSchema } from "./details";
import { MAX_RECIPIENTS } from "./recipients";

// Recipients as lib/documents/recipients.ts describes them.
const id = z.coerce.number().int().positive();
const recipientRefSchema = z.discriminatedUnion("kind", [
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

// What the compose form sends. Rich parts (body, recipients, chain, details) travel as JSON in hidden
// fields; everything is checked here for shape and limits and by lib/documents/drafts.ts for meaning.

/** A JSON text field parsed and then checked with `schema`; unparsable JSON is a validation error. */
const json = <S extends z.ZodType>(schema: S, fallback: unknown) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === "") return fallback;
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return Symbol("invalid json");
    }
  }, schema);

export const SECURITY_CLASS_VALUES = ["B", "T", "R", "SR"] as const;
export const URGENCY_VALUES = ["biasa", "segera", "amat_segera"] as const;

export const signerPlanSchema = z.object({
  positionId: z.coerce.number().int().positive(),
  onBehalfOfPositionId: z.coerce.number().int().positive().nullable().default(null),
});
export type SignerPlan = z.infer<typeof signerPlanSchema>;

export const MAX_REVIEWERS = 10;
export const MAX_SIGNERS = 5;

export const draftFieldsSchema = z.object({
  documentTypeId: z.coerce.number().int().positive("validation.required"),
  securityClass: z.enum(SECURITY_CLASS_VALUES).default("B"),
  urgency: z.enum(URGENCY_VALUES).default("biasa"),
  classificationCode: z.string().trim().max(40, "validation.tooLong").default(""),
  subject: z.string().trim().max(500, "validation.tooLong").default(""),
  summary: z.string().trim().max(2000, "validation.tooLong").default(""),
  attachmentCount: z.coerce.number().int("validation.invalid").min(0, "validation.invalid").max(999, "validation.invalid").default(0),
  body: json(bodySchema, []),
  recipients: json(recipientListSchema, []),
  carbonCopies: json(recipientListSchema, []),
  details: json(detailsSchema, {}),
  reviewers: json(z.array(z.coerce.number().int().positive()).max(MAX_REVIEWERS, "naskah.chain.tooManyReviewers"), []),
  signers: json(z.array(signerPlanSchema).max(MAX_SIGNERS, "naskah.chain.tooManySigners"), []),
});
export type DraftFields = z.output<typeof draftFieldsSchema>;
