import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Three projects: fast pure tests beside the code, integration tests on real parts
// (libSQL, SMTP, the LiveKit-compatible dev server), and browser tests in real Chromium.
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "server/**/*.test.ts",
            "livekit-dev/**/*.test.ts",
            "db/**/*.test.ts",
            "tests/architecture.test.ts",
          ],
          setupFiles: ["tests/support/server-only-shim.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // next-auth imports "next/server" without an extension, which only a bundler resolves.
          server: { deps: { inline: ["next-auth"] } },
          setupFiles: ["tests/support/server-only-shim.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // The browser tests prepare their database through db/ in the test process itself.
          setupFiles: ["tests/support/server-only-shim.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
