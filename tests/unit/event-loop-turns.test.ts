import { expect, test } from "vitest";
import { eventLoopTurns } from "@/lib/event-loop-turns";

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** A loop of awaits that never waits for I/O, as a stream with data buffered behaves: steps of 2 ms, 60 ms in all. */
async function awaitingLoop(turn: (() => Promise<void> | undefined) | null): Promise<number> {
  const started = performance.now();
  let timerAfterMs = Infinity;
  setTimeout(() => (timerAfterMs = performance.now() - started), 0);
  for (let step = 0; step < 30; step++) {
    busyFor(2);
    await (turn?.() ?? Promise.resolve());
  }
  return timerAfterMs;
}

test("without turns, a loop of settled awaits keeps a due timer waiting until it ends", async () => {
  expect(await awaitingLoop(null)).toBe(Infinity);
});

test("with turns, a due timer runs within the slice, long before the loop ends", async () => {
  const timerAfterMs = await awaitingLoop(eventLoopTurns(10));
  expect(timerAfterMs).toBeLessThan(40);
});

test("within the slice, a turn costs nothing: it returns at once", () => {
  expect(eventLoopTurns(1_000)()).toBeUndefined();
});
