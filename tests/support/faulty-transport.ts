import { PassThrough, Transform } from "node:stream";
import type { Transport } from "@/lib/transport/types";

export type Fault =
  /** The connection drops after this many bytes of stdout; the command still "exits 0". */
  | { kind: "truncate"; afterBytes: number }
  /** One byte of stdout is changed at this offset from the end (inside the final result line). */
  | { kind: "corrupt"; fromEnd: number };

/** Wraps a real transport and damages what the collector prints, the way a bad link or a full disk could. */
export function faultyTransport(inner: Transport, fault: Fault): Transport {
  return {
    close: () => inner.close(),
    async exec(command, options) {
      const handle = await inner.exec(command, options);
      const chunks: Buffer[] = [];
      const collect = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          chunks.push(chunk);
          callback();
        },
        flush(callback) {
          let all = Buffer.concat(chunks);
          if (fault.kind === "truncate") all = all.subarray(0, fault.afterBytes);
          else {
            const at = Math.max(0, all.length - fault.fromEnd);
            all = Buffer.from(all);
            all[at] = all[at] === 0x7b ? 0x5b : 0x7b; // swap in a brace where none belongs
          }
          callback(null, all);
        },
      });
      const stdout = new PassThrough();
      handle.stdout.pipe(collect).pipe(stdout);
      return { stdout, done: handle.done };
    },
  };
}
