import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    // Vitest does not read tsconfig paths.
    alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/server-only.ts") },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
  },
});
