import { expect, test } from "vitest";
import { errorEventSchema, resultEventSchema } from "@/lib/snapshot/collector-events";
import { FILES_MAX, MESSAGE_MAX, type Inventory } from "@/lib/snapshot/schema";
import { healthy } from "./analysis/helpers";

// Every string and array of the collector contract is bounded: a collector (or whatever answers in its
// place) that sends an oversized field gets its whole output rejected, never stored.

const valid = (): Inventory => healthy().process().snapshot().inventory;
const resultOf = (inventory: Inventory) => ({
  type: "result",
  inventory,
  measurements: { collectorMs: 1, startup: null },
});

const oversized: [string, (inv: Inventory) => void][] = [
  ["a root path longer than PATH_MAX", (inv) => void (inv.roots[0]!.path = `/${"a".repeat(4096)}`)],
  ["a source path longer than PATH_MAX", (inv) => void (inv.roots[0]!.sources[0]!.path = "x".repeat(4097))],
  [
    "a skipped detail over 64 KiB",
    (inv) => void inv.roots[0]!.skipped.push({ path: "p", reason: "unreadable", detail: "d".repeat(MESSAGE_MAX + 1) }),
  ],
  ["an explanation over 64 KiB", (inv) => void (inv.interpreter!.explain.optimize = "e".repeat(MESSAGE_MAX + 1))],
  [
    "more sources than FILES_MAX",
    (inv) => void (inv.roots[0]!.sources = Array(FILES_MAX + 1).fill(inv.roots[0]!.sources[0])),
  ],
  [
    "more pycs than FILES_MAX",
    (inv) =>
      void (inv.roots[0]!.extraPycs = Array(FILES_MAX + 1).fill({
        path: "a.pyc",
        kind: "orphan",
        tag: null,
        importable: false,
      })),
  ],
  [
    "an environment with more than 100,000 entries",
    (inv) =>
      void (inv.service.environment = Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`K${i}`, "v"]))),
  ],
  ["an environment value over 128 KiB", (inv) => void (inv.service.environment = { BIG: "v".repeat(128 * 1024 + 1) })],
  ["an argv word over 128 KiB", (inv) => void (inv.service.process!.argv = ["x".repeat(128 * 1024 + 1)])],
  ["a hostname over 1 KiB", (inv) => void (inv.hostname = "h".repeat(1025))],
  ["a package version over 1 KiB", (inv) => void (inv.packages = [{ name: "flask", version: "1".repeat(1025) }])],
  ["a sysPath with an over-long entry", (inv) => void (inv.interpreter!.sysPath = [`/${"s".repeat(4096)}`])],
];

test("the unmodified inventory passes", () => {
  expect(resultEventSchema.safeParse(resultOf(valid())).success).toBe(true);
});

// Parsing 100,000 environment entries or 5,000,001 array slots takes seconds on a loaded machine.
test.each(oversized)("%s is rejected", { timeout: 60_000 }, (_, mutate) => {
  const inventory = valid();
  mutate(inventory);
  const parsed = resultEventSchema.safeParse(resultOf(inventory));
  expect(parsed.success).toBe(false);
  // zod records have no .max(): the environment's key count is a refinement with its own message.
  expect(parsed.error?.issues.some((i) => i.code === "too_big" || i.message.startsWith("more than"))).toBe(true);
});

test("an error event's message is bounded too", () => {
  expect(
    errorEventSchema.safeParse({ type: "error", code: "internal", message: "m".repeat(MESSAGE_MAX) }).success,
  ).toBe(true);
  expect(
    errorEventSchema.safeParse({ type: "error", code: "internal", message: "m".repeat(MESSAGE_MAX + 1) }).success,
  ).toBe(false);
});
