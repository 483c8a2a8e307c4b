"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import {
  createDocumentType,
  deactivateDocumentType,
  documentTypeForm,
  reactivateDocumentType,
  updateDocumentType,
} from "@/lib/documents/document-types";
import { idField } from "@/lib/validation";

const documentTypeId = z.object({ documentTypeId: idField });

export const createDocumentTypeAction = defineAction(
  documentTypeForm,
  (ctx, input) => createDocumentType(ctx, input),
  { success: "adminDocumentTypes.created", redirectTo: () => "/admin/jenis-naskah" },
);

export const updateDocumentTypeAction = defineAction(
  documentTypeForm.extend(documentTypeId.shape),
  (ctx, input) => updateDocumentType(ctx, input.documentTypeId, input),
  { success: "adminDocumentTypes.updated" },
);

export const deactivateDocumentTypeAction = defineAction(
  documentTypeId,
  (ctx, input) => deactivateDocumentType(ctx, input.documentTypeId),
  { success: "adminDocumentTypes.deactivated" },
);

export const reactivateDocumentTypeAction = defineAction(
  documentTypeId,
  (ctx, input) => reactivateDocumentType(ctx, input.documentTypeId),
  { success: "adminDocumentTypes.reactivated" },
);
