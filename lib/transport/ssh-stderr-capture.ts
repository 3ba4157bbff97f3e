import type { Readable } from "node:stream";

export const STDERR_CAP_BYTES = 64 * 1024;

/**
 * Reads a stderr stream to its end, keeping at most `cap` bytes: the first half and the last half,
 * because a Python traceback's decisive line is at the end while the command's first complaint is at
 * the start. Reading never stops, so a chatty stderr cannot stall the SSH channel window it shares.
 */
export function captureStderr(stream: Readable, cap = STDERR_CAP_BYTES): () => string {
  const half = Math.floor(cap / 2);
  const head: Buffer[] = [];
  let headBytes = 0;
  let tail = Buffer.alloc(0);
  let total = 0;
  stream.on("data", (chunk: Buffer) => {
    total += chunk.length;
    if (headBytes < half) {
      const take = chunk.subarray(0, half - headBytes);
      head.push(take);
      headBytes += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length > 0) tail = Buffer.concat([tail, chunk]).subarray(-half);
  });
  return () => {
    const omitted = total - headBytes - tail.length;
    const marker = omitted > 0 ? Buffer.from(`\n[… ${omitted} bytes of stderr omitted …]\n`) : Buffer.alloc(0);
    return Buffer.concat([...head, marker, tail]).toString("utf8");
  };
}
