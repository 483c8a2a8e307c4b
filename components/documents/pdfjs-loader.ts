// Shared by every client component that draws PDFs (the signature placement picker, the document viewer),
// so pdf.js and its worker are set up once per page.

export type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on first use. The legacy build runs on the older Android browsers many employees have;
 * its worker is referenced with `new URL(…, import.meta.url)`, so the bundler emits and serves it.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/legacy/build/pdf.worker.min.mjs", import.meta.url).toString();
    return pdfjs;
  });
  return pdfjsPromise;
}
