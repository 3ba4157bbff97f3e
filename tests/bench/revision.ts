import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Which code was measured: the commit, and how many files under lib/ and app/ differed from it. */
export type Revision = { commit: string; uncommittedFiles: number };

export function revision(): Revision {
  const git = (args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout ?? "";
  const commit = git(["rev-parse", "--short", "HEAD"]).trim() || "unknown";
  const uncommittedFiles = git(["status", "--porcelain", "--", "lib", "app"]).split("\n").filter(Boolean).length;
  return { commit, uncommittedFiles };
}
