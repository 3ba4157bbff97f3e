import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, writeTree, appFiles, type Deployment } from "../support/fixtures/deployment";
import { createVenv, type Venv } from "../support/fixtures/venv";
import { runCli } from "../support/run-cli";

// A typo'd app root used to read as "100 %, no findings": only site-packages was counted. Now the
// root says why it was not walked, and the snapshot carries a critical finding instead of a verdict.

let dep: Deployment;
let typo: string;
let venv: Venv;

beforeAll(() => {
  dep = createDeployment();
  writeTree(dep.app, appFiles("lernmanager", 2));
  typo = path.join(dep.root, "ap");
  // A small venv as the interpreter, so that its site-packages (all that is walked) stays small.
  venv = createVenv(dep.python, dep.path("venv"), {
    pkg: { name: "tinyweb", version: "1.0", files: { "tinyweb/__init__.py": "" } },
    compile: true,
  });
});

afterAll(() => dep?.remove());

test("a root that does not exist says so in the inventory", async () => {
  const { inventory } = await collectOk(testSpec({ appRoots: [typo, dep.app], python: venv.python }));
  const [missing, real] = inventory.roots;
  expect(missing).toMatchObject({
    path: typo,
    kind: "app",
    exists: false,
    problem: "No such file or directory",
    sources: [],
  });
  expect(real).toMatchObject({ path: dep.app, exists: true });
  expect(real).not.toHaveProperty("problem");
});

test("collect reports the typo as a critical finding and never says caching works", async () => {
  const databaseFile = dep.path("deploylens.db");
  const added = await runCli(
    ["hosts", "add", "typo", "--local", "--app-root", typo, "--python", venv.python, "--no-startup-cost"],
    { databaseFile },
  );
  expect(added.code, added.stderr).toBe(0);
  const json = await runCli(["collect", "typo", "--json"], { databaseFile });
  expect(json.code, json.stderr).toBe(0);
  const snapshot = JSON.parse(json.stdout) as { findings: { id: string; severity: string; title: string }[] };
  expect(snapshot.findings[0]).toMatchObject({
    id: "app-root-unreadable",
    severity: "critical",
    title: `The app root ${typo} does not exist`,
  });
  const text = await runCli(["collect", "typo"], { databaseFile });
  expect(text.stdout).toContain("app-root-unreadable");
  expect(text.stdout).not.toMatch(/caching works/);
});
