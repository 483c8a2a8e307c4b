import { Worker } from "node:worker_threads";
import type { SignatureBlockText } from "./appearance";
import { prepareSignature, type Placement, type PreparedSignature, type TextStamp } from "./pdf-incremental";
import { loadPdfForSigning, PdfInputError } from "./pdf-input";
import type { PrepareRequest, PrepareResponse } from "./prepare-worker";

type Meta = { signingTime: Date; signerName: string; reason: string; location: string };

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (p: PreparedSignature) => void; reject: (e: Error) => void }>();

function signingWorker(): Worker {
  if (worker) return worker;
  // Bundled by Next (Turbopack resolves `new URL(..., import.meta.url)` worker entries).
  const created = new Worker(new URL("./prepare-worker.ts", import.meta.url));
  created.unref();
  created.on("message", (response: PrepareResponse) => {
    const pending = waiting.get(response.id);
    if (!pending) return;
    waiting.delete(response.id);
    if (response.ok) {
      pending.resolve({
        bytes: Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength),
        byteRange: response.byteRange,
        contentsOffset: response.contentsOffset,
        fieldName: response.fieldName,
        digest: Buffer.from(response.digest.buffer, response.digest.byteOffset, response.digest.byteLength),
      });
    } else {
      pending.reject(response.messageKey ? new PdfInputError(response.messageKey) : new Error(response.message));
    }
  });
  // A crashed worker fails what it held; the next request starts a fresh one.
  created.on("error", (error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
    worker = undefined;
  });
  worker = created;
  return created;
}

/**
 * Loads the PDF and prepares the signature field and placeholder. In the Next.js server this runs in a
 * worker thread, one job at a time in arrival order, so parsing a 20 MB file never blocks other
 * requests; elsewhere (tests, scripts, next dev: no compiled worker) it runs in-process.
 */
export async function preparePdfSignature(
  pdf: Buffer,
  placement: Placement,
  block: SignatureBlockText,
  meta: Meta,
  stamps: TextStamp[] = [],
): Promise<PreparedSignature> {
  // `next dev` does not compile worker entries (no __dirname there): only the production server uses one.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") {
    return prepareSignature(pdf, await loadPdfForSigning(pdf), placement, block, meta, stamps);
  }
  const id = nextId++;
  const request: PrepareRequest = { id, pdf, placement, block, meta: { ...meta, signingTime: meta.signingTime.getTime() }, stamps };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    signingWorker().postMessage(request);
  });
}
