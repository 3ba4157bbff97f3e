import { expect, test } from "vitest";
import { processSingleton } from "@/lib/process-singleton";

test("processSingleton makes the value once per key and hands every caller the same one", () => {
  let made = 0;
  const create = () => ({ n: ++made });
  const first = processSingleton("deploylensTestSingleton", create);
  const second = processSingleton("deploylensTestSingleton", create);
  expect(second).toBe(first);
  expect(made).toBe(1);
  expect(processSingleton("deploylensTestSingletonOther", create)).toEqual({ n: 2 });
});
