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

/** The index of the token found at `at` among `options`, or -1. */
function oneOf(buf: Uint8Array, at: number, options: readonly Uint8Array[]): number {
  for (let k = 0; k < options.length; k++) if (matches(buf, at, options[k]!)) return k;
  return -1;
}

/** Past a number (or null): numbers hold no comma. */
function skipValue(buf: Uint8Array, at: number, end: number): number {
  while (at < end && buf[at] !== COMMA) at++;
  return at;
}

/** Where the scanned record's path lies in the buffer: written by scanSourceRecord. */
export const scannedPath = { start: 0, end: 0 };

/**
 * The code of the source record whose object starts at `at` (its `{`) and whose line ends at `end`, with its path's
 * byte range in `scannedPath`; -1 for anything laid out otherwise (an escaped path, another key order): the caller
 * then parses the line (sourceOfRecord).
 */
export function scanSourceRecord(buf: Uint8Array, at: number, end: number): number {
  if (!matches(buf, at, MTIME)) return -1;
  at = skipValue(buf, at + MTIME.length, end);
  if (!matches(buf, at, PATH)) return -1;
  const pathStart = at + PATH.length;
  at = pathStart;
  while (at < end && buf[at] !== QUOTE) if (buf[at++] === BACKSLASH) return -1;
  const pathEnd = at;
  if (!matches(buf, at, PYC)) return -1;
  at += PYC.length;
  const pyc = oneOf(buf, at, PYC_TOKENS);
  if (pyc < 0) return -1;
  at += PYC_TOKENS[pyc]!.length;
  if (!matches(buf, at, PYC_UID)) return -1;
  at = skipValue(buf, at + PYC_UID.length, end);
  if (!matches(buf, at, REASON)) return -1;
  at += REASON.length;
  const reason = oneOf(buf, at, REASON_TOKENS);
  if (reason < 0) return -1;
  at += REASON_TOKENS[reason]!.length;
  if (!matches(buf, at, SIZE)) return -1;
  at = skipValue(buf, at + SIZE.length, end);
  if (!matches(buf, at, STATUS)) return -1;
  at += STATUS.length;
  const status = oneOf(buf, at, STATUS_TOKENS);
  if (status < 0) return -1;
  at += STATUS_TOKENS[status]!.length;
  if (!matches(buf, at, END) || at + END.length !== end) return -1;
  scannedPath.start = pathStart;
  scannedPath.end = pathEnd;
  return packCode(status, reason, pyc);
}
