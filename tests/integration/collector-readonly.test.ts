import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Inventory } from "@/lib/snapshot/schema";
import { collectOk } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { editSource } from "../support/fixtures/edits";
import { nonUtf8Source, privateDir, symlinkLoop } from "../support/fixtures/odd-entries";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { writeDropIn } from "../support/fixtures/unit-files";
import { pycacheDirs, treeListing } from "../support/fixtures/tree-listing";

// The collector must leave no trace: every entry keeps its mtime and ctime, nothing is created
// (no __pycache__, no prefix directories), even though it reads pyc headers, hashes sources and
// compiles them in memory to measure startup. And an unchanged target gives the same inventory.

let s: ServiceScenario;
let before: string[];
let pycachesBefore: string[];
const inventories: Inventory[] = [];

beforeAll(async () => {
  s = serviceScenario({ modules: 6 });
  compileTree(s.venv.python, path.join(s.pkg, "views"), { mode: "checked-hash" });
  compileTree(s.venv.python, [path.join(s.pkg, "m0.py"), path.join(s.pkg, "m1.py")], { mode: "unchecked-hash" });
  editSource(path.join(s.pkg, "m1.py"));
  writeTree(s.dep.app, { "plain/x.py": "X = 1\n", "plain/y.py": "Y = 2\n" });
  privateDir(path.join(s.pkg, "private"), { "p.py": "P = 1\n" });
  symlinkLoop(s.pkg);
  nonUtf8Source(s.pkg);
  before = treeListing(s.dep.root);
  pycachesBefore = pycacheDirs(s.dep.root);
  // Twice: once with a prefix that does not exist yet (it must not appear), once without.
  writeDropIn(s.unitFile, "prefix.conf", { Environment: `PYTHONPYCACHEPREFIX=${s.dep.path("not-created")}` });
  const spec = s.spec({ measureStartup: true, startupCapSeconds: 5 });
  const withPrefix = treeListing(s.dep.root);
  inventories.push((await collectOk(spec)).inventory);
  expect(treeListing(s.dep.root)).toEqual(withPrefix);
  fs.rmSync(`${s.unitFile}.d`, { recursive: true });
  before = treeListing(s.dep.root);
  for (let i = 0; i < 2; i++) inventories.push((await collectOk(spec)).inventory);
});

afterAll(() => s?.remove());

test("a collection changes no mtime or ctime and creates nothing in the target tree", () => {
  expect(treeListing(s.dep.root)).toEqual(before);
  expect(fs.existsSync(s.dep.path("not-created"))).toBe(false);
});

test("no __pycache__ appears anywhere new", () => {
  expect(pycacheDirs(s.dep.root)).toEqual(pycachesBefore);
  expect(pycachesBefore.some((dir) => dir.includes("/app/webapp/views"))).toBe(true);
});

test("an unchanged target gives an identical inventory, run after run", () => {
  expect(inventories[1]).toEqual(inventories[2]);
  expect(JSON.stringify(inventories[1])).toBe(JSON.stringify(inventories[2]));
});

test("startup cost was measured by compiling the blocked startup modules in memory", async () => {
  const { inventory, measurements } = await collectOk(s.spec({ measureStartup: true, entryPoints: ["webapp.m3"] }));
  const blocked = inventory.startup!.modules.filter((m) => m.blocked).map((m) => m.name);
  expect(blocked).toEqual(["webapp", "webapp.m3"]);
  expect(measurements.startup?.modules).toBe(blocked.length);
  expect(measurements.startup?.capped).toBe(false);
  expect(treeListing(s.dep.root)).toEqual(before);
});
