import { expect, test } from "vitest";
import { afterTurns, eventLoopTurns, oneTurn } from "@/lib/event-loop-turns";

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

test("oneTurn lets a timer that is due run before the step after it", async () => {
  let timerRan = false;
  setTimeout(() => (timerRan = true), 0);
  busyFor(2);
  await oneTurn();
  expect(timerRan).toBe(true);
});

test("parts that wait different numbers of turns settle in different turns of the event loop", async () => {
  // An immediate that counts the event loop's iterations while the parts wait.
  let iteration = 0;
  let counting = true;
  const count = () => {
    iteration++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const settledIn: number[] = [];
  await Promise.all([0, 1, 2, 3].map((turns) => afterTurns(turns).then(() => settledIn.push(iteration))));
  counting = false;
  expect(settledIn).toHaveLength(4);
  for (let part = 1; part < settledIn.length; part++) expect(settledIn[part]).toBeGreaterThan(settledIn[part - 1]!);
});
