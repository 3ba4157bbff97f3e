import { expect, test } from "vitest";
import { createScheduler } from "@/lib/jobs/scheduler";

// Real timers: the point is what the event loop gets to run while a fleet's schedules load.
const fleet = Array.from({ length: 5_000 }, (_, i) => ({
  hostId: `host-${i}`,
  schedule: `${i % 60} ${Math.floor(i / 60) % 10}-59/10 * * * *`,
}));

function fleetScheduler() {
  return createScheduler({ listSchedules: async () => fleet, collect: async () => {}, reloadMs: 3_600_000 });
}

test("loading thousands of schedules lets other work run in between", async () => {
  const scheduler = fleetScheduler();
  let otherWorkRan = false;
  setImmediate(() => (otherWorkRan = true));
  await scheduler.reload();
  expect(otherWorkRan).toBe(true);
  expect(fleet.every((s) => scheduler.nextRun(s.hostId) !== null)).toBe(true);
  scheduler.stop();
});

test("a scheduler stopped while its schedules load arms no more of them", async () => {
  const scheduler = fleetScheduler();
  const reloading = scheduler.reload();
  setImmediate(() => scheduler.stop());
  await reloading;
  expect(scheduler.nextRun(fleet.at(-1)!.hostId)).toBeNull();
});
