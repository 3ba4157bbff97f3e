import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collectLocal, testSpec } from "../support/fixtures/collect";
import { ensureBaseImage, podmanUsable, removeContainer, startContainer } from "../support/podman";
import { realPython } from "../support/python";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// `hosts add … --container`: bad input is refused before anything is stored, a container the engine does not
// know fails its collection with its own code, and a container compares with a plain host like any snapshot.

const temp = tempDir("deploylens-cli-container-");
const databaseFile = path.join(temp.dir, "cli.db");
afterAll(() => temp.remove());
const cli = (...args: string[]) => runCli(args, { databaseFile });

test("a container name starting with '-' or an unknown engine is refused, and no host is saved", async () => {
  const dash = await cli("hosts", "add", "web", "--local", "--app-root", "/app", "--container=-H");
  expect(dash.code).not.toBe(0);
  expect(dash.stderr).toContain("must not start with '-'");
  const engine = await cli(
    "hosts",
    "add",
    "web",
    "--local",
    "--app-root",
    "/app",
    "--container",
    "web",
    "--engine",
    "lxc",
  );
  expect(engine.code).not.toBe(0);
  expect(engine.stderr).toContain("engine");
  expect((await cli("hosts", "list")).stdout).not.toContain("web");
});

test("an unknown container fails the collection with container-not-found", async () => {
  const name = `dl-none-${process.pid}`;
  const added = await cli(
    "hosts",
    "add",
    "ghost",
    "--local",
    "--app-root",
    "/app",
    "--container",
    name,
    "--engine",
    "podman",
  );
  expect(added.code).toBe(0);
  expect(added.stdout).toContain(`container ${name}`);
  const run = await cli("collect", "ghost");
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).toContain("[container-not-found]");
});

test("without an engine CLI on the collecting account's PATH the collection is container-engine-missing", async () => {
  // A PATH with only what runs the collector: `env` and a python3.
  const bin = path.join(temp.dir, "bin");
  fs.mkdirSync(bin);
  fs.symlinkSync(fs.realpathSync("/usr/bin/env"), path.join(bin, "env"));
  fs.symlinkSync(fs.realpathSync(realPython()), path.join(bin, "python3"));
  const saved = process.env.PATH;
  process.env.PATH = bin;
  try {
    const outcome = await collectLocal(testSpec({ appRoots: ["/app"], container: { name: "web", engine: null } }));
    expect(outcome).toMatchObject({ ok: false, code: "container-engine-missing" });
  } finally {
    process.env.PATH = saved;
  }
});

describe.runIf(podmanUsable())("with a real Podman container", () => {
  const name = `dl-cli-${process.pid}`;
  const app = path.join(temp.dir, "app");
  beforeAll(async () => {
    await startContainer(name, await ensureBaseImage(), [], ["python3", "-c", "import time; time.sleep(600)"]);
  }, 900_000);
  afterAll(() => removeContainer(name), 60_000);

  test("a container compares with a plain host", async () => {
    fs.mkdirSync(app, { recursive: true });
    expect(
      (await cli("hosts", "add", "box", "--local", "--app-root", "/usr/lib/python3/dist-packages", "--container", name))
        .code,
    ).toBe(0);
    expect((await cli("hosts", "add", "plain", "--local", "--app-root", app)).code).toBe(0);
    const collected = await cli("collect", "box");
    expect(collected.code, collected.stderr).toBe(0);
    expect(collected.stdout).toContain(`container ${name} (podman, image `);
    expect((await cli("collect", "plain")).code).toBe(0);
    const compared = await cli("compare", "plain", "box");
    expect(compared.code).toBe(0);
    expect(compared.stdout).toContain(`unit ${name}`);
  }, 300_000);
});
