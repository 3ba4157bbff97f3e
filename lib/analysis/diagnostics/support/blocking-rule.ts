import type { Writability } from "@/lib/snapshot/schema";
import type { DirFact, Facts } from "./facts";
import { isUnder } from "./join-path";

/** The rules that can own a directory whose bytecode the service cannot write. */
export type BlockingRuleId =
  | "bytecode-writing-disabled"
  | "read-only-sandbox"
  | "pycache-prefix-not-writable"
  | "pycache-owned-by-other-user"
  | "pycache-not-writable";

const SANDBOX: ReadonlySet<Writability["cause"]> = new Set([
  "protect-system",
  "protect-home",
  "read-only-paths",
  "dynamic-user",
  "read-only-mount",
]);

type Context = Pick<Facts, "writingDisabled" | "prefix" | "service">;

/**
 * Which single rule explains a directory where modules are compiled at every start. Precedence
 * (first match wins, so one directory is never reported twice):
 *   1. bytecode-writing-disabled — the importer does not even try to write;
 *   2. read-only-sandbox — systemd or a read-only mount refuses the write whatever the owner;
 *   3. pycache-prefix-not-writable — the location is under PYTHONPYCACHEPREFIX;
 *   4. pycache-owned-by-other-user — an existing __pycache__ owned by someone else inside a
 *      directory the service user owns (a leftover of a run as another user), or a sticky one;
 *   5. pycache-not-writable — everything else (typically a tree owned by root or a deploy user).
 * Directories whose sources the service cannot list are left to source-dir-unreadable.
 */
export function blockingRuleFor(fact: DirFact, ctx: Context): BlockingRuleId | null {
  const bytecode = fact.dir?.bytecode;
  if (!fact.dir || !bytecode || fact.recompiled === 0 || !fact.dir.readable) return null;
  if (ctx.writingDisabled) return "bytecode-writing-disabled";
  if (bytecode.access.writable) return null;
  if (SANDBOX.has(bytecode.access.cause)) return "read-only-sandbox";
  if (ctx.prefix && isUnder(bytecode.path, ctx.prefix)) return "pycache-prefix-not-writable";
  const uid = ctx.service.identity.uid;
  if (bytecode.access.cause === "sticky") return "pycache-owned-by-other-user";
  const leftover =
    bytecode.exists &&
    bytecode.access.cause === "no-write" &&
    bytecode.nearest.uid !== uid &&
    fact.dir.perm.uid === uid;
  return leftover ? "pycache-owned-by-other-user" : "pycache-not-writable";
}
