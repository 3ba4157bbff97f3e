/**
 * Entries kept in arrival order and taken from the front once their `match` is known (no longer undefined).
 * Taken entries are let go at once: kept until a later compaction, what they hold outlived young collections and
 * was promoted, and the old generation grew by hundreds of MB before it was collected.
 */
export class InOrderQueue<E extends { match: unknown }> {
  private entries: E[] = [];
  private start = 0;

  get empty(): boolean {
    return this.start === this.entries.length;
  }

  push(entry: E): void {
    this.entries.push(entry);
  }

  /** Hands over the entries at the front whose match is known, in order. */
  drain(take: (entry: E) => void): void {
    while (this.start < this.entries.length && this.entries[this.start]!.match !== undefined)
      take(this.entries[this.start++]!);
    if (this.start === this.entries.length) {
      this.entries = [];
      this.start = 0;
    } else if (this.start > 1024) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }
}
