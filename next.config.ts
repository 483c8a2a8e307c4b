import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  experimental: {
    // Enables forbidden() so that refusals render app/forbidden.tsx with HTTP 403.
    authInterrupts: true,
    serverActions: {
      // Employee imports (CSV/XLSX) are uploaded through a server action; 5 MB covers ~50,000 rows.
      bodySizeLimit: "5mb",
    },
  },
  poweredByHeader: false,
};

export default nextConfig;
