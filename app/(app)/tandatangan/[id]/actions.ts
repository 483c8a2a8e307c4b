"use server";

import { headers } from "next/headers";
import { PDFDocument } from "pdf-lib";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { notFound } from "@/lib/errors";
import { signingDocumentFile } from "@/lib/signing/document-queries";
import { signDocument } from "@/lib/signing/documents";
import type { Placement } from "@/lib/signing/pdf-incremental";
import { idField } from "@/lib/validation";

const fraction = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().min(0).max(1).default(1));

const signSchema = z.object({
  documentId: idField,
  // Not trimmed: spaces can be part of a passphrase.
  passphrase: z.string().min(1, "signing.sign.passphraseRequired").max(200, "validation.tooLong"),
  placement: z.enum(["manual", "auto"]).default("auto"),
  pageIndex: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).optional()),
  x: fraction,
  y: fraction,
});

/**
 * Where the QR code points: KAWAN_PUBLIC_URL when configured (set it in production: the address is signed
 * into the document forever), else the origin this request came to.
 */
async function verificationBaseUrl(): Promise<string> {
  const configured = process.env.KAWAN_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

/**
 * "Taruh otomatis" and a form sent without JavaScript (no preview, so no page chosen): the last page,
 * bottom right; the pipeline clamps x = y = 1 to the block's size.
 */
async function automaticPlacement(ctx: Parameters<typeof signingDocumentFile>[0], documentId: number): Promise<Placement> {
  const file = signingDocumentFile(ctx, documentId);
  if (!file) throw notFound();
  let pages = 1;
  try {
    pages = (await PDFDocument.load(file.bytes, { updateMetadata: false, ignoreEncryption: true })).getPageCount();
  } catch {
    // The pipeline loads the file again and reports what is wrong with it.
  }
  return { pageIndex: Math.max(0, pages - 1), x: 1, y: 1 };
}

export const signDocumentAction = defineAction(
  signSchema,
  async (ctx, input) => {
    const placement: Placement =
      input.placement === "manual" && input.pageIndex !== undefined
        ? { pageIndex: input.pageIndex, x: input.x, y: input.y }
        : await automaticPlacement(ctx, input.documentId);
    const result = await signDocument(ctx, { documentId: input.documentId, passphrase: input.passphrase, placement, verificationBaseUrl: await verificationBaseUrl() });
    return { ...result, documentId: input.documentId };
  },
  { redirectTo: (signed) => `/tandatangan/${signed.documentId}?ditandatangani=1` },
);
