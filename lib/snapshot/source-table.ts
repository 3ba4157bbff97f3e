import type { Source } from "./schema";

// Sources are ~95 % of a large inventory. As JS objects they cost ~200 bytes each (object, path string,
// boxed mtime, array slot), so a collection's memory grew with the tree; packed here they cost ~40.

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
}

/**
 * One root's sources in a compact, append-only form: directories interned (their prefix, up to and
 * including the last "/", is stored once), enums as bytes, numbers in typed arrays. `at(i)` and iteration
 * give back Source objects equal to those pushed, made on demand, so only the caller decides what stays alive.
 */
export class SourceTable implements Iterable<Source> {
  private readonly chunks: Chunk[] = [];
  private readonly dirIds = new Map<string, number>();
  private readonly prefixes: string[] = [];
  private lastDir = -1;
  length = 0;

  push(source: Source): void {
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.length === CHUNK) {
      chunk?.seal();
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
    return this.chunks[Math.floor(i / CHUNK)]!.dir[i % CHUNK]!;
  }

  /** The directory of a directory id, relative to the root ("" = the root itself), as coverage's dirOf gives it. */
  dirPath(id: number): string {
    const prefix = this.prefixes[id]!;
    return prefix === "" ? "" : prefix.slice(0, -1);
  }

  /** Source i's status, without making the whole object. */
  status(i: number): Source["status"] {
    return STATUS[this.chunks[Math.floor(i / CHUNK)]!.codes[(i % CHUNK) * 3]!]!;
  }

  at(i: number): Source {
    const chunk = this.chunks[Math.floor(i / CHUNK)]!;
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
}
