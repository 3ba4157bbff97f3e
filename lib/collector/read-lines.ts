import type { Readable } from "node:stream";
import { MAX_LINE_BYTES } from "./max-line-bytes";

/** The collector wrote more than the configured cap: the target is not what we think it is. */
export class OutputTooLargeError extends Error {
  override name = "OutputTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`the collector's output exceeds ${maxBytes} bytes (DEPLOYLENS_MAX_OUTPUT_BYTES)`);
  }
}

/** One line of the collector's output is longer than any line it writes: it is refused unread. */
export class LineTooLongError extends Error {
  override name = "LineTooLongError";
  constructor(
    readonly lineNumber: number,
    readonly maxLineBytes: number,
  ) {
    const mib = maxLineBytes % (1024 * 1024) === 0 ? `${maxLineBytes / (1024 * 1024)} MiB ` : "";
    super(
      `line ${lineNumber} of the collector's output exceeds the ${mib}(${maxLineBytes} bytes) limit on one line; ` +
        "the collector's lines are far shorter",
    );
  }
}

/**
 * Splits a byte stream into lines (without "\n") as it arrives, and stops with OutputTooLargeError once
 * more than `maxBytes` arrived in all, or with LineTooLongError as soon as the line being gathered passes
 * `maxLineBytes` — before it is joined, so an endless line costs at most that much memory. A line is joined
 * from the chunks that hold it only once, so a long line costs its own size once more, not per chunk.
 */
export async function* readLines(
  stream: Readable,
  maxBytes: number,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let pending = 0; // bytes of the unfinished line held in `parts`
  let total = 0;
  let lineNumber = 1;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new OutputTooLargeError(maxBytes);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (pending + nl - start > maxLineBytes) throw new LineTooLongError(lineNumber, maxLineBytes);
      parts.push(chunk.subarray(start, nl));
      const line = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      parts = [];
      pending = 0;
      start = nl + 1;
      lineNumber++;
      yield line;
    }
    if (start < chunk.length) {
      pending += chunk.length - start;
      if (pending > maxLineBytes) throw new LineTooLongError(lineNumber, maxLineBytes);
      parts.push(chunk.subarray(start));
    }
  }
  if (parts.length > 0) yield Buffer.concat(parts);
}
