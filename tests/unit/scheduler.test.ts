import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createScheduler, type SchedulerDeps } from "@/lib/jobs/scheduler";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(2026, 0, 1, 10, 59, 58) });
});
afterEach(() => {
  vi.useRealTimers();
});

function deps(schedules: { hostId: string; schedule: string }[], collect: SchedulerDeps["collect"]): SchedulerDeps {
  return {
    listSchedules: async () => schedules,
    collect,
    reloadMs: 3_600_000,
    onError: (what, e) => {
      throw new Error(`${what}: ${e}`);
    },
  };
}

test("an hourly schedule fires at the top of the hour, once", async () => {
  const calls: string[] = [];
  const scheduler = createScheduler(deps([{ hostId: "a", schedule: "0 * * * *" }], async (id) => void calls.push(id)));
  await scheduler.reload();
  expect(scheduler.nextRun("a")).toEqual(new Date(2026, 0, 1, 11, 0, 0));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(calls).toEqual([]);
  await vi.advanceTimersByTimeAsync(2_000);
  expect(calls).toEqual(["a"]);
  await vi.advanceTimersByTimeAsync(59 * 60_000);
  expect(calls).toEqual(["a"]);
  scheduler.stop();
});

test("a restart after hours of downtime does not replay the missed runs", async () => {
  const calls: Date[] = [];
  const first = createScheduler(
    deps([{ hostId: "a", schedule: "0 * * * *" }], async () => void calls.push(new Date())),
  );
  await first.reload();
  first.stop();
  vi.setSystemTime(new Date(2026, 0, 1, 16, 30, 0)); // five hourly runs were missed while stopped
  const second = createScheduler(
    deps([{ hostId: "a", schedule: "0 * * * *" }], async () => void calls.push(new Date())),
  );
  await second.reload();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(calls).toEqual([]);
  await vi.advanceTimersByTimeAsync(30 * 60_000);
  expect(calls).toEqual([new Date(2026, 0, 1, 17, 0, 0)]);
  second.stop();
});

test("a host's run that outlasts its interval is not started again until it ends", async () => {
  let finish = () => {};
  let calls = 0;
  const slow = () => new Promise<void>((resolve) => ((calls += 1), (finish = resolve)));
  const scheduler = createScheduler(deps([{ hostId: "a", schedule: "* * * * * *" }], slow));
  await scheduler.reload();
  await vi.advanceTimersByTimeAsync(5_000);
  expect(calls).toBe(1);
  finish();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(calls).toBe(2);
  scheduler.stop();
});

test("reload picks up new, changed and removed schedules", async () => {
  const schedules = [{ hostId: "a", schedule: "0 * * * *" }];
  const scheduler = createScheduler(deps(schedules, async () => {}));
  await scheduler.reload();
  schedules.push({ hostId: "b", schedule: "30 * * * *" });
  schedules[0] = { hostId: "a", schedule: "15 * * * *" };
  await scheduler.reload();
  expect(scheduler.nextRun("a")).toEqual(new Date(2026, 0, 1, 11, 15, 0));
  expect(scheduler.nextRun("b")).toEqual(new Date(2026, 0, 1, 11, 30, 0));
  schedules.splice(0, 2);
  await scheduler.reload();
  expect(scheduler.nextRun("a")).toBeNull();
  scheduler.stop();
});
