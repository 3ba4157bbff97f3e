import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { runCollector } from "@/lib/collector/run-collector";
import { createLocalTransport } from "@/lib/transport/local";
import { testSpec } from "../support/fixtures/collect";
import { tempDir } from "../support/temp-dir";

// The real collector, run as the target runs it, believing systemd is PID 1 (the test machine has none) with a
// `systemctl` on PATH that records its arguments. A unit name starting with '-' must never reach systemctl even
// when the dashboard's own checks are bypassed, and every unit name travels after "--".

const temp = tempDir("deploylens-option-injection-");
afterAll(() => temp.remove());
const bin = path.join(temp.dir, "bin");
const log = path.join(temp.dir, "systemctl-argv");
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, "systemctl"), `#!/bin/sh\nprintf '%s\\n' "$@" > ${log}\necho LoadState=not-found\n`, {
  mode: 0o755,
});
beforeEach(() => fs.rmSync(log, { force: true }));

// Only the answer to "is systemd running?" changes; the collector program itself is the one sent to targets.
const AS_UNDER_SYSTEMD = `
import os, sys
_isdir = os.path.isdir
os.path.isdir = lambda p: p == "/run/systemd/system" or _isdir(p)
sys.argv = ["-"] + sys.argv[1:]
exec(compile(sys.stdin.read(), "<collector>", "exec"), {"__name__": "__main__"})
`;

function collectUnderSystemd(service: string): Record<string, unknown> {
  const spec = testSpec({ appRoots: [temp.dir], service });
  const b64 = Buffer.from(JSON.stringify(spec)).toString("base64");
  const run = spawnSync("python3", ["-I", "-S", "-B", "-c", AS_UNDER_SYSTEMD, b64], {
    input: collectorProgram(),
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, LC_ALL: "C" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = run.stdout.toString("utf8").trim().split("\n");
  return JSON.parse(lines.at(-1)!) as Record<string, unknown>;
}

test("the collector refuses a unit name starting with '-' before any command sees it", () => {
  const final = collectUnderSystemd("-Hroot@127.0.0.1");
  expect(final).toMatchObject({ type: "error", code: "bad-spec" });
  expect(final.message).toContain("starts with '-'");
  expect(fs.existsSync(log), "systemctl was run").toBe(false);
});

test("systemctl gets the unit name after '--'", () => {
  collectUnderSystemd("web");
  expect(fs.readFileSync(log, "utf8").trim().split("\n").slice(-2)).toEqual(["--", "web.service"]);
  expect(fs.readFileSync(log, "utf8").split("\n")[0]).toBe("show");
});

test("the dashboard refuses such a spec before sending anything to the target", async () => {
  const outcome = await runCollector(createLocalTransport(), testSpec({ appRoots: [temp.dir], service: "-Hx" }));
  expect(outcome).toMatchObject({ ok: false, code: "bad-spec" });
  expect(!outcome.ok && outcome.message).toContain("service: must not start with '-'");
});
