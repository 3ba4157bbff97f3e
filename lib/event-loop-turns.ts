import { setImmediate as nextTurn } from "node:timers/promises";

/** Long enough that the pauses cost nothing measurable, short enough that no request waits long behind it. */
const SLICE_MS = 10;

/**
 * A loop of awaits over a stream can still hold the event loop for long: while the stream has data buffered,
 * each await continues in a microtask, before any timer, request or I/O callback gets its turn. Await the
 * returned function once per step of such a loop: it gives the event loop a turn (setImmediate) whenever
 * `sliceMs` has passed since the last one, and returns at once otherwise.
 */
export function eventLoopTurns(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}
