import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { runCollector } from "@/lib/collector/run-collector";
import { testSpec } from "../support/fixtures/collect";
import { createLocalTransport } from "@/lib/transport/local";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-cap-");
afterAll(() => temp.remove());
afterEach(() => {
  delete process.env.DEPLOYLENS_MAX_OUTPUT_BYTES;
});

const spec = testSpec({ appRoots: [temp.dir] });
for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(temp.dir, `module_${i}.py`), `X = ${i}\n`);

test("a collection whose output passes DEPLOYLENS_MAX_OUTPUT_BYTES fails as collector-output-too-large", async () => {
  process.env.DEPLOYLENS_MAX_OUTPUT_BYTES = "2048";
  const outcome = await runCollector(createLocalTransport(), spec);
  expect(outcome).toMatchObject({ ok: false, code: "collector-output-too-large" });
});

test("under the default cap the same collection succeeds", async () => {
  const outcome = await runCollector(createLocalTransport(), spec);
  expect(outcome.ok, JSON.stringify(outcome).slice(0, 300)).toBe(true);
});
