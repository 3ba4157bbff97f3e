// npm start: build if needed, then serve. Migrations run inside the server at start (instrumentation.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { ensureBuilt } from "./ensure-built.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
ensureBuilt(root);
const port = process.env.PORT ?? "3000";
// Loopback by default: the dashboard holds SSH credentials. DEPLOYLENS_BIND=0.0.0.0 exposes it deliberately.
const hostname = process.env.DEPLOYLENS_BIND ?? "127.0.0.1";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// Its output goes through the filter below, so it no longer sees a terminal: keep its colours when we have one.
if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= "1";
const server = spawn(
  process.execPath,
  [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port, "-H", hostname],
  { cwd: root, stdio: ["inherit", "pipe", "inherit"], env },
);

// Given a host, Next prints it twice, as "Local:" and as "Network:"; the second line says nothing new.
const plain = (line) => line.replace(/\x1b\[[0-9;]*m/g, "");
let localUrl = null;
readline.createInterface({ input: server.stdout, crlfDelay: Infinity }).on("line", (line) => {
  const [, label, url] = /^- (Local|Network):\s+(\S+)/.exec(plain(line)) ?? [];
  if (label === "Local") localUrl = url;
  if (label === "Network" && url === localUrl) return;
  process.stdout.write(`${line}\n`);
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("close", (code) => process.exit(code ?? 0));
