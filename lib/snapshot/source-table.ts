import type { Source } from "./schema";
import { SpillFile, type Spilled } from "./spill-file";

// Sources are ~95 % of a large inventory. As JS objects they cost ~200 bytes each (object, path string,
// boxed mtime, array slot), so a collection's memory grew with the tree; packed here they cost ~40, and a
// spilling table keeps only its last chunk and the one read last in memory.

const STATUS: readonly Source["status"][] = ["fresh", "stale", "missing", "unreadable"];
const REASON: readonly Source["reason"][] = [
  null,
  "magic",
  "flags",
  "mtime",
  "size",
  "hash",
  "truncated",
  "unreadable-pyc",
];
const PYC: readonly Source["pyc"][] = [null, "timestamp", "checked-hash", "unchecked-hash"];
const CODE = {
  status: new Map(STATUS.map((value, code) => [value, code])),
  reason: new Map(REASON.map((value, code) => [value, code])),
  pyc: new Map(PYC.map((value, code) => [value, code])),
};

/** Sources per chunk: chunks never move once allocated, so growing the table never copies it. */
const CHUNK = 8192;

class Chunk {
  readonly dir = new Uint32Array(CHUNK);
  readonly codes = new Uint8Array(CHUNK * 3);
  readonly numbers = new Float64Array(CHUNK * 3); // size, mtime, pycUid (NaN for null)
  /** Base names, joined once the chunk is full; until then an array. */
  names: string[] | string = [];
  ends: Uint32Array | null = null;
  length = 0;

  name(i: number): string {
    if (Array.isArray(this.names)) return this.names[i]!;
    return this.names.slice(i === 0 ? 0 : this.ends![i - 1], this.ends![i]);
  }

  seal(): void {
    if (!Array.isArray(this.names)) return;
    const ends = new Uint32Array(this.names.length);
    let end = 0;
    for (const [i, name] of this.names.entries()) ends[i] = end += name.length;
    this.ends = ends;
    this.names = this.names.join("");
  }

  /** Writes a sealed, full chunk to `file`; null when it could not (the chunk then stays in memory). */
  spill(file: SpillFile): SpilledChunk | null {
    const names = this.names as string;
    // Base names are mostly one byte a character; any other string keeps its UTF-16 units, lone surrogates too.
    const encoding = /[^\x00-\xff]/.test(names) ? "utf16le" : "latin1";
    const nameBytes = Buffer.from(names, encoding);
    const at = file.append([this.numbers, this.dir, this.ends!, this.codes, nameBytes]);
    return at && { at, encoding, nameBytes: nameBytes.byteLength };
  }

  /**
   * A spilled chunk read back whole, into `into` when given (the chunk read before it, whose arrays are
   * reused): readers go through a table in runs, so one chunk at a time stays resident.
   */
  static unspill(file: SpillFile, { at, encoding, nameBytes }: SpilledChunk, into = new Chunk()): Chunk {
    const ends = into.ends ?? new Uint32Array(CHUNK);
    const nameBuffer = Buffer.allocUnsafe(nameBytes);
    let position = at.position;
    for (const view of [into.numbers, into.dir, ends, into.codes, nameBuffer]) {
      file.read(view, position);
      position += view.byteLength;
    }
    into.ends = ends;
    into.names = nameBuffer.toString(encoding);
    into.length = CHUNK;
    return into;
  }
}

type SpilledChunk = { at: Spilled; encoding: "latin1" | "utf16le"; nameBytes: number };

/**
 * One root's sources in a compact, append-only form: directories interned (their prefix, up to and
 * including the last "/", is stored once), enums as bytes, numbers in typed arrays. `at(i)` and iteration
 * give back Source objects equal to those pushed, made on demand, so only the caller decides what stays alive.
 *
 * With `spill`, every full chunk goes to a scratch file (spill-file.ts) and is read back a chunk at a time,
 * so a collection's memory no longer grows with its tree; close() drops the file.
 */
