/** A file name for a downloaded PDF from a document title: safe on every OS, recognisably the document. */
export function pdfFileName(title: string, suffix: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9 ._-]+/g, " ")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 80) || "dokumen";
  return `${base}${suffix}.pdf`;
}

/** Response headers for a PDF download that is never rendered by the browser as our origin's HTML. */
export function pdfDownloadHeaders(fileName: string, sha256: string, cache: string): HeadersInit {
  return {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="${fileName}"`,
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox",
    "cache-control": cache,
    etag: `"${sha256}"`,
  };
}
