import type { Inventory, Root, Source } from "@/lib/snapshot/schema";
import { SourceTable } from "@/lib/snapshot/source-table";
import { coveragePercent } from "./coverage-percent";
import { rootSources, type SourceList } from "./root-sources";
import { trustsStaleHash } from "./runs-old-code";
import { writableSummary, type WritableSummary } from "./writable-summary";

/**
 * Coverage as docs/architecture.md defines it: a source is `fresh` when the service's interpreter would load
 * the pyc where it looks (a trusted hash pyc of an edited source too: it is loaded, and runs old code),
 * `stale` when one exists but would be rejected, `missing` when there is none, `unreadable` when the service user cannot read
 * the source. `percent` is coveragePercent(fresh, sources).
 */
export type CoverageCounts = {
  sources: number;
  fresh: number;
  stale: number;
  missing: number;
  unreadable: number;
  percent: number | null;
};

export type RootCoverage = {
  path: string;
  kind: Root["kind"];
  exists: boolean;
  coverage: CoverageCounts;
  writable: WritableSummary;
};

/** `path` is the directory relative to its root ("" = the root itself). */
export type DirectoryCoverage = CoverageCounts & { path: string };

export type RootDirectories = { path: string; kind: Root["kind"]; dirs: DirectoryCoverage[] };

export type Coverage = {
  overall: CoverageCounts;
  writable: WritableSummary;
  /** Lean per-root rows (the public snapshot JSON embeds these). */
  roots: RootCoverage[];
  /** Per-directory counts, index-aligned with `roots`; sorted by path. */
  directories: RootDirectories[];
};

type Tally = Omit<CoverageCounts, "percent">;

const emptyTally = (): Tally => ({ sources: 0, fresh: 0, stale: 0, missing: 0, unreadable: 0 });

function withPercent(t: Tally): CoverageCounts {
  return { ...t, percent: coveragePercent(t.fresh, t.sources) };
}

function add(into: Tally, from: Tally): void {
  into.sources += from.sources;
  into.fresh += from.fresh;
  into.stale += from.stale;
  into.missing += from.missing;
  into.unreadable += from.unreadable;
}

/** Directory part of a root-relative source path ("pkg/a.py" → "pkg", "a.py" → ""). */
export function dirOf(relPath: string): string {
  const slash = relPath.lastIndexOf("/");
  return slash < 0 ? "" : relPath.slice(0, slash);
}

/** One root's counts, a source at a time. */
class RootTally {
  readonly byDir = new Map<string, Tally>();
  constructor(private readonly loadsStale: (source: Source) => boolean) {}

  /** Every source of the root: a packed table without making its sources (addTable), else one by one. */
  addAll(sources: SourceList): void {
    if (sources instanceof SourceTable) return this.addTable(sources);
    for (const source of sources) this.add(source);
  }

  private add(source: Source): void {
    const tally = this.tallyOf(dirOf(source.path));
    tally.sources++;
    tally[this.loadsStale(source) ? "fresh" : source.status]++;
  }

  /**
   * By directory id and status: an object is made only for a stale source, whose verdict needs its reason and
   * pyc kind (a hundred thousand objects cost more than the counting).
   */
  private addTable(table: SourceTable): void {
    const byId: Tally[] = [];
    for (let i = 0; i < table.length; i++) {
      const id = table.dirId(i);
      const tally = (byId[id] ??= this.tallyOf(table.dirPath(id)));
      tally.sources++;
      const status = table.status(i);
      tally[status === "stale" && this.loadsStale(table.at(i)) ? "fresh" : status]++;
    }
  }

  private tallyOf(dir: string): Tally {
    let tally = this.byDir.get(dir);
    if (!tally) this.byDir.set(dir, (tally = emptyTally()));
    return tally;
  }
}

/** A tally per root of `inventory` (index-aligned), for its interpreter's rules. */
function rootTallies(inventory: Inventory): RootTally[] {
  const loadsStale = trustsStaleHash(inventory.interpreter);
  return inventory.roots.map(() => new RootTally(loadsStale));
}

/** Overall, per-root and per-directory coverage in one pass over the sources (see SnapshotInput for sourceTables). */
export function coverageOf(inventory: Inventory, sourceTables?: readonly SourceTable[]): Coverage {
  const tallies = rootTallies(inventory);
  tallies.forEach((tally, index) => tally.addAll(rootSources(inventory, index, sourceTables)));
  return coverageOfTallies(inventory, tallies);
}

/** The coverage of an inventory whose sources went through `tallies` (see rootTallies). */
function coverageOfTallies(inventory: Inventory, tallies: readonly RootTally[]): Coverage {
  const overall = emptyTally();
  const roots: RootCoverage[] = [];
  const directories: RootDirectories[] = [];
  for (const [index, root] of inventory.roots.entries()) {
    const { byDir } = tallies[index]!;
    const total = emptyTally();
    for (const tally of byDir.values()) add(total, tally);
    add(overall, total);
    roots.push({
      path: root.path,
      kind: root.kind,
      exists: root.exists,
      coverage: withPercent(total),
      writable: writableSummary([root]),
    });
    const dirs = [...byDir].map(([path, tally]) => ({ path, ...withPercent(tally) }));
    dirs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    directories.push({ path: root.path, kind: root.kind, dirs });
  }
  return { overall: withPercent(overall), writable: writableSummary(inventory.roots), roots, directories };
}
