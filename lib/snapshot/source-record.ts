import type { Source } from "./schema";

// A stored source record is canonical JSON with its keys in a fixed order (canonicalItem in
// inventory-records.ts): `[0,"sources",{"mtime":…,"path":"…","pyc":…,"pycUid":…,"reason":…,"size":…,"status":"…"}]`.
// Read field by field, it costs a third of JSON.parse and leaves less behind for the collector: a comparison
// of two million-source snapshots reads two million of them.

const KEYS = ['"mtime":', ',"path":', ',"pyc":', ',"pycUid":', ',"reason":', ',"size":', ',"status":'] as const;
const STATUSES = new Set<string>(["fresh", "stale", "missing", "unreadable"]);
const REASONS = new Set<string>(["magic", "flags", "mtime", "size", "hash", "truncated", "unreadable-pyc"]);
const PYC_KINDS = new Set<string>(["timestamp", "checked-hash", "unchecked-hash"]);

/** The raw text of each value, in key order; null when the line is not laid out as expected. */
function values(line: string): string[] | null {
  const out: string[] = [];
  let at = line.indexOf("{");
  if (at < 0) return null;
  at++;
  for (let k = 0; k < KEYS.length; k++) {
    const key = KEYS[k]!;
    if (!line.startsWith(key, at)) return null;
    const start = at + key.length;
    // A string value ends at the first quote: a quote inside it is escaped (and escapes send the line to JSON.parse).
    const end = line[start] === '"' ? line.indexOf('"', start + 1) + 1 : nextKeyOrEnd(line, start, KEYS[k + 1]);
    if (end <= start) return null;
    out.push(line.slice(start, end));
    at = end;
  }
  return line.startsWith("}]", at) && at + 2 === line.length ? out : null;
}

function nextKeyOrEnd(line: string, from: number, next: string | undefined): number {
  return line.indexOf(next ?? "}]", from);
}

const text = (raw: string) => (raw.length >= 2 && raw[0] === '"' && !raw.includes("\\") ? raw.slice(1, -1) : null);
const orNull = (raw: string, set: Set<string>): string | null | undefined => {
  if (raw === "null") return null;
  const value = text(raw);
  return value !== null && set.has(value) ? value : undefined;
};
const number = (raw: string) => (raw === "null" ? null : Number(raw));

/** Field by field, or null for anything unusual (escapes, another layout): the caller then parses the line. */
function fastSource(line: string): Source | null {
  const v = values(line);
  if (!v) return null;
  const [mtime, path, pyc, pycUid, reason, size, status] = v as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const s = { path: text(path), pyc: orNull(pyc, PYC_KINDS), reason: orNull(reason, REASONS), status: text(status) };
  const numbers = { mtime: Number(mtime), size: Number(size), pycUid: number(pycUid) };
  if (s.path === null || s.pyc === undefined || s.reason === undefined || s.status === null) return null;
  if (!STATUSES.has(s.status) || !Number.isFinite(numbers.mtime) || !Number.isFinite(numbers.size)) return null;
  if (numbers.pycUid !== null && !Number.isFinite(numbers.pycUid)) return null;
  return {
    mtime: numbers.mtime,
    path: s.path,
    pyc: s.pyc as Source["pyc"],
    pycUid: numbers.pycUid,
    reason: s.reason as Source["reason"],
    size: numbers.size,
    status: s.status as Source["status"],
  };
}

/** The source of a stored record line (`[0,"sources",{…}]`). */
export function sourceOfRecord(line: string): Source {
  return fastSource(line) ?? (JSON.parse(line) as [number, "sources", Source])[2];
}
