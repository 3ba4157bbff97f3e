import type { MemoryFigures } from "../profile/heap-profiled";

/** What the parent asks a snapshot worker to do, and what it answers (as JSON files). */

export type BenchTarget = { host: string; port: number; user: string; privateKeyPath: string; fingerprint: string };

export type WorkerJob = {
  databaseFile: string;
  resultFile: string;
  target: BenchTarget;
  /** The interpreter named as the service's python: a venv of the one that compiled the tree. */
  python: string;
  rootA: string;
  /** Store bytes of an identical second snapshot of rootA. */
  resnapshot: boolean;
  /** Collect this second tree too and time compare() of the two snapshots `compareRuns` times. */
  rootB: string | null;
  compareRuns: number;
  /** Write a V8 CPU profile of the first collection (only) to this file. */
  cpuProfileFile?: string | null;
  /** Write a V8 sampling heap profile of the first collection (only) to this file, and sample its memory. */
  heapProfileFile?: string | null;
  /** Write a V8 CPU profile of one extra compare() run to this file. */
  compareProfileFile?: string | null;
};

export type StoreDelta = {
  /** Compressed bytes of blobs the snapshot added (0 when its inventory was already stored). */
  blobBytes: number;
  blobsAdded: number;
  /** Every column of the new snapshot row, as SQLite measures length(). */
  rowBytes: number;
  /** Growth of the database file after a WAL checkpoint (page-granular). */
  fileBytes: number;
};

export type RootCounts = { path: string; kind: string; sources: number; fresh: number; stale: number; missing: number };

/**
 * When the collector's progress events arrived (ms since collectHost was called): the first comes once
 * SSH is up and collect.py started; after the last one only the result's transfer, validation and
 * storing remain.
 */
export type SnapshotTimeline = {
  firstProgressMs: number | null;
  lastProgressMs: number | null;
  progressEvents: number;
};

export type SnapshotFigures = {
  ms: number;
  timeline: SnapshotTimeline;
  ok: boolean;
  code: string | null;
  message: string | null;
  sources: number;
  fresh: number;
  stale: number;
  missing: number;
  truncated: boolean;
  /** Coverage per scanned root (app root, and the interpreter's site-packages). */
  roots: RootCounts[];
  /** The collector's own run time on the target, from the snapshot's measurements. */
  collectorMs: number | null;
  /** Uncompressed canonical inventory JSON. */
  rawBlobBytes: number | null;
  store: StoreDelta;
  /** VmHWM of the bench process before and after the snapshot (no profiler attached unless asked). */
  peakRss: { before: number; after: number };
  /** Only when a heap profile was asked for. */
  memory: MemoryFigures | null;
};

export type CompareFigures = {
  loadMs: number;
  compareMs: number[];
  sources: [number, number];
  fileDifferences: number;
};

export type WorkerResult = {
  first: SnapshotFigures;
  again: SnapshotFigures | null;
  compare: CompareFigures | null;
};
