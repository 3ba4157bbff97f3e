import { SEVERITIES, type Finding, type SnapshotInput } from "../types";
import { impactOf } from "../impact/impact-of";
import { predictFix } from "../impact/predict-fix";
import { appRootUnreadable } from "./app-root-unreadable";
import { autoreloadInProduction } from "./autoreload-in-production";
import { bytecodeWritingDisabled } from "./bytecode-writing-disabled";
import { foreignCacheTag } from "./foreign-cache-tag";
import { gunicornPreloadOff } from "./gunicorn-preload-off";
import { gunicornWorkersAboveCores } from "./gunicorn-workers-above-cores";
import { interpreterUntrusted } from "./interpreter-untrusted";
import { maxRequestsRecompile } from "./max-requests-recompile";
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
import { inContainerTerms } from "./support/container-fix";
import { factsOf } from "./support/facts";
import { truncatedScan } from "./truncated-scan";
import { uncheckedHashStale } from "./unchecked-hash-stale";
import { uwsgiLazyApps } from "./uwsgi-lazy-apps";
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
  autoreloadInProduction,
  bytecodeWritingDisabled,
  foreignCacheTag,
  gunicornPreloadOff,
  gunicornWorkersAboveCores,
  interpreterUntrusted,
  maxRequestsRecompile,
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
  uwsgiLazyApps,
  worldWritablePycache,
];

/** Compares findings: most severe first, then by id, so reports and exports are stable. */
export function byFindingOrder(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Runs every rule on one snapshot; each fix step states what applying the fix is predicted to leave. */
export function diagnose(snapshot: SnapshotInput): Finding[] {
  const facts = factsOf(snapshot);
  const impact = impactOf(snapshot.inventory, snapshot.measurements);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const checked = rule.check(facts);
    const finding = checked && inContainerTerms(checked, facts);
    if (!finding) continue;
    const predicted = predictFix(finding, facts, impact);
    findings.push({ ...finding, fix: finding.fix.map((step) => ({ ...step, predicted })) });
  }
  return findings.sort(byFindingOrder);
}
