import type { NextConfig } from "next";
import { withSerwist } from "@serwist/turbopack";

const isDev = process.env.NODE_ENV === "development";

/**
 * Content-Security-Policy for every response. What the app actually loads, all from its own origin:
 * - scripts: Next's chunks from /_next/static, plus the inline bootstrap and RSC flight (`self.__next_f.push`)
 *   scripts the App Router writes into every HTML page: hence 'unsafe-inline'. A per-request nonce would
 *   remove it, but a nonce forces every page to render dynamically (no static shell, no caching): future work.
 *   No 'unsafe-eval' in production: neither Next, React, Tiptap/ProseMirror nor our code evaluates strings,
 *   and pdf.js (whose worker compiles PDF PostScript functions with `new Function` when allowed) is always
 *   opened with `isEvalSupported: false` (components/documents/pdf-viewer.tsx, signing/placement-picker.tsx),
 *   which also skips its `new Function("")` feature probe, so no CSP violation is even reported. pdf.js loads no WebAssembly (no `wasmUrl` is given), so no
 *   'wasm-unsafe-eval' either. In `next dev`, React and Turbopack's HMR do use eval: allowed there only.
 * - worker-src: the pdf.js worker is a same-origin module from /_next/static ('self'); blob: covers pdf.js's
 *   cross-origin wrapper worker, should the assets ever move to a CDN.
 * - img-src: the attendance selfie preview is a data:image/jpeg URL; photo previews on /surat-masuk/baru are
 *   blob: URLs. The camera (getUserMedia) needs no source, only the Permissions-Policy below.
 * - style-src 'unsafe-inline': React style attributes, Tiptap/ProseMirror and pdf.js set inline styles.
 * - font-src data:: next/font is self-hosted; pdf.js's @font-face fallback for embedded PDF fonts uses data: URLs.
 * - frame-ancestors 'none' (with X-Frame-Options for old browsers): no page may be framed (clickjacking).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/**
 * Sent with every response: pages, route handlers (the PDF, image and XLSX downloads also set their own
 * content type and disposition, and get these on top, nosniff included) and static assets.
 * No Strict-Transport-Security: the demo serves plain http on localhost; the TLS reverse proxy in front of a
 * real installation adds it (see README).
 */
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  // No URL of ours (document ids, verification links) is worth telling another site about; the only outbound
  // links (OpenStreetMap) need no referrer, and QR scans arrive with none whatever we set.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The attendance selfie needs the camera and the check-in the location, on our own pages only.
  { key: "Permissions-Policy", value: "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  // pdfjs-dist (anchor search on the server) loads its own worker module at run time: keep it unbundled too.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist"],
  experimental: {
    // Enables forbidden() so that refusals render app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    serverActions: {
      // PDFs to sign or verify (KAWAN_MAX_PDF_MB, default 20) and employee imports (5 MB) are uploaded
      // through server actions; the extra MB is multipart overhead, so a file at the limit reaches our
      // own size check and its Indonesian message instead of Next's generic refusal.
      bodySizeLimit: `${(Number(process.env.KAWAN_MAX_PDF_MB) || 20) + 1}mb`,
    },
  },
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// withSerwist keeps esbuild, which bundles the service worker (app/serwist/[path]/route.ts), out of the server bundle.
export default withSerwist(nextConfig);
