import { diagnose } from "@/lib/analysis/diagnostics";
import { sourceCode } from "@/lib/snapshot/source-codes";
import { directoryRows } from "./directory-rows";
import { countingColumns, DirectoryTally, overallOf } from "./directory-tally";
import { fieldRows } from "./field-rows";
import { fileRows } from "./file-rows";
import { findingDiff } from "./finding-diff";
import { headlineRows, type SideFigures } from "./headline-rows";
import { impactSection } from "./impact-section";
import { interpreterEntries } from "./interpreter-rows";
import { packageDiff } from "./package-diff";
import { rootMapper } from "./path-mapping";
import { commonDirectories, permissionRows } from "./permission-rows";
import { pairRoots } from "./root-pairs";
import { serviceEntries } from "./service-rows";
import {
  ROW_LIMIT,
  type BoundedSection,
  type Comparison,
  type ComparisonSide,
  type DirectoryRow,
  type FileRow,
  type PermissionRow,
} from "./types";
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

/** Each root's sources counted per directory (index-aligned with the roots). */
function talliesOf(input: SnapshotInput): DirectoryTally[] {
  const { inventory, sourceTables } = input;
  const columns = countingColumns(inventory.interpreter);
  return inventory.roots.map((_, index) => {
    const tally = new DirectoryTally(columns);
    for (const s of rootSources(inventory, index, sourceTables))
      tally.add(s.path, sourceCode(s.status, s.reason, s.pyc));
    return tally;
  });
}

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
  const [lt, rt] = [talliesOf(left), talliesOf(right)];
  const tallyOf = (input: SnapshotInput, tallies: DirectoryTally[], root: Root | null) =>
    root ? (tallies[input.inventory.roots.indexOf(root)] ?? null) : null;
  const figures = (input: SnapshotInput, tallies: DirectoryTally[]): SideFigures => ({
    input,
    overall: overallOf(tallies),
    findings: input.findings ?? diagnose(input),
  });
  return comparisonOf(figures(left, lt), figures(right, rt), {
    files,
    permissions: permissionRows(roots, (_, l, r) => commonDirectories(l, r), limit),
    directories: directoryRows(
      roots.map(([lr, rr]) => [tallyOf(left, lt, lr), tallyOf(right, rt, rr)]),
      limit,
    ),
  });
}

/** The row sections of a comparison, each cut at the row limit. */
export type RowSections = {
  files: BoundedSection<FileRow>;
  permissions: BoundedSection<PermissionRow>;
  directories: BoundedSection<DirectoryRow>;
};

/** The comparison of two sides whose overall coverage, findings and row sections are known. */
export function comparisonOf(l: SideFigures, r: SideFigures, sections: RowSections): Comparison {
  const [left, right] = [l.input, r.input];
  const findings = findingDiff(l.findings, r.findings);
  const { pairs } = pairRoots(left.inventory.roots, right.inventory.roots);
  const mapLeft = rootMapper(pairs, "left");
  const mapRight = rootMapper(pairs, "right");
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
    permissions: sections.permissions,
    directories: sections.directories,
    files: sections.files,
    packages: packageDiff(left.inventory.packages, right.inventory.packages),
    findings,
    impact: impactSection(left, right, findings.onlyRight),
  };
}
