// Builds the dashboard when there is no build yet or a source file is newer than it.
// Shared by `npm start` and the e2e harness so both serve what the tree says.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

function isFresh(root) {
  const stamp = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  return built >= Math.max(...INPUTS.map((input) => newestMtime(path.join(root, input))));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/**
 * A directory lock (mkdir is atomic; a lock whose owner died is taken over). Several processes may want
 * the build at once: CI starts one in the background while the tests that need it may already run.
 * Two `next build`s into one .next would spoil each other, so the second waits and reuses the first.
 */
function withBuildLock(root, body) {
  const dir = path.join(root, ".next-build.lock");
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const owner = Number(fs.existsSync(path.join(dir, "pid")) ? fs.readFileSync(path.join(dir, "pid"), "utf8") : 0);
    if (owner > 0 && !alive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${dir} (held by pid ${owner})`);
    Atomics.wait(nap, 0, 0, 500);
  }
  try {
    return body();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function ensureBuilt(root = process.cwd()) {
  if (!fs.existsSync(path.join(root, "lib/db/generated/client.ts"))) run("sh", ["scripts/prisma-generate.sh"], root);
  if (isFresh(root)) return false;
  return withBuildLock(root, () => {
    // Built by whoever held the lock meanwhile.
    if (isFresh(root)) return false;
    run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], root);
    return true;
  });
}

// `node scripts/ensure-built.mjs`: .ci/run builds in the background this way, ahead of the tests.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  ensureBuilt(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
}
