import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    // Vitest does not read tsconfig paths.
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Real scrypt hashing (~50-150 ms each on 2 busy cores) makes some tests slow but not stuck.
    testTimeout: 30_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses: let Vite resolve it
    // (tests/hostile calls the sign-in and sign-out actions, which go through Auth.js).
    server: { deps: { inline: ["next-auth"] } },
  },
});
