/**
 * `npm run demo`: migrate, seed the demo regency if the database is empty, build, and serve on
 * http://localhost:3000 (PORT to change), printing the demo logins once the server answers.
 */
import { spawn, spawnSync } from "node:child_process";
import { databasePath } from "@/db";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@/db/seed/demo-org";

const port = process.env.PORT ?? "3000";

function step(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step("npm", ["run", "--silent", "seed"]);
step("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function announceWhenReady() {
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://localhost:${port}/masuk`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`\nKawan is running on http://localhost:${port} (database ${databasePath()})`);
  console.log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
  console.table(DEMO_LOGINS.map((l) => ({ peran: l.label, nip: l.nip, email: l.email })));
}
void announceWhenReady();
