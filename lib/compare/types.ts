import type { ImpactSection } from "./impact-section";
import type { Inventory, Root, Source } from "@/lib/snapshot/schema";
import type { CoverageCounts } from "@/lib/analysis/coverage";
import type { Finding } from "@/lib/analysis/types";
import type { Verdict } from "@/lib/analysis/verdict";

export type ComparisonSide = {
  id: string;
  host: string;
  takenAt: string;
  hostname: string;
  user: string;
  unit: string | null;
  interpreterVersion: string | null;
  truncated: boolean;
  /** The side's answer in one sentence, as its snapshot page gives it. */
  verdict: Verdict;
};

/** Roots lined up across the two sides; a side is null when it has no counterpart. */
export type RootPair = { index: number; kind: Root["kind"]; label: string; left: string | null; right: string | null };

export type MetricRow = { key: string; label: string; left: number | null; right: number | null; delta: number | null };

export type FieldStatus = "same" | "changed" | "only-left" | "only-right";
/** `mapped`: the raw values differ only by the roots' locations (e.g. /home/me/app vs /opt/app). */
export type FieldRow = { key: string; left: string | null; right: string | null; status: FieldStatus; mapped: boolean };

export type PermissionSide = { path: string; perm: string; readable: boolean | null; bytecode: string | null };
export type PermissionRow = {
  pair: number;
  scope: "ancestor" | "directory";
  /** Directory relative to the root, or "..", "../.." for the ancestors counted up from the root. */
  key: string;
  left: PermissionSide | null;
  right: PermissionSide | null;
  changed: string[];
};

export type DirectoryRow = { pair: number; path: string; left: CoverageCounts | null; right: CoverageCounts | null };

export type FileSide = { status: Source["status"]; reason: Source["reason"]; pyc: Source["pyc"] };
export type FileRow = { pair: number; root: string; path: string; left: FileSide | null; right: FileSide | null };

/** Long lists are cut at `limit` rows; `total` is the full count, equal to `differences`. */
export type BoundedSection<T> = { rows: T[]; total: number; limit: number; differences: number };

export type Package = Inventory["packages"][number];

export type PackageChange = { name: string; left: string; right: string };

export type Comparison = {
  left: ComparisonSide;
  right: ComparisonSide;
  rootPairs: RootPair[];
  headline: { rows: MetricRow[]; differences: number };
  interpreter: { rows: FieldRow[]; differences: number };
  service: { rows: FieldRow[]; differences: number };
  permissions: BoundedSection<PermissionRow>;
  directories: BoundedSection<DirectoryRow>;
  files: BoundedSection<FileRow>;
  packages: { added: Package[]; removed: Package[]; changed: PackageChange[]; differences: number };
  findings: {
    onlyLeft: Finding[];
    onlyRight: Finding[];
    both: { id: string; left: Finding; right: Finding }[];
    differences: number;
  };
  /** What the blocked modules cost on each side, and the right side's fixes by predicted saving. */
  impact: ImpactSection;
};

export const ROW_LIMIT = 1000;

/** Collects rows up to a limit while counting them all. */
export function boundedCollector<T>(limit = ROW_LIMIT) {
  const section: BoundedSection<T> = { rows: [], total: 0, limit, differences: 0 };
  return {
    section,
    push(row: T) {
      section.total++;
      section.differences++;
      if (section.rows.length < limit) section.rows.push(row);
    },
    /** Whether a row pushed now would only be counted: then it need not be made. */
    full: () => section.rows.length >= limit,
    /** Counts a row that is not kept. */
    count() {
      section.total++;
      section.differences++;
    },
  };
}

export type BoundedCollector<T> = ReturnType<typeof boundedCollector<T>>;
