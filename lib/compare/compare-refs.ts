import "server-only";
import { compareStored } from "./compare-stored";
import { resolveSnapshotRow } from "./resolve-snapshot";

/** The permanent link of a comparison: immutable snapshot ids, never "latest". */
export function comparePath(leftId: string, rightId: string): string {
  return `/compare/${leftId}/${rightId}`;
}

/** Compares two refs (host names or snapshot ids) and says where the comparison lives for good. */
export async function compareRefs(
  leftRef: string,
  rightRef: string,
  baseUrl: string,
  options: { allRows?: boolean } = {},
) {
  const [left, right] = await Promise.all([resolveSnapshotRow(leftRef), resolveSnapshotRow(rightRef)]);
  // Pages and JSON keep long sections bounded; a CSV export is asked for every row.
  const comparison = await compareStored(left, right, options.allRows ? { rowLimit: Infinity } : undefined);
  return { comparison, url: `${baseUrl}${comparePath(left.id, right.id)}` };
}
