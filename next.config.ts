import type { NextConfig } from "next";

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
};

export default nextConfig;
