import type { Readable } from "node:stream";

export class LineTooLongError extends Error {
  override name = "LineTooLongError";
}

/**
 * Splits a byte stream into lines (without "\n") as it arrives. A line is joined from the chunks
 * that hold it only once, so a 20 MB result line costs its own size once more, not per chunk.
 */
export async function* readLines(stream: Readable, maxLineBytes: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      parts.push(chunk.subarray(start, nl));
      const line = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      size = 0;
      start = nl + 1;
      yield line;
    }
    if (start < chunk.length) {
      parts.push(chunk.subarray(start));
      size += chunk.length - start;
      if (size > maxLineBytes) throw new LineTooLongError(`a line of the collector's output exceeds ${maxLineBytes} bytes`);
    }
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
