import { Readable } from "node:stream";
import { createBrotliDecompress } from "node:zlib";
import { AppError } from "@/lib/errors";
import { eventLoopTurns } from "@/lib/event-loop-turns";

/** Inflated bytes handed over at a time: fewer, larger pieces to split into lines (and brotli runs faster). */
const INFLATE_CHUNK = 256 * 1024;
const NEWLINE = 10;

function tooLarge(maxBytes: number): AppError {
  return new AppError("inventory-blob-too-large", `a stored inventory inflates beyond its recorded ${maxBytes} bytes`);
}

/**
 * A stored blob's bytes as they inflate, in pieces of whole lines (each ends with a newline, but the blob's last
 * piece may not), never more than `maxBytes` in all. A line cut by an inflated piece's end is joined once complete
 * (a format-1 blob is one line: 17 MB at 100k sources); lines end at a newline byte, never inside a character.
 */
export async function* blobLinePieces(data: Uint8Array, maxBytes: number): AsyncGenerator<Buffer> {
  const inflating = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]).pipe(
    createBrotliDecompress({ chunkSize: INFLATE_CHUNK }),
  );
  let total = 0;
  let cut: Buffer[] = [];
  // Inflated pieces pile up while the reader is busy, and are then handed over without a pause: make one.
  const turn = eventLoopTurns();
  try {
    for await (const chunk of inflating as AsyncIterable<Buffer>) {
      await turn();
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      const last = chunk.lastIndexOf(NEWLINE);
      if (last < 0) {
        cut.push(chunk);
        continue;
      }
      let start = 0;
      if (cut.length > 0) {
        start = chunk.indexOf(NEWLINE) + 1;
        yield Buffer.concat([...cut, chunk.subarray(0, start)]);
        cut = [];
      }
      if (start <= last) yield chunk.subarray(start, last + 1);
      if (last + 1 < chunk.length) cut.push(chunk.subarray(last + 1));
    }
  } finally {
    // A reader that stops early (or a blob too large) must not leave brotli inflating.
    inflating.destroy();
  }
  if (cut.length > 0) yield Buffer.concat(cut);
}

/**
 * The lines of a stored blob as they inflate. Each line is decoded on its own, never sliced from a decoded piece:
 * V8 makes a slice (and a string JSON.parse takes from it) a view of its parent, so one path kept would keep the
 * whole piece alive.
 */
export async function* blobLines(data: Uint8Array, maxBytes: number): AsyncGenerator<string> {
  for await (const piece of blobLinePieces(data, maxBytes)) {
    for (let start = 0; start < piece.length;) {
      const newline = piece.indexOf(NEWLINE, start);
      const end = newline < 0 ? piece.length : newline;
      yield piece.toString("utf8", start, end);
      start = end + 1;
    }
  }
}
