import "server-only";
import { coverageOfTallies, rootTallies, type RootTally } from "@/lib/analysis/coverage";
import type { SnapshotInput } from "@/lib/analysis/types";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { readBlob, type SnapshotRow } from "@/lib/db/queries/snapshots";
import { decodeView } from "@/lib/db/snapshot-columns";
import { RootSourceReader } from "@/lib/snapshot/root-source-reader";
import { readInventoryHead } from "@/lib/snapshot/stream-inventory-blob";
import { sourceOfRecord } from "@/lib/snapshot/source-record";
import { compare, comparisonOf, type CompareOptions } from "./compare";
import { alignStreams } from "./align-streams";
import { pairFileRows } from "./file-rows";
import { PathAligner } from "./path-aligner";
import { pairRoots } from "./root-pairs";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type Comparison, type FileRow } from "./types";
import type { Source } from "@/lib/snapshot/schema";

/** A stored side read without its sources: its head, the findings stored with it, and a reader for the rest. */
type StoredSide = { input: SnapshotInput; reader: RootSourceReader; tallies: RootTally[] };

async function storedSide(row: SnapshotRow): Promise<StoredSide | null> {
  const findings = decodeView(row.view)?.findings;
  if (!findings || !row.blobSha256) return null;
  const blob = await readBlob(row.blobSha256);
  const inventory = await readInventoryHead(blob.data, blob.rawBytes);
  if (!inventory) return null;
  const input = {
    id: row.id,
    host: row.host.name,
    takenAt: row.takenAt.toISOString(),
    inventory,
    measurements: row.measurements,
    findings,
  };
  return { input, reader: new RootSourceReader(blob.data, blob.rawBytes), tallies: rootTallies(inventory) };
}

/**
 * compare() of two stored snapshots without holding either one's sources: the findings stored with each row
 * (its view) stand in for running the rules again, and the sources of each pair of roots stream from both blobs
 * at once, counted for coverage and matched by path as they inflate (PathAligner). Rows stored before views or
 * blobs of format 1 are compared as before, their sources packed in memory.
 */
export async function compareStored(
  left: SnapshotRow,
  right: SnapshotRow,
  options: CompareOptions = {},
): Promise<Comparison> {
  const limit = options.rowLimit ?? ROW_LIMIT;
  const [l, r] = await Promise.all([storedSide(left), storedSide(right)]);
  if (!l || !r) {
    const [li, ri] = await Promise.all([
      toSnapshotInput(left, { packed: true }),
      toSnapshotInput(right, { packed: true }),
    ]);
    return compare(li!, ri!, options);
  }
  const files = await streamedFileRows(l, r, limit);
  const figures = (side: StoredSide) => ({
    input: side.input,
    coverage: coverageOfTallies(side.input.inventory, side.tallies),
    findings: side.input.findings!,
  });
  return comparisonOf(figures(l), figures(r), files, limit);
}

/** fileRows() of the two sides, pair by pair, tallying every source for coverage on the way. */
async function streamedFileRows(l: StoredSide, r: StoredSide, limit: number): Promise<BoundedSection<FileRow>> {
  const out = boundedCollector<FileRow>(limit);
  const { pairs, roots } = pairRoots(l.input.inventory.roots, r.input.inventory.roots);
  for (const [pair, [lr, rr]] of roots.entries()) {
    const rows = pairFileRows(out, pair, pairs[pair]?.label ?? "");
    const aligner = new PathAligner<Source>(rows.matched);
    const sourcesOf = (side: StoredSide, root: typeof lr) => {
      const index = root ? side.input.inventory.roots.indexOf(root) : -1;
      if (index < 0) return { batches: null, tally: null };
      return { batches: side.reader.root(index), tally: side.tallies[index]! };
    };
    const ls = sourcesOf(l, lr);
    const rs = sourcesOf(r, rr);
    await alignStreams(ls.batches, rs.batches, {
      // Each source is parsed, counted and matched at once: only the unmatched outlive their batch.
      left(records) {
        for (const record of records) {
          const source = sourceOfRecord(record);
          ls.tally!.add(source);
          aligner.left(source);
          aligner.flush();
        }
      },
      right(records) {
        for (const record of records) {
          const source = sourceOfRecord(record);
          rs.tally!.add(source);
          aligner.right(source);
        }
        aligner.flush();
      },
      endRight: () => aligner.endRight(),
    });
    aligner.finish().forEach(rows.rightOnly);
  }
  return out.section;
}
