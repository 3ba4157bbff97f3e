import { SEVERITIES, type Finding, type SnapshotInput } from "../types";
import { appRootUnreadable } from "./app-root-unreadable";
import { bytecodeWritingDisabled } from "./bytecode-writing-disabled";
import { foreignCacheTag } from "./foreign-cache-tag";
import { interpreterUntrusted } from "./interpreter-untrusted";
import { optimizeLevelMismatch } from "./optimize-level-mismatch";
import { orphanBytecode } from "./orphan-bytecode";
import { pycacheNotWritable } from "./pycache-not-writable";
import { pycacheOwnedByOtherUser } from "./pycache-owned-by-other-user";
import { pycachePrefixNotWritable } from "./pycache-prefix-not-writable";
import { pycachePrefixVolatile } from "./pycache-prefix-volatile";
import { readOnlySandbox } from "./read-only-sandbox";
import { restartPending } from "./restart-pending";
import type { Rule } from "./rule";
import { sourceDirUnreadable } from "./source-dir-unreadable";
import { sourcelessBytecode } from "./sourceless-bytecode";
import { staleBytecode } from "./stale-bytecode";
import { factsOf } from "./support/facts";
import { truncatedScan } from "./truncated-scan";
import { uncheckedHashStale } from "./unchecked-hash-stale";
import { worldWritablePycache } from "./world-writable-pycache";

/**
 * Every rule; see README.md for which rule owns which situation. In short, a source directory whose
 * modules are compiled at every start is reported by exactly one of (first match wins):
 * bytecode-writing-disabled > read-only-sandbox > pycache-prefix-not-writable >
 * pycache-owned-by-other-user > pycache-not-writable; unlistable directories go to source-dir-unreadable,
 * and stale-bytecode only counts the directories none of them owns.
 */
export const RULES: readonly Rule[] = [
  appRootUnreadable,
  bytecodeWritingDisabled,
  foreignCacheTag,
  interpreterUntrusted,
  optimizeLevelMismatch,
  orphanBytecode,
  pycacheNotWritable,
  pycacheOwnedByOtherUser,
  pycachePrefixNotWritable,
  pycachePrefixVolatile,
  readOnlySandbox,
  restartPending,
  sourceDirUnreadable,
  sourcelessBytecode,
  staleBytecode,
  truncatedScan,
  uncheckedHashStale,
  worldWritablePycache,
];

/** Compares findings: most severe first, then by id, so reports and exports are stable. */
export function byFindingOrder(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Runs every rule on one snapshot. */
export function diagnose(snapshot: SnapshotInput): Finding[] {
  const facts = factsOf(snapshot);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const finding = rule.check(facts);
    if (finding) findings.push(finding);
  }
  return findings.sort(byFindingOrder);
}
