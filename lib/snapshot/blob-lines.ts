import { Readable } from "node:stream";
import { createBrotliDecompress } from "node:zlib";
import { AppError } from "@/lib/errors";
import { eventLoopTurns } from "@/lib/event-loop-turns";

/** Inflated bytes handed over at a time: fewer, larger pieces to split into lines. */
const INFLATE_CHUNK = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("inventory-blob-too-large", `a stored inventory inflates beyond its recorded ${maxBytes} bytes`);
}

/**
 * The lines of a stored blob as they inflate, a batch per inflated piece (~256 KB: an await per batch, not
 * per line, and never more than a piece in memory), never more than `maxBytes` in all.
 */
export async function* blobLineBatches(data: Uint8Array, maxBytes: number): AsyncGenerator<string[]> {
  const inflating = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]).pipe(
    createBrotliDecompress({ chunkSize: INFLATE_CHUNK }),
  );
  let total = 0;
  let parts: Buffer[] = [];
  // Inflated pieces pile up while the reader is busy, and are then handed over without a pause: make one.
  const turn = eventLoopTurns();
  try {
    for await (const chunk of inflating as AsyncIterable<Buffer>) {
      await turn();
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      // Each line is decoded on its own, never sliced from a decoded piece: V8 makes a slice (and a string
      // JSON.parse takes from it) a view of its parent, so one path kept (a directory's name in a count) would
      // keep the whole piece alive. A line cut by the piece's end is joined once complete (a format-1 blob is
      // one 17 MB line at 100k sources); lines end at a newline byte, never inside a character.
      const batch: string[] = [];
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        if (parts.length === 0) batch.push(chunk.toString("utf8", start, nl));
        else {
          parts.push(chunk.subarray(start, nl));
          batch.push(Buffer.concat(parts).toString("utf8"));
          parts = [];
        }
        start = nl + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
      if (batch.length > 0) yield batch;
    }
  } finally {
    // A reader that stops early (or a blob too large) must not leave brotli inflating.
    inflating.destroy();
  }
  if (parts.length > 0) yield [Buffer.concat(parts).toString("utf8")];
}

/** The lines of a stored blob as they inflate (see blobLineBatches). */
export async function* blobLines(data: Uint8Array, maxBytes: number): AsyncGenerator<string> {
  for await (const batch of blobLineBatches(data, maxBytes)) yield* batch;
}
