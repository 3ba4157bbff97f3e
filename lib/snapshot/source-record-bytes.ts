import { packCode, PYC_KINDS, REASONS, STATUSES } from "./source-codes";

// A stored source record, canonical JSON with its keys in a fixed order (canonicalItem in inventory-records.ts):
// `[0,"sources",{"mtime":…,"path":"…","pyc":…,"pycUid":…,"reason":…,"size":…,"status":"…"}]`, read where it
// lies in the inflated bytes: its path as a byte range and its status, reason and pyc kind as a code
// (source-codes.ts). Nothing is allocated: a comparison of two million-source snapshots reads two million.

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const MTIME = bytes('{"mtime":');
const PATH = bytes(',"path":"');
const PYC = bytes('","pyc":');
const PYC_UID = bytes(',"pycUid":');
const REASON = bytes(',"reason":');
const SIZE = bytes(',"size":');
const STATUS = bytes(',"status":');
const END = bytes("}]");
const tokens = (values: readonly (string | null)[]) => values.map((v) => bytes(v === null ? "null" : `"${v}"`));
const STATUS_TOKENS = tokens(STATUSES);
const REASON_TOKENS = tokens(REASONS);
const PYC_TOKENS = tokens(PYC_KINDS);

const [QUOTE, BACKSLASH, COMMA] = [34, 92, 44];

function matches(buf: Uint8Array, at: number, token: Uint8Array): boolean {
  if (at + token.length > buf.length) return false;
  for (let k = 0; k < token.length; k++) if (buf[at + k] !== token[k]) return false;
  return true;
}

/** Where the scan is in the record. */
let at = 0;

/** Past `token` when it comes next. */
function key(buf: Uint8Array, token: Uint8Array): boolean {
  if (!matches(buf, at, token)) return false;
  at += token.length;
  return true;
}

/** Past the token that comes next among `options`: its index, or -1. */
function choice(buf: Uint8Array, options: readonly Uint8Array[]): number {
  for (let k = 0; k < options.length; k++) if (key(buf, options[k]!)) return k;
  return -1;
}

/** Past a number (or null): numbers hold no comma. */
function skipNumber(buf: Uint8Array, end: number): void {
  while (at < end && buf[at] !== COMMA) at++;
}

/** Where the scanned record's path lies in the buffer: written by scanSourceRecord. */
export const scannedPath = { start: 0, end: 0 };

/**
 * The code of the source record whose object starts at `from` (its `{`) and whose line ends at `end`, with its
 * path's byte range in `scannedPath`; -1 for anything laid out otherwise (an escaped path, another key order):
 * the caller then parses the line (sourceOfRecord).
 */
export function scanSourceRecord(buf: Uint8Array, from: number, end: number): number {
  at = from;
  if (!key(buf, MTIME)) return -1;
  skipNumber(buf, end);
  if (!key(buf, PATH)) return -1;
  const pathStart = at;
  while (at < end && buf[at] !== QUOTE) if (buf[at++] === BACKSLASH) return -1;
  const pathEnd = at;
  if (!key(buf, PYC)) return -1;
  const pyc = choice(buf, PYC_TOKENS);
  if (pyc < 0 || !key(buf, PYC_UID)) return -1;
  skipNumber(buf, end);
  if (!key(buf, REASON)) return -1;
  const reason = choice(buf, REASON_TOKENS);
  if (reason < 0 || !key(buf, SIZE)) return -1;
  skipNumber(buf, end);
  if (!key(buf, STATUS)) return -1;
  const status = choice(buf, STATUS_TOKENS);
  if (status < 0 || !key(buf, END) || at !== end) return -1;
  scannedPath.start = pathStart;
  scannedPath.end = pathEnd;
  return packCode(status, reason, pyc);
}
