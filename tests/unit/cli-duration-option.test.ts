import { expect, test } from "vitest";
import { durationOption } from "@/lib/cli/duration-option";

test.each([
  ["90", 90],
  ["90s", 90],
  ["10m", 600],
  ["1h", 3600],
  ["1.5m", 90],
])("--timeout %s is %d seconds", (text, seconds) => {
  expect(durationOption({ timeout: text }, "timeout")).toBe(seconds);
});

test.each(["", "0", "10x", "-5m", "m"])("--timeout %j is refused", (text) => {
  expect(() => durationOption({ timeout: text }, "timeout")).toThrow(/--timeout needs a duration/);
});

test("absent is undefined", () => {
  expect(durationOption({}, "timeout")).toBeUndefined();
});
