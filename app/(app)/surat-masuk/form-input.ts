import { z } from "zod";
import { isUpload, type Upload } from "@/lib/validation";

// Field schemas shared by the Surat Masuk actions (a "use server" file may export only actions).

export const requiredDate = z
  .string()
  .trim()
  .min(1, "validation.required")
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "validation.date");

/** A chosen file, or null for the empty entry a file input sends when nothing was chosen. */
export const chosenFile = (v: unknown): Upload | null => (isUpload(v) && v.size > 0 ? v : null);

/** The RecipientPicker's hidden input, `[{kind:"position",positionId}]` as JSON, read as position ids. */
export const positionIds = (requiredKey: string, max: number, tooManyKey: string) =>
  z.preprocess(
    (v) => {
      try {
        return typeof v === "string" && v ? (JSON.parse(v) as { positionId?: unknown }[]).map((r) => r.positionId) : [];
      } catch {
        return [];
      }
    },
    z.array(z.coerce.number().int().positive()).min(1, requiredKey).max(max, tooManyKey),
  );
