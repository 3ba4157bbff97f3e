import type { AnsibleRun, AnsibleSetup } from "../ansible";
import type { BenchOptions } from "../bench-options";
import type { CliData } from "../cli/cli-figures-data";
import type { CompareFigures, SnapshotFigures } from "../e2e/worker-protocol";
import type { FloorRun } from "../floor";
import type { MachineInfo } from "../machine-info";
import type { Revision } from "../revision";
import type { LoadOutcome } from "../load/load-data";
import type { Profiles } from "../profile/profiles";
import type { RenderOutcome } from "../render/render-data";
import type { RssOutcome } from "../rss/app-rss";
import type { Tree } from "../tree/build-tree";
import type { LargeTree } from "../phases/cli-phase";

/** Everything one bench run measured; figures and reports are derived from it. */
export type BenchData = {
  options: BenchOptions;
  date: string;
  /** How to reproduce this run. */
  command: string;
  machine: MachineInfo;
  /** Taken when the timed runs started. */
  revision: Revision;
  tree: Tree;
  treeB: Tree | null;
  warmup: { e2eMs: number; floorMs: number };
  e2e: SnapshotFigures[];
  floor: FloorRun[];
  floorCommand: string;
  ansible: AnsibleSetup;
  ansibleCommand: string;
  ansibleRuns: AnsibleRun[];
  resnapshot: SnapshotFigures | null;
  compare: CompareFigures | null;
  rss: RssOutcome;
  linearity: Linearity | null;
  profiles: Profiles | null;
  closure: ClosureRun | null;
  /** Issue 12 through the CLI users run; null when not run. */
  cli: CliData | null;
  /** Issue 9's load run. */
  load: LoadOutcome | null;
  /** Issue 10: the snapshot page of tree a in Chromium. */
  render: RenderOutcome | null;
};

/** One local collection of a service whose startup closure has 10,000 modules. */
export type ClosureRun = { modules: number; ms: number; boundMs: number; truncated: boolean };

/** --million: the same end-to-end snapshot of 1,000,000 empty sources, alternating with one of the base size's. */
export type Linearity = {
  tree: LargeTree;
  baseTree: LargeTree;
  warmupMs: number;
  large: SnapshotFigures[];
  base: SnapshotFigures[];
};

export type FigureId =
  | "e2e-vs-floor"
  | "vs-ansible"
  | "dashboard-rss"
  | "store-first"
  | "store-resnapshot"
  | "compare"
  | "linearity"
  | "startup-closure"
  | "cli-collect-vs-floor"
  | "cli-rss"
  | "cli-rss-growth"
  | "cli-rss-large"
  | "cli-version"
  | "cli-compare-large"
  | "dashboard-compare-rss"
  | "event-loop-compare"
  | "load"
  | "load-latency"
  | "load-event-loop"
  | "render-table"
  | "render-search";

export type Figure = {
  id: FigureId;
  title: string;
  goal: string;
  status: "met" | "missed" | "skipped";
  /** Human-readable, e.g. "4.21 s (floor 1.02 s)". */
  measured: string;
  /** The figure's ratio: against the floor, Ansible's speed-up, or measured ÷ limit. */
  ratio: number | null;
  ratioText: string;
  /** When missed: by how much, in words. */
  missedBy: string | null;
  /** Why it was not measured. */
  reason: string | null;
  /** Raw numbers (ms, bytes), medians and every run. */
  values: Record<string, number | number[] | null>;
};
