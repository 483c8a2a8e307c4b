"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { createDraft } from "@/lib/documents/drafts";
import { idField } from "@/lib/validation";

export const createDraftAction = defineAction(z.object({ documentTypeId: idField }), (ctx, input) => createDraft(ctx, input), {
  redirectTo: (draft) => `/naskah/${draft.documentId}/ubah`,
});
