import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { directoryRows } from "./directory-rows";
import { fieldRows } from "./field-rows";
import { fileRows } from "./file-rows";
import { findingDiff } from "./finding-diff";
import { headlineRows, type SideFigures } from "./headline-rows";
import { impactSection } from "./impact-section";
import { interpreterEntries } from "./interpreter-rows";
import { packageDiff } from "./package-diff";
import { rootMapper } from "./path-mapping";
import { permissionRows } from "./permission-rows";
import { pairRoots } from "./root-pairs";
import { serviceEntries } from "./service-rows";
import { ROW_LIMIT, type BoundedSection, type Comparison, type ComparisonSide, type FileRow } from "./types";
import type { Root } from "@/lib/snapshot/schema";
import { rootSources } from "@/lib/analysis/root-sources";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import type { Finding, SnapshotInput } from "@/lib/analysis/types";
import { verdictOf } from "@/lib/analysis/verdict";

export type * from "./types";

export type CompareOptions = { rowLimit?: number };

function sideOf(s: SnapshotInput, findings: Finding[]): ComparisonSide {
  const { inventory } = s;
  const startup = inventory.startup ? startupCountsOf(inventory.startup) : null;
  return {
    id: s.id,
    host: s.host,
    takenAt: s.takenAt,
    hostname: inventory.hostname,
    user: inventory.service.identity.user,
    unit: inventory.service.unit,
    interpreterVersion: inventory.interpreter?.version ?? null,
    truncated: inventory.truncated !== null,
    verdict: verdictOf({ findings, startup, measured: s.measurements?.startup ?? null }),
  };
}

const figures = (input: SnapshotInput): SideFigures => ({
  input,
  coverage: coverageOf(input.inventory, input.sourceTables),
  findings: input.findings ?? diagnose(input),
});

/**
 * Two hosts, or one host at two times, section by section; each section carries a `differences`
 * count so a UI can say "no differences". Files and directories are aligned by their path relative to
 * paired roots (app with app, site-packages with site-packages), so /home/me/app ↔ /opt/app lines up.
 * Permission, directory and file rows stop at `rowLimit` (default 1,000) while `total` counts them all.
 * (Stored snapshots are compared without holding their sources: lib/compare/compare-stored.ts.)
 */
export function compare(left: SnapshotInput, right: SnapshotInput, options: CompareOptions = {}): Comparison {
  const limit = options.rowLimit ?? ROW_LIMIT;
  const { pairs, roots } = pairRoots(left.inventory.roots, right.inventory.roots);
  // Sources are read through rootSources(): a side loaded packed keeps them in SourceTables.
  const sourcesOf = ({ inventory, sourceTables }: SnapshotInput, root: Root | null) =>
    root ? rootSources(inventory, inventory.roots.indexOf(root), sourceTables) : null;
  const files = fileRows(
    pairs,
    roots.map(([lr, rr]) => [sourcesOf(left, lr), sourcesOf(right, rr)]),
    limit,
  );
  return comparisonOf(figures(left), figures(right), files, limit);
}

/** The comparison of two sides whose coverage, findings and file rows are known. */
export function comparisonOf(
  l: SideFigures,
  r: SideFigures,
  files: BoundedSection<FileRow>,
  limit = ROW_LIMIT,
): Comparison {
  const [left, right] = [l.input, r.input];
  const findings = findingDiff(l.findings, r.findings);
  const { pairs, roots } = pairRoots(left.inventory.roots, right.inventory.roots);
  const mapLeft = rootMapper(pairs, "left");
  const mapRight = rootMapper(pairs, "right");
  // coverage.directories is index-aligned with inventory.roots.
  const dirsOf = (c: SideFigures, root: Root | null) =>
    root ? (c.coverage.directories[c.input.inventory.roots.indexOf(root)] ?? null) : null;
  return {
    left: sideOf(left, l.findings),
    right: sideOf(right, r.findings),
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
    files,
    packages: packageDiff(left.inventory.packages, right.inventory.packages),
    findings,
    impact: impactSection(left, right, findings.onlyRight),
  };
}
