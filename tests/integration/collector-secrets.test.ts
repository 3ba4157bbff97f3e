import fs from "node:fs";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import Database, { databaseFileBytes } from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { resultEventSchema } from "@/lib/snapshot/collector-events";
import { REDACTED } from "@/lib/snapshot/schema";
import { collectRaw } from "../support/fixtures/collect";
import { startFakeService, type FakeService } from "../support/fixtures/fake-service";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeEnvFile, writeUnit } from "../support/fixtures/unit-files";
import { runCli } from "../support/run-cli";

// Secrets stay on the target: every environment value whose key is not on the exact-name allowlist,
// and every option value, KEY=VALUE value and URL password of ExecStart= and the live argv, is
// replaced before it is written to stdout. The assertions are on the collector's raw bytes, on
// `deploylens collect --json` and on the SQLite files (blobs decompressed).

const SECRETS = {
  unit: "hunter2-from-environment-line",
  quoted: "quoted secret with spaces",
  file: "tok-from-environment-file",
  continued: "continued-secret-tail",
  process: "sk-live-from-the-process",
  pythonPrefixed: "pw-in-a-python-prefixed-name",
  argvUrl: "pw-in-a-database-url",
  argvToken: "tok-after-an-option",
  argvAssigned: "key-after-equals",
};

let s: ServiceScenario;
let service: FakeService;
let raw: string;
let argv: string[];
let unitFile: string;

beforeAll(async () => {
  s = serviceScenario();
  const envFile = writeEnvFile(
    s.dep.units,
    "webapp.env",
    `# database\nAPI_TOKEN="${SECRETS.file}"\nLONG_SECRET=first-part-\\\n${SECRETS.continued}\n; comment\nPYTHONOPTIMIZE=1\n`,
  );
  argv = [
    s.venv.python,
    "-O",
    s.server,
    `--db=postgresql://lm:${SECRETS.argvUrl}@db/lm`,
    "--token",
    SECRETS.argvToken,
    `--signing-key=${SECRETS.argvAssigned}`,
    "--workers",
    "4",
  ];
  // No User=: the fake service runs as root, and only a process of the unit's user is its process.
  unitFile = writeUnit(s.dep.units, "secret.service", {
    ExecStart: argv.join(" "),
    Environment: [
      `DB_PASSWORD=${SECRETS.unit} "QUOTED=${SECRETS.quoted}"`,
      "LANG=C.UTF-8",
      `PYTHON_DB_PASSWORD=${SECRETS.pythonPrefixed}`,
    ],
    EnvironmentFile: `-${envFile}`,
  });
  service = await startFakeService(argv, {
    PATH: "/usr/bin:/bin",
    STRIPE_KEY: SECRETS.process,
    DB_PASSWORD: SECRETS.unit,
    PYTHON_DB_PASSWORD: SECRETS.pythonPrefixed,
  });
  const out = await collectRaw(s.spec({ service: "secret.service", unitFile }));
  expect(out.exitCode, out.stderr).toBe(0);
  raw = out.stdout.toString("latin1");
});

afterAll(async () => {
  await service?.stop();
  s?.remove();
});

function expectNoSecret(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    expect(text.includes(secret), `${name} in ${where}`).toBe(false);
    expect(text.includes(Buffer.from(secret).toString("base64")), `${name} (base64) in ${where}`).toBe(false);
  }
}

test("no secret appears in the collector's stdout", () => {
  expectNoSecret(raw, "the collector's stdout");
});

test("secret keys stay visible with the value replaced; allowlisted values are kept", () => {
  const result = resultEventSchema.parse(JSON.parse(raw.trim().split("\n").at(-1)!));
  const { environment, process, configFiles } = result.inventory.service;
  expect(environment).toMatchObject({
    DB_PASSWORD: REDACTED,
    QUOTED: REDACTED,
    API_TOKEN: REDACTED,
    LONG_SECRET: REDACTED,
    PYTHON_DB_PASSWORD: REDACTED,
    LANG: "C.UTF-8",
    PYTHONOPTIMIZE: "1",
  });
  expect(process?.pid).toBe(service.pid);
  expect(process?.environment).toEqual({
    DB_PASSWORD: REDACTED,
    PATH: "/usr/bin:/bin",
    STRIPE_KEY: REDACTED,
    PYTHON_DB_PASSWORD: REDACTED,
  });
  expect(configFiles.find((f) => f.kind === "environment-file")).toMatchObject({ exists: true, optional: true });
});

test("ExecStart= and the live argv keep the interpreter, its -O and the script, and lose option values", () => {
  const result = resultEventSchema.parse(JSON.parse(raw.trim().split("\n").at(-1)!));
  const redacted = [
    s.venv.python,
    "-O",
    s.server,
    `--db=${REDACTED}`,
    "--token",
    REDACTED,
    `--signing-key=${REDACTED}`,
    "--workers",
    "4",
  ];
  expect(result.inventory.service.execStart).toEqual(redacted);
  expect(result.inventory.service.process?.argv).toEqual(redacted);
  expect(result.inventory.interpreter?.optimize).toBe(1);
});

test("deploylens collect --json and the database file hold no secret", async () => {
  const databaseFile = s.dep.path("deploylens.db");
  const added = await runCli(
    [
      "hosts",
      "add",
      "here",
      "--local",
      "--app-root",
      s.dep.app,
      "--service",
      "secret.service",
      "--unit-file",
      unitFile,
      "--no-startup-cost",
    ],
    { databaseFile },
  );
  expect(added.code, added.stderr).toBe(0);
  const collected = await runCli(["collect", "here", "--json"], { databaseFile });
  expect(collected.code, collected.stderr).toBe(0);
  expect(JSON.parse(collected.stdout)).toMatchObject({ status: "ok" });
  expectNoSecret(collected.stdout, "collect --json");
  expectNoSecret(collected.stderr, "collect's stderr");

  const db = new Database(databaseFile, { readonly: true });
  const blobs = db.prepare("SELECT data FROM InventoryBlob").all() as { data: Buffer }[];
  db.close();
  expect(blobs.length).toBeGreaterThan(0);
  for (const blob of blobs) expectNoSecret(brotliDecompressSync(blob.data).toString("latin1"), "a decompressed blob");
  for (const file of [databaseFile, `${databaseFile}-wal`].filter((f) => fs.existsSync(f))) {
    expectNoSecret(databaseFileBytes(file).toString("latin1"), path.basename(file));
  }
});
