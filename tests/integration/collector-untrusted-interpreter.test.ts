import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { diagnose } from "@/lib/analysis/diagnostics";
import { runCollector, type CollectorOutcome } from "@/lib/collector/run-collector";
import { runProbe } from "@/lib/collector/run-probe";
import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import { createLocalTransport } from "@/lib/transport/local";
import { createSshTransport } from "@/lib/transport/ssh";
import { textOf } from "../unit/analysis/helpers";
import { collectOk, rootAt, statuses } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { editSource } from "../support/fixtures/edits";
import { chownTree, isRoot, NOBODY } from "../support/fixtures/odd-entries";
import { grantUserAcl } from "../support/fixtures/permissions";
import { serviceScenario, type ServiceScenario } from "../support/fixtures/service-scenario";
import { createVenv } from "../support/fixtures/venv";
import { pythonInfo, realPython } from "../support/python";
import { keyLogin } from "../support/ssh-login";
import { startSshd, type Sshd } from "../support/sshd";

// The collector runs the service's interpreter only when root or the collecting account alone can change it
// (the file, every symlink hop, every directory from /). A venv the service user owns, whose bin/python3 was
// replaced by a script leaving a marker, is read as data instead: no marker, the snapshot says why, and what
// does not need that interpreter (sources, pycs, their statuses) matches a collection of the trusted venv.

let s: ServiceScenario | undefined;
let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
});
afterEach(() => {
  s?.remove();
  s = undefined;
});

/** Replaces the venv's bin/python3 (a symlink) with a script that leaves a marker, then runs the real Python. */
function plantMarkerScript(sc: ServiceScenario): string {
  const marker = sc.dep.path("marker");
  fs.rmSync(sc.venv.python);
  fs.writeFileSync(sc.venv.python, `#!/bin/sh\necho ran >> ${marker}\nexec ${realPython()} "$@"\n`, { mode: 0o755 });
  return marker;
}

/** A scenario with fresh, missing and hash-stale modules, so the counts have something to match. */
function compiledScenario(): ServiceScenario {
  const sc = serviceScenario();
  compileTree(sc.venv.python, path.join(sc.pkg, "m0.py"));
  compileTree(sc.venv.python, path.join(sc.pkg, "views"), { mode: "checked-hash" });
  editSource(path.join(sc.pkg, "views", "v1.py"));
  return sc;
}

type Collected = { inventory: Inventory; measurements: Measurements };

function expectOk(outcome: CollectorOutcome): Collected {
  expect(outcome.ok, outcome.ok ? "" : `${outcome.code}: ${outcome.message}`).toBe(true);
  if (!outcome.ok) throw new Error("unreachable");
  return outcome;
}

/** What a collection learns without running the service's interpreter matches the trusted collection. */
function expectSameCounts(untrusted: Inventory, trusted: Inventory, sc: ServiceScenario): void {
  const app = statuses(rootAt(untrusted, sc.dep.app));
  expect(app).toEqual(statuses(rootAt(trusted, sc.dep.app)));
  expect(Object.values(app)).toEqual(expect.arrayContaining(["fresh", "missing", "stale"]));
  expect(statuses(rootAt(untrusted, sc.venv.sitePackages))).toEqual(statuses(rootAt(trusted, sc.venv.sitePackages)));
  const pick = (i: Inventory) => {
    const { version, cacheTag, magic, sitePackages, path: interp } = i.interpreter!;
    return { version, cacheTag, magic, sitePackages, interp };
  };
  expect(pick(untrusted)).toEqual(pick(trusted));
}

const findingText = (c: Collected) => {
  const snapshot = { id: "s", host: "h", takenAt: new Date().toISOString(), ...c };
  const finding = diagnose(snapshot).find((f) => f.id === "interpreter-untrusted");
  expect(finding, "interpreter-untrusted finding").toBeDefined();
  return textOf(finding!);
};

