import path from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { MAX_LINE_BYTES } from "@/lib/collector/max-line-bytes";
import { runCollector } from "@/lib/collector/run-collector";
import { testSpec } from "../support/fixtures/collect";
import { createLocalTransport } from "@/lib/transport/local";
import { longLinePython } from "../support/fixtures/long-line-python";
import { tempDir } from "../support/temp-dir";

// A target whose python3 prints one 300 MiB JSON line (under the 256 MiB output cap's reach only at its end):
// the line is refused once it passes MAX_LINE_BYTES, before it is joined or parsed, and the collector stopped.

const temp = tempDir("deploylens-line-cap-");
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});
afterAll(() => temp.remove());

const spec = testSpec({ appRoots: [temp.dir] });

test("one line longer than MAX_LINE_BYTES fails as collector-output-invalid naming the limit", async () => {
  process.env.PATH = [longLinePython(temp.dir), savedPath].join(path.delimiter);
  const before = process.memoryUsage().rss;
  const outcome = await runCollector(createLocalTransport(), spec);
  expect(outcome).toMatchObject({ ok: false, code: "collector-output-invalid" });
  expect(!outcome.ok && outcome.message).toContain(`(${MAX_LINE_BYTES} bytes) limit on one line`);
  expect(!outcome.ok && outcome.message).toMatch(/^line 2 of the collector's output exceeds the 8 MiB/);
  // Nothing near the line's 300 MiB was held: the reader stopped at the limit.
  expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
});
