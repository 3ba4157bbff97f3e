import type { FieldRow, FieldStatus } from "./types";

export type FieldEntry = { key: string; left: string | null; right: string | null };
type Mapper = (value: string) => string;

function statusOf(left: string | null, right: string | null, same: boolean): FieldStatus {
  if (same) return "same";
  if (right === null) return "only-left";
  if (left === null) return "only-right";
  return "changed";
}

/** Key-by-key rows; values equal once each side's root locations are mapped count as the same. */
export function fieldRows(
  entries: readonly FieldEntry[],
  mapLeft: Mapper,
  mapRight: Mapper,
): { rows: FieldRow[]; differences: number } {
  const rows = entries.map(({ key, left, right }): FieldRow => {
    const raw = left === right;
    const mapped = !raw && left !== null && right !== null && mapLeft(left) === mapRight(right);
    return { key, left, right, status: statusOf(left, right, raw || mapped), mapped };
  });
  return { rows, differences: rows.filter((r) => r.status !== "same").length };
}

/** Renders a setting for display and comparison: lists space-joined, booleans yes/no. */
export function show(value: string | number | boolean | readonly string[] | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}
