import "server-only";
import type { SnapshotView } from "@/lib/analysis/snapshot-view";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { readBlob, type SnapshotRow } from "@/lib/db/queries/snapshots";
import { decodeView } from "@/lib/db/snapshot-columns";
import { oneTurn } from "@/lib/event-loop-turns";
import type { Inventory } from "@/lib/snapshot/schema";
import { StoredRecordReader, type DirectorySink } from "@/lib/snapshot/stored-record-reader";
import { alignRecords } from "./align-records";
import { compare, comparisonOf, type CompareOptions } from "./compare";
import { directoryRows } from "./directory-rows";
import { countingColumns, DirectoryTally, overallOf } from "./directory-tally";
import { PairFileRows } from "./pair-file-rows";
import { permissionRows } from "./permission-rows";
import { pairRoots } from "./root-pairs";
import { DirectoryJoin } from "./stored-directories";
import { ROW_LIMIT, boundedCollector, type Comparison, type FileRow } from "./types";

/** A stored side read in one pass: its view (roots, interpreter, findings), its blob's reader, what it gathers. */
type StoredSide = {
  row: SnapshotRow;
  view: SnapshotView;
  reader: StoredRecordReader;
  tallies: DirectoryTally[];
};

/**
 * compare() of two stored snapshots, each blob read once as it inflates and its sources never held: the view
 * stored with each row names the roots (so they are paired before a line is read) and holds the findings (the
 * rules do not run again); each pair of roots is matched by path from both blobs at once (alignRecords), every
 * source counted per directory on the way (DirectoryTally); the directory records of paired roots are kept as
 * text, and the head (the inventory without its per-file arrays) comes last. Rows stored before views, and blobs
 * of format 1, are compared as before, their sources packed in memory.
 */
export async function compareStored(
  left: SnapshotRow,
  right: SnapshotRow,
  options: CompareOptions = {},
): Promise<Comparison> {
  const limit = options.rowLimit ?? ROW_LIMIT;
  const pause = Math.max(left.sources, right.sources) >= LARGE_SIDE_SOURCES ? oneTurn : null;
  if (pause) await pause();
  const lv = decodeView(left.view);
  if (pause) await pause();
  const rv = decodeView(right.view);
  if (!lv || !rv) return compareDecoded(left, right, options);
  const [lRoots, rRoots] = [lv.coverage.roots, rv.coverage.roots];
  const { pairs, roots } = pairRoots(lRoots, rRoots);
  // Each pair as root indices, -1 for a side without one.
  const indices = roots.map(([lr, rr]) => [lr ? lRoots.indexOf(lr) : -1, rr ? rRoots.indexOf(rr) : -1] as const);
  // The directories of roots paired on both sides are joined for their permissions as they are read.
  const joins = indices.map(([li, ri]) => (li >= 0 && ri >= 0 ? new DirectoryJoin() : null));
  const sink = (side: 0 | 1) => {
    const byRoot = new Map(
      joins.flatMap((join, pair) => (join ? [[indices[pair]![side], join[side ? "right" : "left"]]] : [])),
    );
    return (root: number, item: string) => byRoot.get(root)?.(item);
  };
  const readLeft = () => storedSide(left, lv, sink(0));
  const readRight = () => storedSide(right, rv, sink(1));
  // A large comparison reads one blob after the other: both in one go would hold the event loop twice as long.
  const [l, r] = pause
    ? [await pause().then(readLeft), await pause().then(readRight)]
    : await Promise.all([readLeft(), readRight()]);
  if (!l || !r) return compareDecoded(left, right, options);
  const files = boundedCollector<FileRow>(limit);
  for (const [pair, [li, ri]] of indices.entries())
    await alignRecords(
      li < 0 ? null : l.reader.root(li),
      ri < 0 ? null : r.reader.root(ri),
      [l.tallies[li] ?? null, r.tallies[ri] ?? null],
      new PairFileRows(files, pair, pairs[pair]?.label ?? ""),
    );
  const [lh, rh] = await Promise.all([l.reader.finish(), r.reader.finish()]);
  // The view was made from this very inventory; should it ever disagree, the blobs are compared decoded.
  if (!agrees(lh, lv) || !agrees(rh, rv)) return compareDecoded(left, right, options);
  if (pause) await pause();
  const permissions = permissionRows(
    indices.map(([li, ri]) => [lh.roots[li] ?? null, rh.roots[ri] ?? null]),
    (pair) => joins[pair]?.changed() ?? [],
    limit,
  );
  if (pause) await pause();
  const directories = directoryRows(
    indices.map(([li, ri]) => [l.tallies[li] ?? null, r.tallies[ri] ?? null]),
    limit,
  );
  if (pause) await pause();
  const figures = (side: StoredSide, inventory: Inventory) => ({
    input: inputOf(side.row, inventory),
    overall: overallOf(side.tallies),
    findings: side.view.findings,
  });
  return comparisonOf(figures(l, lh), figures(r, rh), { files: files.section, permissions, directories });
}

/**
 * A side of this many sources takes milliseconds, in this thread, for each step of its comparison: decoding its
 * view, reading its blob (libSQL answers in this thread; a megabyte or more), making its rows. A large comparison
 * gives the event loop a turn between those steps. A small one takes no pause, not even an await: the page renders
 * it with its first HTML only if it is ready within Next's first render tasks, and a few awaits more can make it
 * miss them (tests/e2e/compare-view.spec.ts then finds the comparison streamed behind its skeleton).
 */
const LARGE_SIDE_SOURCES = 100_000;

async function storedSide(
  row: SnapshotRow,
  view: SnapshotView,
  onDirectory: DirectorySink,
): Promise<StoredSide | null> {
  if (!row.blobSha256) return null;
  const blob = await readBlob(row.blobSha256);
  const reader = new StoredRecordReader(blob.data, blob.rawBytes, onDirectory);
  if (!(await reader.isRecordBlob())) return null;
  const columns = countingColumns(view.inventory.interpreter);
  return { row, view, reader, tallies: view.coverage.roots.map(() => new DirectoryTally(columns)) };
}

/** Whether the head names the roots (in order) and the interpreter the view was paired and counted by. */
function agrees(head: Inventory, view: SnapshotView): boolean {
  const roots = view.coverage.roots;
  return (
    head.roots.length === roots.length &&
    head.roots.every((root, i) => root.path === roots[i]!.path && root.kind === roots[i]!.kind) &&
    (head.interpreter?.checkHashPycs ?? null) === (view.inventory.interpreter?.checkHashPycs ?? null)
  );
}

function inputOf(row: SnapshotRow, inventory: Inventory) {
  return {
    id: row.id,
    host: row.host.name,
    takenAt: row.takenAt.toISOString(),
    inventory,
    measurements: row.measurements,
  };
}

async function compareDecoded(left: SnapshotRow, right: SnapshotRow, options: CompareOptions): Promise<Comparison> {
  const [li, ri] = await Promise.all([
    toSnapshotInput(left, { packed: true }),
    toSnapshotInput(right, { packed: true }),
  ]);
  return compare(li!, ri!, options);
}
