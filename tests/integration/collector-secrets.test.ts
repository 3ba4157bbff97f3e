import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { REDACTED, resultEventSchema } from "@/lib/snapshot/schema";
import { collectRaw } from "../support/fixtures/collect";
import { startFakeService, type FakeService } from "../support/fixtures/fake-service";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeEnvFile, writeUnit } from "../support/fixtures/unit-files";

// Secrets stay on the target: every environment value whose key is not allowlisted is replaced
// before it is written to stdout. The assertions are on the collector's raw bytes.

const SECRETS = {
  unit: "hunter2-from-environment-line",
  quoted: "quoted secret with spaces",
  file: "tok-from-environment-file",
  continued: "continued-secret-tail",
  process: "sk-live-from-the-process",
};

let s: ServiceScenario;
let service: FakeService;
let raw: string;

beforeAll(async () => {
  s = serviceScenario();
  const envFile = writeEnvFile(
    s.dep.units,
    "webapp.env",
    `# database\nAPI_TOKEN="${SECRETS.file}"\nLONG_SECRET=first-part-\\\n${SECRETS.continued}\n; comment\nPYTHONOPTIMIZE=1\n`,
  );
  const marker = path.basename(s.dep.root);
  const argv = [s.venv.python, s.server, "--secrets-marker", marker];
  // No User=: the fake service runs as root, and only a process of the unit's user is its process.
  const unitFile = writeUnit(s.dep.units, "secret.service", {
    ExecStart: argv.join(" "),
    Environment: [`DB_PASSWORD=${SECRETS.unit} "QUOTED=${SECRETS.quoted}"`, "LANG=C.UTF-8"],
    EnvironmentFile: `-${envFile}`,
  });
  service = await startFakeService(argv, { PATH: "/usr/bin:/bin", STRIPE_KEY: SECRETS.process, DB_PASSWORD: SECRETS.unit });
  const out = await collectRaw(s.spec({ service: "secret.service", unitFile }));
  expect(out.exitCode, out.stderr).toBe(0);
  raw = out.stdout.toString("latin1");
});

afterAll(async () => {
  await service?.stop();
  s?.remove();
});

test.each(Object.entries(SECRETS))("the %s secret never appears in the collector's stdout", (_, secret) => {
  expect(raw.includes(secret)).toBe(false);
  expect(raw.includes(Buffer.from(secret).toString("base64"))).toBe(false);
});

test("secret keys stay visible with the value replaced; allowlisted values are kept", () => {
  const result = resultEventSchema.parse(JSON.parse(raw.trim().split("\n").at(-1)!));
  const { environment, process, configFiles } = result.inventory.service;
  expect(environment).toMatchObject({ DB_PASSWORD: REDACTED, QUOTED: REDACTED, API_TOKEN: REDACTED, LONG_SECRET: REDACTED, LANG: "C.UTF-8", PYTHONOPTIMIZE: "1" });
  expect(process?.pid).toBe(service.pid);
  expect(process?.environment).toEqual({ DB_PASSWORD: REDACTED, PATH: "/usr/bin:/bin", STRIPE_KEY: REDACTED });
  expect(configFiles.find((f) => f.kind === "environment-file")).toMatchObject({ exists: true, optional: true });
});
