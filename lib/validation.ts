import { z } from "zod";
import { nikProblem, nipProblem, normalizeNip } from "@/lib/org/nip";

// Shared field schemas. Messages are catalog keys; defineAction translates them.

export const requiredText = (max = 200) =>
  z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");

export const optionalText = (max = 200) => z.string().trim().max(max, "validation.tooLong").default("");

export const idField = z.coerce.number().int().positive();

export const optionalIdField = z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable());

/** Checkbox: present ("on") means true. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const nipField = z
  .string()
  .transform(normalizeNip)
  .superRefine((nip, ctx) => {
    const problem = nipProblem(nip);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const optionalNikField = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .superRefine((nik, ctx) => {
    const problem = nik === "" ? null : nikProblem(nik);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => (v === "" ? null : v));

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, "validation.tooLong")
  .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
  .transform((v) => (v === "" ? null : v));

export const phoneField = z
  .string()
  .trim()
  .refine((v) => v === "" || /^(\+62|0)[0-9 -]{7,15}$/.test(v), "validation.phone")
  .default("");

export const localDateField = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "validation.date");

export const optionalLocalDateField = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  localDateField.nullable(),
);

/** An uploaded file from FormData, checked by shape (a File in Node 20). */
export type Upload = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
export const isUpload = (v: unknown): v is Upload =>
  typeof v === "object" && v !== null && typeof (v as Upload).arrayBuffer === "function" && typeof (v as Upload).size === "number";

/** A non-empty uploaded file; `messageKey` when none was chosen. */
export const uploadField = (messageKey: string) => z.custom<Upload>((v) => isUpload(v) && v.size > 0 && v.name !== "", { message: messageKey });
