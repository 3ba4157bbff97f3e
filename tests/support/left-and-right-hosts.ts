import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Two saved local hosts, "left" and "right", whose app roots (`cached` and `uncached` under `parent`) hold the
 * same files, compiled on the left only, collected in this process (DATABASE_URL names the test's database):
 * their comparison lists every file, so an export or the CLI shows each name.
 */
export async function collectLeftAndRight(parent: string, fileNames: readonly string[]): Promise<void> {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const [cached, uncached] = [path.join(parent, "cached"), path.join(parent, "uncached")];
  for (const dir of [cached, uncached]) {
    fs.mkdirSync(dir);
    for (const name of fileNames) fs.writeFileSync(path.join(dir, name), "X = 1\n");
  }
  execFileSync("python3", ["-m", "compileall", "-q", cached]);
  for (const [name, dir] of [
    ["left", cached],
    ["right", uncached],
  ] as const) {
    const result = await collectHost(
      await createHost({ transport: "local", name, appRoots: [dir], measureStartup: false }),
    );
    if (!result.ok) throw new Error(`collecting ${name} failed: ${result.message ?? ""}`);
  }
}
