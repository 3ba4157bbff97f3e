import type { SourceList } from "@/lib/analysis/root-sources";
import type { Source } from "@/lib/snapshot/schema";
import { sourceCode } from "@/lib/snapshot/source-codes";
import { SourceTable } from "@/lib/snapshot/source-table";
import type { PathRecords } from "./path-matcher";

/**
 * A decoded root's sources as PathMatcher reads them: their codes made once, their paths read when asked. A
 * SourceTable gives both without making a Source object, so a packed root is never turned into objects.
 */
export class ListRecords implements PathRecords {
  readonly count: number;
  readonly codes: Uint8Array;
  private readonly array: readonly Source[] | null;
  private readonly table: SourceTable | null;

  constructor(sources: SourceList) {
    this.count = sources.length;
    this.codes = new Uint8Array(this.count);
    if (sources instanceof SourceTable) {
      [this.table, this.array] = [sources, null];
      for (let i = 0; i < this.count; i++) this.codes[i] = sources.code(i);
    } else {
      // Read by index, the cheapest way at 100k sources (a root's own sources are an array).
      [this.table, this.array] = [null, Array.isArray(sources) ? sources : Array.from(sources)];
      this.codeArray(this.array);
    }
  }

  /** Most sources have their neighbour's status, reason and pyc kind: their code is not looked up again. */
  private codeArray(array: readonly Source[]): void {
    let [status, reason, pyc, code] = ["", "", "", 0] as [string, string | null, string | null, number];
    for (let i = 0; i < array.length; i++) {
      const s = array[i]!;
      if (s.status !== status || s.reason !== reason || s.pyc !== pyc)
        [status, reason, pyc, code] = [s.status, s.reason, s.pyc, sourceCode(s.status, s.reason, s.pyc)];
      this.codes[i] = code;
    }
  }

  path(i: number): string {
    return this.array ? this.array[i]!.path : this.table!.path(i);
  }

  samePath(i: number, other: ListRecords, j: number): boolean {
    return this.path(i) === other.path(j);
  }
}
