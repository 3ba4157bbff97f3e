import type { Readable } from "node:stream";

/** The collector wrote more than the configured cap: the target is not what we think it is. */
export class OutputTooLargeError extends Error {
  override name = "OutputTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`the collector's output exceeds ${maxBytes} bytes (DEPLOYLENS_MAX_OUTPUT_BYTES)`);
  }
}

/**
 * Splits a byte stream into lines (without "\n") as it arrives, and stops with OutputTooLargeError once
 * more than `maxBytes` arrived in all. A line is joined from the chunks that hold it only once, so a
 * 20 MB result line costs its own size once more, not per chunk.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new OutputTooLargeError(maxBytes);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      parts.push(chunk.subarray(start, nl));
      const line = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      start = nl + 1;
      yield line;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
