import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  experimental: {
    // Enables forbidden() so that refusals render app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    serverActions: {
      // Employee imports (CSV/XLSX, at most 5 MB) are uploaded through a server action; the extra MB is
      // multipart overhead, so a file at the limit reaches our own size check and its Indonesian message.
      bodySizeLimit: "6mb",
    },
  },
  poweredByHeader: false,
};

export default nextConfig;
