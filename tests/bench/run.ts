// npm run bench — see tests/bench/RESULTS.md. `npm run bench -- --help` lists the options.
// Lib modules import "server-only", which resolves to its empty module only under the "react-server"
// condition (as inside Next's server): without it, this file re-runs itself with it, like bin/deploylens.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseBenchOptions } from "./bench-options";
import { hasReactServerCondition, tsxNodeArgs } from "./tsx-node-args";

const ROOT = path.resolve(import.meta.dirname, "../..");

if (!hasReactServerCondition()) {
  const result = spawnSync(process.execPath, [...tsxNodeArgs(), import.meta.filename, ...process.argv.slice(2)], {
    stdio: "inherit",
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") },
  });
  process.exit(result.status ?? 1);
}

/** How to reproduce a run, without where it wrote its results. */
const commandLine = (args: string[]) =>
  `npm run bench -- ${args.filter((arg, i) => arg !== "--out" && args[i - 1] !== "--out").join(" ")}`;

let options;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
try {
  if (options.only === "retention") await (await import("./retention/retention-bench")).retentionBench(options);
  else if (options.only === "cli") await (await import("./cli/cli-only-bench")).cliOnlyBench(options);
  else if (options.only === "compare")
    await (await import("./partial/compare-only")).compareOnly(options, commandLine(process.argv.slice(2)));
  else if (options.only === "load")
    await (await import("./partial/load-only")).loadOnly(options, commandLine(process.argv.slice(2)));
  else if (options.only === "render") await (await import("./render/render-only-bench")).renderOnlyBench(options);
  else if (options.only === "fleet") await (await import("./fleet/fleet-bench")).fleetBench(options);
  else await (await import("./bench-main")).benchMain(options);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