export class SourceTable implements Iterable<Source> {
  private readonly chunks: (Chunk | SpilledChunk)[] = [];
  private readonly dirIds = new Map<string, number>();
  private readonly prefixes: string[] = [];
  private readonly file: SpillFile | null;
  /** The spilled chunk read last: readers go through a table in runs. */
  private resident: { index: number; chunk: Chunk } | null = null;
  private lastDir = -1;
  length = 0;

  constructor(options: { spill?: boolean } = {}) {
    this.file = options.spill ? SpillFile.open(this) : null;
  }

  push(source: Source): void {
    let chunk = this.chunks[this.chunks.length - 1] as Chunk | undefined;
    if (!chunk || chunk.length === CHUNK) {
      if (chunk) this.sealLast(chunk);
      this.chunks.push((chunk = new Chunk()));
    }
    const i = chunk.length++;
    const slash = source.path.lastIndexOf("/") + 1;
    chunk.dir[i] = this.dirIdOf(source.path, slash);
    (chunk.names as string[]).push(source.path.slice(slash));
    chunk.codes[i * 3] = CODE.status.get(source.status)!;
    chunk.codes[i * 3 + 1] = CODE.reason.get(source.reason)!;
    chunk.codes[i * 3 + 2] = CODE.pyc.get(source.pyc)!;
    chunk.numbers[i * 3] = source.size;
    chunk.numbers[i * 3 + 1] = source.mtime;
    chunk.numbers[i * 3 + 2] = source.pycUid ?? NaN;
    this.length++;
  }

  /** Seals the last chunk, full now, and spills it when the table spills and the file takes it. */
  private sealLast(chunk: Chunk): void {
    chunk.seal();
    const spilled = this.file ? chunk.spill(this.file) : null;
    if (spilled) this.chunks[this.chunks.length - 1] = spilled;
  }

  private chunk(index: number): Chunk {
    const chunk = this.chunks[index]!;
    if (chunk instanceof Chunk) return chunk;
    if (this.resident?.index !== index)
      this.resident = { index, chunk: Chunk.unspill(this.file!, chunk, this.resident?.chunk) };
    return this.resident.chunk;
  }

  /** Sources come sorted, so most share the previous one's directory: no slice or lookup for those. */
  private dirIdOf(path: string, slash: number): number {
    const last = this.prefixes[this.lastDir];
    if (last !== undefined && last.length === slash && path.startsWith(last)) return this.lastDir;
    const prefix = path.slice(0, slash);
    let dir = this.dirIds.get(prefix);
    if (dir === undefined) {
      this.dirIds.set(prefix, (dir = this.prefixes.length));
      this.prefixes.push(prefix);
    }
    return (this.lastDir = dir);
  }

  /** The directory id of source i: equal ids, equal directories (see dirPath). */
  dirId(i: number): number {
    return this.chunk(Math.floor(i / CHUNK)).dir[i % CHUNK]!;
  }

  /** The directory of a directory id, relative to the root ("" = the root itself), as coverage's dirOf gives it. */
  dirPath(id: number): string {
    const prefix = this.prefixes[id]!;
    return prefix === "" ? "" : prefix.slice(0, -1);
  }

  /** Source i's status, without making the whole object. */
  status(i: number): Source["status"] {
    return STATUS[this.chunk(Math.floor(i / CHUNK)).codes[(i % CHUNK) * 3]!]!;
  }

  at(i: number): Source {
    const chunk = this.chunk(Math.floor(i / CHUNK));
    const j = i % CHUNK;
    const pycUid = chunk.numbers[j * 3 + 2]!;
    return {
      mtime: chunk.numbers[j * 3 + 1]!,
      path: this.prefixes[chunk.dir[j]!]! + chunk.name(j),
      pyc: PYC[chunk.codes[j * 3 + 2]!]!,
      pycUid: Number.isNaN(pycUid) ? null : pycUid,
      reason: REASON[chunk.codes[j * 3 + 1]!]!,
      size: chunk.numbers[j * 3]!,
      status: STATUS[chunk.codes[j * 3]!]!,
    };
  }

  *[Symbol.iterator](): Iterator<Source> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  /** Drops the scratch file of a spilling table; its spilled sources cannot be read afterwards. */
  close(): void {
    this.file?.close();
    this.resident = null;
  }
}
