import path from "node:path";

export type CallFrame = { functionName: string; url: string; lineNumber?: number };

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** node_modules/<package>, a project-relative path, or a V8 pseudo-frame: where time or memory went. */
export function placeOf(frame: CallFrame): string {
  if (frame.functionName.startsWith("(")) return frame.functionName; // (program), (garbage collector)
  if (!frame.url) return "(native)";
  const file = frame.url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/**
 * "function place", and for a native function (sort, JSON.parse…) the nearest JavaScript caller too,
 * since "sort (native)" alone does not say whose sort it was.
 */
export function frameLabel(frame: CallFrame, caller: CallFrame | null): string {
  const place = placeOf(frame);
  if (place === frame.functionName) return place;
  // tsx-compiled files report generated line numbers, which mislead; packages' are real.
  const line = frame.url.includes("node_modules") && frame.lineNumber !== undefined ? `:${frame.lineNumber + 1}` : "";
  const label = `${frame.functionName || "(anonymous)"} ${place}${line}`;
  return place === "(native)" && caller ? `${label} ← ${frameLabel(caller, null)}` : label;
}