test.runIf(isRoot)(
  "a venv the service user owns: its replaced bin/python is never run, locally or over sshd, and the counts stand",
  async () => {
    s = compiledScenario();
    const spec = s.spec({ measureStartup: true });
    const trusted = await collectOk(spec);
    expect(trusted.inventory.interpreter?.trust).toMatchObject({ trusted: true, untrustedBy: null, venv: s.venv.dir });

    chownTree(s.venv.dir, NOBODY.uid, NOBODY.gid);
    const marker = plantMarkerScript(s);
    fs.lchownSync(s.venv.python, NOBODY.uid, NOBODY.gid);

    const local = await collectOk(spec);
    const transport = await createSshTransport(keyLogin(sshd));
    let overSsh: Collected;
    try {
      overSsh = expectOk(await runCollector(transport, spec));
    } finally {
      await transport.close();
    }
    const probe = await runProbe(createLocalTransport(), { ...spec, python: s.venv.python });
    expect(fs.existsSync(marker), "the planted interpreter ran").toBe(false);

    for (const c of [local, overSsh]) {
      expect(c.inventory.interpreter?.trust).toMatchObject({
        trusted: false,
        venv: s.venv.dir,
        versionFrom: "pyvenv.cfg",
        untrustedBy: { path: s.venv.dir, uid: NOBODY.uid, owner: "nobody", mode: 0o755 },
      });
      expect(c.inventory.interpreter?.trust?.standIn).toMatch(/^\/.*python3/);
      expect(c.inventory.interpreter?.explain.trust).toContain("not run");
      expectSameCounts(c.inventory, trusted.inventory, s);
      expect(findingText(c)).toMatch(new RegExp(`${s.venv.dir}: nobody:\\S+ 0755`));
      expect(findingText(c)).toContain(`chown -R root:root ${s.venv.dir}`);
    }
    expect(local.measurements.startup).not.toBeNull();
    expect(probe).toMatchObject({ ok: true, probe: { interpreter: { trusted: false, path: s.venv.python } } });
  },
);

test.runIf(isRoot)(
  "without its base interpreter, the venv's version comes from pyvenv.cfg and the collector's own Python of that version answers",
  async () => {
    s = compiledScenario();
    const spec = s.spec({ measureStartup: true });
    const trusted = await collectOk(spec);
    const cfg = path.join(s.venv.dir, "pyvenv.cfg");
    const lines = fs.readFileSync(cfg, "utf8").split("\n");
    const rewritten = lines
      .filter((l) => !l.startsWith("executable"))
      .map((l) => l.replace(/^home = .*/, "home = /nonexistent/bin"));
    fs.writeFileSync(cfg, rewritten.join("\n"));
    chownTree(s.venv.dir, NOBODY.uid, NOBODY.gid);
    const marker = plantMarkerScript(s);

    const { inventory } = await collectOk(spec);
    expect(fs.existsSync(marker), "the planted interpreter ran").toBe(false);
    expect(inventory.interpreter?.trust).toMatchObject({ trusted: false, versionFrom: "pyvenv.cfg" });
    expect(inventory.interpreter?.trust?.standIn).toMatch(/python3/);
    expect(statuses(rootAt(inventory, s.dep.app))).toEqual(statuses(rootAt(trusted.inventory, s.dep.app)));
    expect(inventory.interpreter?.sitePackages).toEqual(trusted.inventory.interpreter?.sitePackages);
    expect(inventory.interpreter?.magic).toBe(trusted.inventory.interpreter?.magic);
  },
);

test.runIf(fs.existsSync("/usr/bin/python3"))(
  "a root-owned venv whose bin/python links into the root-owned /usr/bin/python3 is trusted and probed",
  async () => {
    s = serviceScenario();
    const venv = createVenv("/usr/bin/python3", s.dep.path("system-venv"));
    const { inventory } = await collectOk(s.spec({ service: null, unitFile: null, python: venv.python }));
    expect(inventory.interpreter?.trust).toMatchObject({
      trusted: true,
      resolvedPath: fs.realpathSync("/usr/bin/python3"),
      untrustedBy: null,
      venv: venv.dir,
      versionFrom: "probe",
      standIn: null,
    });
    expect(inventory.interpreter?.version).toBe(pythonInfo("/usr/bin/python3").version);
    expect(inventory.interpreter?.sitePackages[0]).toBe(venv.sitePackages);
  },
);

test("a group-writable directory on the way makes the interpreter untrusted", async () => {
  s = serviceScenario();
  const marker = plantMarkerScript(s);
  const bin = path.dirname(s.venv.python);
  fs.chmodSync(bin, 0o775);
  const { inventory } = await collectOk(s.spec());
  expect(fs.existsSync(marker), "the planted interpreter ran").toBe(false);
  expect(inventory.interpreter?.trust?.untrustedBy).toMatchObject({ path: bin, mode: 0o775 });
  expect(inventory.interpreter?.trust?.untrustedBy?.reason).toContain("writable by its group");
});

test.runIf(isRoot)("an ACL letting the service user write bin/ makes the interpreter untrusted", async () => {
  s = serviceScenario();
  const marker = plantMarkerScript(s);
  const bin = path.dirname(s.venv.python);
  grantUserAcl(bin, NOBODY.uid);
  const { inventory } = await collectOk(s.spec());
  expect(fs.existsSync(marker), "the planted interpreter ran").toBe(false);
  expect(inventory.interpreter?.trust?.untrustedBy).toMatchObject({ path: bin, acl: true });
  expect(inventory.interpreter?.trust?.untrustedBy?.reason).toContain("ACL by user nobody");
});
