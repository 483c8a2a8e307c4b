// Worker thread entry: parses the PDF and builds the incremental update off the main thread, so a large
// file does not stall other requests. Pure PDF work only: no database, no keys (signing stays in the
// main thread with the unlocked key). Deliberately no "server-only" import: it runs outside React.
import { parentPort } from "node:worker_threads";
import { prepareSignature, type Placement, type TextStamp } from "./pdf-incremental";
import { loadPdfForSigning, PdfInputError } from "./pdf-input";
import type { SignatureBlockText } from "./appearance";

export type PrepareRequest = {
  id: number;
  pdf: Uint8Array;
  placement: Placement;
  block: SignatureBlockText;
  meta: { signingTime: number; signerName: string; reason: string; location: string };
  stamps?: TextStamp[];
};

export type PrepareResponse =
  | { id: number; ok: true; bytes: Uint8Array; byteRange: [number, number, number, number]; contentsOffset: number; fieldName: string; digest: Uint8Array }
  | { id: number; ok: false; messageKey: string | null; message: string };

parentPort?.on("message", async (request: PrepareRequest) => {
  try {
    const pdf = Buffer.from(request.pdf.buffer, request.pdf.byteOffset, request.pdf.byteLength);
    const doc = await loadPdfForSigning(pdf);
    const meta = { ...request.meta, signingTime: new Date(request.meta.signingTime) };
    const prepared = await prepareSignature(pdf, doc, request.placement, request.block, meta, request.stamps);
    const response: PrepareResponse = { id: request.id, ok: true, ...prepared };
    parentPort?.postMessage(response);
  } catch (error) {
    const response: PrepareResponse = {
      id: request.id,
      ok: false,
      messageKey: error instanceof PdfInputError ? error.messageKey : null,
      message: error instanceof Error ? error.message : String(error),
    };
    parentPort?.postMessage(response);
  }
});
