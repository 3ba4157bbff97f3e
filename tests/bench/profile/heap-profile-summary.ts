import fs from "node:fs";
import { frameLabel, placeOf, type CallFrame } from "./frame-label";

type HeapNode = { callFrame: CallFrame; selfSize: number; children: HeapNode[] };

export type AllocationEntry = { name: string; bytes: number; share: number };
export type HeapSummary = { totalBytes: number; functions: AllocationEntry[]; files: AllocationEntry[] };

function top(totals: Map<string, number>, totalBytes: number, count: number): AllocationEntry[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => ({ name, bytes, share: totalBytes ? bytes / totalBytes : 0 }));
}

/** Bytes allocated per function and per file (or package) in a V8 .heapprofile, largest first. */
export function summarizeHeapProfile(file: string, count = 12): HeapSummary {
  const { head } = JSON.parse(fs.readFileSync(file, "utf8")) as { head: HeapNode };
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let totalBytes = 0;
  // `caller`: the nearest ancestor with a script URL, to name native allocators (sort, JSON.parse…).
  const visit = (node: HeapNode, caller: CallFrame | null) => {
    if (node.selfSize > 0) {
      const name = frameLabel(node.callFrame, caller);
      const place = placeOf(node.callFrame);
      totalBytes += node.selfSize;
      functions.set(name, (functions.get(name) ?? 0) + node.selfSize);
      files.set(place, (files.get(place) ?? 0) + node.selfSize);
    }
    for (const child of node.children) visit(child, node.callFrame.url ? node.callFrame : caller);
  };
  visit(head, null);
  return { totalBytes, functions: top(functions, totalBytes, count), files: top(files, totalBytes, count) };
}
