import { setImmediate as nextTurn, setTimeout as nextTimer } from "node:timers/promises";

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

/**
 * Gives the event loop one turn, through a timer: awaited between steps that each take milliseconds and would
 * otherwise run as one. Not an immediate: while Next renders a page's first tasks it runs the immediates they
 * queue within the same task (its fast-set-immediate patch), so there only a timer lets anything else run.
 */
export const oneTurn = (): Promise<void> => nextTimer(0);

/**
 * Resolves after `count` turns of the event loop. Parts of one React render that are ready in the same turn are
 * rendered together, in one go: parts that wait for different numbers of turns are rendered one per turn.
 */
export async function afterTurns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await oneTurn();
}
