import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { DEFAULT_MAX_OUTPUT_BYTES } from "@/lib/collector/max-output-bytes";
import { runCollector } from "@/lib/collector/run-collector";
import { defaultSpec, type CollectorSpec } from "@/lib/collector/spec";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import { TransportError, type Transport } from "@/lib/transport/types";
import { InventoryBuilder } from "../support/inventory-builder";

// runCollector's side of the protocol, against a transport that replays a fixed stdout and exit:
// what the collector printed decides the outcome, never an exception.

const spec: CollectorSpec = { ...defaultSpec, appRoots: ["/srv/app"], service: null, unitFile: null, python: null };

function replay(
  stdout: string | Buffer[],
  exit: { exitCode: number | null; signal?: string | null; stderr?: string } = { exitCode: 0 },
): Transport & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    exec: async (command) => {
      commands.push(command);
      const chunks = typeof stdout === "string" ? [Buffer.from(stdout)] : stdout;
      return {
        stdout: Readable.from(chunks),
        done: Promise.resolve({ exitCode: exit.exitCode, signal: exit.signal ?? null, stderr: exit.stderr ?? "" }),
      };
    },
    close: async () => {},
  };
}

const inventory = new InventoryBuilder().root("/srv/app").source("a.py").build();
const result = JSON.stringify({ type: "result", inventory, measurements: { collectorMs: 12, startup: null } });
const progress = JSON.stringify({ type: "progress", phase: "walk", dirs: 3, files: 9 });

test("progress events reach the callback and the validated result comes back", async () => {
  const seen: ProgressEvent[] = [];
  const outcome = await runCollector(replay(`${progress}\n${result}\n`), spec, { onProgress: (e) => seen.push(e) });
  expect(seen).toEqual([{ type: "progress", phase: "walk", dirs: 3, files: 9 }]);
  expect(outcome).toEqual({ ok: true, inventory, measurements: { collectorMs: 12, startup: null } });
});

test("a result split across many small chunks is reassembled", async () => {
  const bytes = Buffer.from(`${progress}\n${result}\n`);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
  expect((await runCollector(replay(chunks), spec)).ok).toBe(true);
});

test.each([
  [
    "a line that is not JSON",
    `${progress}\nTraceback (most recent call last):\n`,
    { exitCode: 1 },
    "collector-output-invalid",
    /line 2 .*not JSON/,
  ],
  [
    "a result that breaks the contract",
    result.replace('"formatVersion":1', '"formatVersion":2'),
    { exitCode: 0 },
    "collector-output-invalid",
    /result event.*formatVersion/,
  ],
  ["no result at all", `${progress}\n`, { exitCode: 0 }, "collector-output-invalid", /without a result/],
  [
    "a crash after progress",
    `${progress}\n`,
    { exitCode: 1, stderr: "Killed\n" },
    "collector-crashed",
    /exit status 1: Killed/,
  ],
  ["death by signal", "", { exitCode: null, signal: "KILL" }, "collector-crashed", /signal KILL/],
  ["two results", `${result}\n${result}\n`, { exitCode: 0 }, "collector-output-invalid", /after the final result/],
  [
    "an error event",
    JSON.stringify({ type: "error", code: "no-python", message: "no python3" }),
    { exitCode: 1 },
    "no-python",
    /no python3/,
  ],
] as const)("%s gives a failed outcome with a specific code", async (_, stdout, exit, code, message) => {
  const outcome = await runCollector(replay(stdout, exit), spec);
  expect(outcome).toMatchObject({ ok: false, code });
  if (!outcome.ok) expect(outcome.message).toMatch(message);
});

test("a transport failure is passed through with its code", async () => {
  const failing: Transport = {
    exec: async () => {
      throw new TransportError("connect-timeout", "no answer");
    },
    close: async () => {},
  };
  expect(await runCollector(failing, spec)).toEqual({ ok: false, code: "connect-timeout", message: "no answer" });
});

test("an invalid spec never reaches the target", async () => {
  const transport = replay(result);
  const outcome = await runCollector(transport, { ...spec, appRoots: ["relative"] });
  expect(outcome).toMatchObject({ ok: false, code: "bad-spec" });
  expect(transport.commands).toEqual([]);
});

test("the command carries the spec only as base64 and runs python3 -I -S -B - in a minimal environment", async () => {
  const transport = replay(result);
  await runCollector({ ...transport }, { ...spec, appRoots: ["/srv/it's $(rm -rf) `x`"] });
  const command = transport.commands[0]!;
  const b64 = /env -i LC_ALL=C [^;]* "\$p" -I -S -B - ([A-Za-z0-9+/=]+);/.exec(command)?.[1];
  expect(JSON.parse(Buffer.from(b64!, "base64").toString("utf8")).appRoots).toEqual(["/srv/it's $(rm -rf) `x`"]);
  expect(command.replace(b64!, "")).not.toMatch(/rm -rf|srv/);
  expect(await runCollector(transport, spec, { python: "/opt/py; rm -rf /" })).toMatchObject({
    ok: false,
    code: "bad-spec",
  });
});

/** Runs with DEPLOYLENS_MAX_OUTPUT_BYTES set (its smallest allowed value), restoring the environment after. */
async function withCap<T>(bytes: string, run: () => Promise<T>): Promise<T> {
  process.env.DEPLOYLENS_MAX_OUTPUT_BYTES = bytes;
  try {
    return await run();
  } finally {
    delete process.env.DEPLOYLENS_MAX_OUTPUT_BYTES;
  }
}

const bigInventory = new InventoryBuilder().root("/srv/app").sources(40, "fresh", "pkg").build();
const padded = JSON.stringify({
  type: "result",
  inventory: bigInventory,
  measurements: { collectorMs: 12, startup: null },
});

test.each([
  ["many lines", Array.from({ length: 50 }, () => `${progress}\n`).join("") + `${result}\n`],
  ["one long line", `${padded}\n`],
  ["one long line without a newline", padded],
])("output beyond the cap (%s) fails with collector-output-too-large", async (_, stdout) => {
  expect(stdout.length).toBeGreaterThan(1024);
  const outcome = await withCap("1024", () => runCollector(replay(stdout), spec));
  expect(outcome).toMatchObject({ ok: false, code: "collector-output-too-large" });
});

test("the cap defaults to 256 MiB and DEPLOYLENS_MAX_OUTPUT_BYTES changes it", async () => {
  expect(DEFAULT_MAX_OUTPUT_BYTES).toBe(256 * 1024 * 1024);
  expect((await runCollector(replay(`${padded}\n`), spec)).ok).toBe(true);
  const capped = await withCap("1024", () => runCollector(replay(`${padded}\n`), spec));
  expect(capped).toMatchObject({ ok: false, code: "collector-output-too-large" });
});
