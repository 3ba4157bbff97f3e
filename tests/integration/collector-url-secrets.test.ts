import { afterAll, beforeAll, expect, test } from "vitest";
import { resultEventSchema } from "@/lib/snapshot/collector-events";
import { REDACTED } from "@/lib/snapshot/schema";
import { collectRaw } from "../support/fixtures/collect";
import { startFakeService, type FakeService } from "../support/fixtures/fake-service";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeUnit } from "../support/fixtures/unit-files";

// URL passwords leave the target redacted wherever they stand: one holding an unencoded '@' loses all of it
// (the userinfo ends at the authority's last '@'), and an allowlisted variable (PYTHONWARNINGS is one) keeps
// its value but not a URL password inside it. Checked on the real collector's raw stdout.

const SECRETS = { atInPassword: "ss-SECRET-after-at", warningsToken: "SECRET-in-pythonwarnings" };
const cacheUrl = `redis://:p@${SECRETS.atInPassword}@cache:6379/0`;
const warnings = `ignore::DeprecationWarning,https://tok:${SECRETS.warningsToken}@proxy.example/x`;

let s: ServiceScenario;
let service: FakeService;
let raw: string;

beforeAll(async () => {
  s = serviceScenario();
  const argv = [s.venv.python, s.server, "--workers", "2", cacheUrl];
  const unitFile = writeUnit(s.dep.units, "urls.service", {
    ExecStart: argv.join(" "),
    Environment: [`"PYTHONWARNINGS=${warnings}"`],
  });
  service = await startFakeService(argv, { PATH: "/usr/bin:/bin", PYTHONWARNINGS: warnings });
  const out = await collectRaw(s.spec({ service: "urls.service", unitFile }));
  expect(out.exitCode, out.stderr).toBe(0);
  raw = out.stdout.toString("latin1");
});

afterAll(async () => {
  await service?.stop();
  s?.remove();
});

test("no URL password reaches the collector's stdout", () => {
  for (const [name, secret] of Object.entries(SECRETS)) expect(raw.includes(secret), name).toBe(false);
});

test("a password holding '@' is redacted up to the host, in ExecStart= and the live argv", () => {
  const { service: entry } = resultEventSchema.parse(JSON.parse(raw.trim().split("\n").at(-1)!)).inventory;
  const kept = `redis://:${REDACTED}@cache:6379/0`;
  expect(entry.execStart.at(-1)).toBe(kept);
  expect(entry.process?.argv.at(-1)).toBe(kept);
});

test("an allowlisted variable keeps its value but loses a URL password", () => {
  const { service: entry } = resultEventSchema.parse(JSON.parse(raw.trim().split("\n").at(-1)!)).inventory;
  const kept = `ignore::DeprecationWarning,https://tok:${REDACTED}@proxy.example/x`;
  expect(entry.environment.PYTHONWARNINGS).toBe(kept);
  expect(entry.process?.environment?.PYTHONWARNINGS).toBe(kept);
});
