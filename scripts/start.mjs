// npm start: build if needed, then serve. Migrations run inside the server at start (instrumentation.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt } from "./ensure-built.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
ensureBuilt(root);
const port = process.env.PORT ?? "3000";
// Loopback by default: the dashboard holds SSH credentials. DEPLOYLENS_BIND=0.0.0.0 exposes it deliberately.
const hostname = process.env.DEPLOYLENS_BIND ?? "127.0.0.1";
const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", port, "-H", hostname], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
