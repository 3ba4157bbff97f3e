import { canonicalJson } from "./canonical-json";
import {
  directorySchema,
  extraPycSchema,
  skippedSchema,
  type Directory,
  type ExtraPyc,
  type Root,
  type Source,
} from "./schema";

// The per-file arrays of a root travel and are stored as records, one item at a time, so neither the
// collector's output nor the stored blob is ever one document that must be held whole.

/**
 * Canonical order (by name, as canonicalJson sorts keys): the collector cuts a root's lines field by field in
 * this order, and encodeInventory writes records so.
 */
export const RECORD_FIELDS = ["dirs", "extraPycs", "skipped", "sources"] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
export type RecordItem = Directory | ExtraPyc | Root["skipped"][number] | Source;

const PATH_MAX = 4096;
const STATUSES = new Set(["fresh", "stale", "missing", "unreadable"]);
const REASONS = new Set(["magic", "flags", "mtime", "size", "hash", "truncated", "unreadable-pyc"]);
const PYC_KINDS = new Set(["timestamp", "checked-hash", "unchecked-hash"]);

const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const nullOr = (value: unknown, check: (v: unknown) => boolean) => value === null || check(value);

/**
 * The order of a source's values when it travels as a row (lib/collector/python/55_records.py SOURCE_ROW):
 * the collector sends sources so, without their key names.
 */
export const SOURCE_ROW = ["path", "size", "mtime", "status", "reason", "pyc", "pycUid"] as const;

/** A source row as the object it stands for; a string when it is not a row of SOURCE_ROW's length. */
function rowObject(row: unknown[]): Record<string, unknown> | string {
  if (row.length !== SOURCE_ROW.length) return `a source row must hold ${SOURCE_ROW.length} values`;
  const [path, size, mtime, status, reason, pyc, pycUid] = row;
  return { path, size, mtime, status, reason, pyc, pycUid };
}

/**
 * A source record (a row, or an object with its keys), checked by hand: sources are ~95 % of a large
 * inventory and zod's per-object cost dominated the hot path. Same rules as sourceSchema
 * (tests/unit/inventory-records.test.ts holds them side by side); the result is a fresh object with the keys
 * in canonical order and nothing else.
 */
function sourceOf(value: unknown): Source | string {
  if (typeof value !== "object" || value === null) return "a source must be an object";
  const v = Array.isArray(value) ? rowObject(value) : (value as Record<string, unknown>);
  if (typeof v === "string") return v;
  if (typeof v.path !== "string" || v.path.length > PATH_MAX) return "path: expected a string of at most 4096";
  if (!isInt(v.size)) return "size: expected an integer";
  if (typeof v.mtime !== "number" || !Number.isFinite(v.mtime)) return "mtime: expected a number";
  if (typeof v.status !== "string" || !STATUSES.has(v.status)) return "status: invalid option";
  if (!nullOr(v.reason, (r) => typeof r === "string" && REASONS.has(r))) return "reason: invalid option";
  if (!nullOr(v.pyc, (p) => typeof p === "string" && PYC_KINDS.has(p))) return "pyc: invalid option";
  if (!nullOr(v.pycUid, isInt)) return "pycUid: expected an integer or null";
  return sortedSource(v as Source);
}

/** A source with exactly its schema's keys, in canonical (sorted) order: JSON.stringify of it is canonical. */
function sortedSource(v: Source): Source {
  return {
    mtime: v.mtime,
    path: v.path,
    pyc: v.pyc,
    pycUid: v.pycUid,
    reason: v.reason,
    size: v.size,
    status: v.status,
  };
}

const ZOD_ITEM = { dirs: directorySchema, extraPycs: extraPycSchema, skipped: skippedSchema } as const;

/** One record checked against the contract: the item (canonical key order for sources) or what is wrong. */
export function recordItemOf(field: RecordField, value: unknown): RecordItem | string {
  if (field === "sources") return sourceOf(value);
  const parsed = ZOD_ITEM[field].safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`;
}

const jsonOrNull = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * A source's canonical JSON written directly (keys sorted), the same text as JSON.stringify(sortedSource(s)):
 * a finite number's template text is its JSON text, and the strings go through JSON.stringify.
 */
function canonicalSource(s: Source): string {
  return (
    `{"mtime":${s.mtime},"path":${JSON.stringify(s.path)},"pyc":${jsonOrNull(s.pyc)},"pycUid":${s.pycUid},` +
    `"reason":${jsonOrNull(s.reason)},"size":${s.size},"status":${JSON.stringify(s.status)}}`
  );
}

/** The item's canonical JSON; sources, the bulk, skip canonicalJson's generic key sort. */
export function canonicalItem(field: RecordField, item: RecordItem): string {
  return field === "sources" ? canonicalSource(item as Source) : canonicalJson(item);
}
