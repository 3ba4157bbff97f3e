import type { Comparison } from "./types";
import { csvRows } from "@/lib/analysis/export/csv";

const HEADER = [
  "root",
  "root kind",
  "path",
  "left root",
  "right root",
  "left status",
  "left reason",
  "left pyc",
  "right status",
  "right reason",
  "right pyc",
];

/** The file-level differences, one row per source (as many as the comparison carries; see files.total). */
export function comparisonCsv(c: Comparison): string {
  const rows = c.files.rows.map((r) => {
    const pair = c.rootPairs[r.pair];
    return [
      r.root,
      pair?.kind,
      r.path,
      pair?.left,
      pair?.right,
      r.left?.status,
      r.left?.reason,
      r.left?.pyc,
      r.right?.status,
      r.right?.reason,
      r.right?.pyc,
    ];
  });
  return csvRows([HEADER, ...rows]);
}
