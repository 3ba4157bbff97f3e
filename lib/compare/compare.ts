import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { directoryRows } from "./directory-rows";
import { fieldRows } from "./field-rows";
import { fileRows } from "./file-rows";
import { findingDiff } from "./finding-diff";
import { headlineRows, type SideFigures } from "./headline-rows";
import { interpreterEntries } from "./interpreter-rows";
import { packageDiff } from "./package-diff";
import { rootMapper } from "./path-mapping";
import { permissionRows } from "./permission-rows";
import { pairRoots } from "./root-pairs";
import { serviceEntries } from "./service-rows";
import { ROW_LIMIT, type Comparison, type ComparisonSide } from "./types";
import type { Root } from "@/lib/snapshot/schema";
import type { SnapshotInput } from "@/lib/analysis/types";

export type * from "./types";

export type CompareOptions = { rowLimit?: number };

function sideOf(s: SnapshotInput): ComparisonSide {
  const { inventory } = s;
  return {
    id: s.id,
    host: s.host,
    takenAt: s.takenAt,
    hostname: inventory.hostname,
    user: inventory.service.identity.user,
    unit: inventory.service.unit,
    interpreterVersion: inventory.interpreter?.version ?? null,
    truncated: inventory.truncated !== null,
  };
}

const figures = (input: SnapshotInput): SideFigures => ({
  input,
  coverage: coverageOf(input.inventory),
  findings: diagnose(input),
});

/**
 * Two hosts, or one host at two times, section by section; each section carries a `differences`
 * count so a UI can say "no differences". Files and directories are aligned by their path relative to
 * paired roots (app with app, site-packages with site-packages), so /home/me/app ↔ /opt/app lines up.
 * Permission, directory and file rows stop at `rowLimit` (default 1,000) while `total` counts them all.
 */
export function compare(left: SnapshotInput, right: SnapshotInput, options: CompareOptions = {}): Comparison {
  const limit = options.rowLimit ?? ROW_LIMIT;
  const l = figures(left);
  const r = figures(right);
  const { pairs, roots } = pairRoots(left.inventory.roots, right.inventory.roots);
  const mapLeft = rootMapper(pairs, "left");
  const mapRight = rootMapper(pairs, "right");
  // coverage.directories is index-aligned with inventory.roots.
  const dirsOf = (c: SideFigures, root: Root | null) =>
    root ? (c.coverage.directories[c.input.inventory.roots.indexOf(root)] ?? null) : null;
  return {
    left: sideOf(left),
    right: sideOf(right),
    rootPairs: pairs,
    headline: headlineRows(l, r),
    interpreter: fieldRows(
      interpreterEntries(left.inventory.interpreter, right.inventory.interpreter),
      mapLeft,
      mapRight,
    ),
    service: fieldRows(serviceEntries(left.inventory.service, right.inventory.service), mapLeft, mapRight),
    permissions: permissionRows(roots, limit),
    directories: directoryRows(
      roots.map(([lr, rr]) => [dirsOf(l, lr), dirsOf(r, rr)]),
      limit,
    ),
    files: fileRows(pairs, roots, limit),
    packages: packageDiff(left.inventory.packages, right.inventory.packages),
    findings: findingDiff(l.findings, r.findings),
  };
}
