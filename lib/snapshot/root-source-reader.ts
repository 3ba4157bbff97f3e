import { streamSources, type SourceBatch } from "./stream-inventory-blob";

/**
 * The sources of one root at a time from a stored blob (formats 3 and 2), read forward: asking for the roots
 * in stored order (as comparisons pair them, app roots first) reads the blob once; asking for one already
 * passed starts the blob again.
 */
export class RootSourceReader {
  private batches: AsyncGenerator<SourceBatch> | null = null;
  private pending: SourceBatch | null = null;
  /** Every root up to this one has been read or skipped. */
  private passed = -1;
  private ended = false;
  private lastSeen = -1;

  constructor(
    private readonly data: Uint8Array,
    private readonly rawBytes: number,
  ) {}

  /** The root's source records (see sourceOfRecord), a batch at a time. */
  async *root(index: number): AsyncGenerator<string[]> {
    if (this.ended && index > this.passed) return;
    if (!this.batches || index <= this.passed) this.restart();
    for (;;) {
      const batch = this.pending ?? (await this.next());
      this.pending = null;
      if (!batch) {
        // Roots after the last one stored have no sources: no need to read the blob again for them.
        this.passed = Math.max(this.lastSeen, index);
        return;
      }
      this.lastSeen = Math.max(this.lastSeen, batch.root);
      if (batch.root > index) {
        this.pending = batch;
        this.passed = index;
        return;
      }
      this.passed = Math.max(this.passed, batch.root - 1);
      if (batch.root === index) yield batch.records;
    }
  }

  private restart(): void {
    void this.batches?.return(undefined);
    this.batches = streamSources(this.data, this.rawBytes);
    this.pending = null;
    this.passed = -1;
    this.ended = false;
    this.lastSeen = -1;
  }

  private async next(): Promise<SourceBatch | null> {
    const step = await this.batches!.next();
    if (!step.done) return step.value;
    this.ended = true;
    return null;
  }
}
