// Builds the dashboard when there is no build yet or a source file is newer than it.
// Shared by `npm start` and the e2e harness so both serve what the tree says.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
  "tsconfig.json",
];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

export function ensureBuilt(root = process.cwd()) {
  if (!fs.existsSync(path.join(root, "lib/db/generated/client.ts"))) run("sh", ["scripts/prisma-generate.sh"], root);
  const stamp = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  const newest = Math.max(...INPUTS.map((input) => newestMtime(path.join(root, input))));
  if (built >= newest) return false;
  run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], root);
  return true;
}
