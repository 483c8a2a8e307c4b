"use server";

import { z } from "zod";
import type { CommittedData, PreviewData } from "@/components/admin/employees/import-wizard";
import { defineAction } from "@/lib/actions/define-action";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/catalog";
import { commitEmployeeImport, previewEmployeeImport, type ImportPreview } from "@/lib/org/employee-import";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/org/import-file";
import { optionalText, uploadField } from "@/lib/validation";


const previewSchema = z.object({
  file: uploadField("employeeImport.fileRequired"),
});

/** The rows come back from the browser: only their shape is checked here; the lib checks their content again. */
const rowSchema = z.object({
  rowNumber: z.number().int().positive(),
  nip: z.string().max(40),
  name: z.string().max(300),
  position: z.string().max(300),
  unit: z.string().max(300),
  email: z.string().max(300),
  phone: z.string().max(40),
});

const commitSchema = z.object({
  fileName: optionalText(200),
  rows: z
    .string()
    .max(8_000_000, "employeeImport.rowsInvalid")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "employeeImport.rowsInvalid" });
        return z.NEVER;
      }
    })
    .pipe(z.array(rowSchema, { message: "employeeImport.rowsInvalid" }).min(1, "employeeImport.noRows").max(IMPORT_MAX_ROWS, "employeeImport.rowsInvalid")),
});

function presentPreview(preview: ImportPreview, locale: "id" | "en"): PreviewData {
  const t = translator(locale);
  return {
    kind: "preview",
    fileName: preview.fileName,
    total: preview.rows.length,
    validCount: preview.validCount,
    errorCount: preview.errorCount,
    rows: preview.rows.map((r) => ({
      rowNumber: r.rowNumber,
      nip: r.nip,
      name: r.name,
      email: r.email,
      unitName: r.unitName,
      positionName: r.positionName,
      problems: r.issues.map((i) => `${t(`employeeImport.columns.${i.field}`)}: ${t(i.messageKey, i.params)}`),
    })),
    commitRows: JSON.stringify(
      preview.rows.map(({ rowNumber, nip, name, position, unit, email, phone }) => ({ rowNumber, nip, name, position, unit, email, phone })),
    ),
  };
}

/** Step 1: check the uploaded file; nothing is written. */
export const previewImportAction = defineAction(previewSchema, async (ctx, input) => {
  // Refuse before reading a large body into memory twice; the lib checks the size again.
  if (input.file.size > IMPORT_MAX_BYTES) throw new DomainError("invalid", "employeeImport.fileTooLarge", { max: "5 MB" });
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const preview = await previewEmployeeImport(ctx, { name: input.file.name.slice(0, 200), bytes });
  return presentPreview(preview, ctx.actor.locale);
});

/** Step 2: write every row or none; returns the temporary passwords once. */
export const commitImportAction = defineAction(
  commitSchema,
  async (ctx, input): Promise<CommittedData> => {
    const { created } = await commitEmployeeImport(ctx, { fileName: input.fileName, rows: input.rows });
    return { kind: "committed", created: created.map(({ rowNumber, nip, displayName, email, temporaryPassword }) => ({ rowNumber, nip, displayName, email, temporaryPassword })) };
  },
);
