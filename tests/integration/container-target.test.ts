import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { diagnose } from "@/lib/analysis/diagnostics";
import type { Finding } from "@/lib/analysis/types";
import type { Inventory } from "@/lib/snapshot/schema";
import { runCollector } from "@/lib/collector/run-collector";
import { createSshTransport } from "@/lib/transport/ssh";
import { collectLocal, collectOk, testSpec } from "../support/fixtures/collect";
import { keyLogin } from "../support/ssh-login";
import { startSshd } from "../support/sshd";
import {
  buildImage,
  ensureBaseImage,
  importLog,
  podman,
  podmanUsable,
  removeContainer,
  startContainer,
} from "../support/podman";

// Real Podman containers as targets: the collector reads each through `podman inspect` and
// /proc/PID/root, runs the image's own python3 by `podman exec`, and the printed fix, applied literally to
// the Containerfile or the run options, clears the finding; the next start then loads its modules from
// the image's cache (the interpreter's own -v log says so).

const APP = {
  "app/svc/__init__.py": "",
  "app/svc/main.py": "import svc.mod\nimport time\nwhile True:\n    time.sleep(60)\n",
  "app/svc/mod.py": "import json\nVALUE = json.dumps([1])\n",
};
const CMD = 'CMD ["python3", "-m", "svc.main"]';
const SUFFIX = `${process.pid}`;
const names: string[] = [];
/** Images a test's tag moved away from: untagged, so removed by id. */
const untagged: string[] = [];
let base = "";

const containerName = (label: string) => {
  const name = `dl-test-${label}-${SUFFIX}`;
  names.push(name);
  return name;
};

async function collectContainer(name: string): Promise<{ inventory: Inventory; findings: Finding[] }> {
  const { inventory, measurements } = await collectOk(
    testSpec({ appRoots: ["/app"], container: { name, engine: "podman" } }),
  );
  const findings = diagnose({ id: name, host: name, takenAt: new Date().toISOString(), inventory, measurements });
  return { inventory, findings };
}

/** The RUN line of the finding's fix, exactly as printed. */
function compileStep(finding: Finding | undefined): string {
  const line = finding?.fix.map((s) => s.code ?? "").find((code) => code.startsWith("RUN "));
  if (!line) throw new Error(`no RUN line in ${JSON.stringify(finding?.fix)}`);
  return line;
}

const appCoverage = (inventory: Inventory) => {
  const app = inventory.roots.find((r) => r.path === "/app")!;
  return app.sources.map((s) => `${s.path}:${s.status}`).sort();
};

/** The image's -v log shows svc.mod loaded from its pyc, and nothing compiled from the source. */
async function expectCachedStart(image: string, options: string[] = []) {
  const log = await importLog(image, "svc.mod", options);
  expect(log).toContain("# code object from '/app/svc/__pycache__/mod.cpython-311.pyc'");
  expect(log).not.toContain("# code object from /app/svc/mod.py");
}

type Case = {
  label: string;
  ruleId: string;
  /** Containerfile lines between FROM and CMD; `fixed` places the printed RUN line. */
  lines: string[];
  fixed: (run: string) => string[];
  options: string[];
  fixedOptions?: string[];
};

const cases: Case[] = [
  {
    label: "nobytecode",
    ruleId: "bytecode-writing-disabled",
    lines: ["ENV PYTHONDONTWRITEBYTECODE=1", "COPY app /app", "WORKDIR /app"],
    // The fix's second step: ENV only after the compile step.
    fixed: (run) => ["COPY app /app", run, "ENV PYTHONDONTWRITEBYTECODE=1", "WORKDIR /app"],
    options: [],
  },
  {
    label: "readonly",
    ruleId: "read-only-sandbox",
    lines: ["COPY app /app", "WORKDIR /app"],
    fixed: (run) => ["COPY app /app", run, "WORKDIR /app"],
    options: ["--read-only"],
  },
  {
    label: "readonly-prefix",
    ruleId: "pycache-prefix-volatile",
    lines: ["COPY app /app", "WORKDIR /app"],
    fixed: (run) => ["COPY app /app", run, "WORKDIR /app"],
    options: ["--read-only", "--tmpfs", "/pycache", "-e", "PYTHONPYCACHEPREFIX=/pycache"],
    // The fix's second step: PYTHONPYCACHEPREFIX removed.
    fixedOptions: ["--read-only", "--tmpfs", "/pycache"],
  },
  {
    label: "user",
    ruleId: "pycache-not-writable",
    lines: ["COPY app /app", "WORKDIR /app", "USER 10001"],
    fixed: (run) => ["COPY app /app", run, "WORKDIR /app", "USER 10001"],
    options: [],
  },
  {
    label: "foreign",
    ruleId: "foreign-cache-tag",
    // pycs that only another Python (cpython-39) would read: compiled, then renamed to that cache tag.
    lines: [
      "ENV PYTHONDONTWRITEBYTECODE=1",
      "COPY app /app",
      'RUN python3 -m compileall -q /app && cd /app/svc/__pycache__ && for f in *.cpython-311.pyc; do mv "$f" "${f%.cpython-311.pyc}.cpython-39.pyc"; done',
      "WORKDIR /app",
    ],
    fixed: (run) => ["ENV PYTHONDONTWRITEBYTECODE=1", "COPY app /app", run, "WORKDIR /app"],
    options: [],
  },
];

const containerfile = (lines: string[]) => [`FROM ${base}`, ...lines, CMD, ""].join("\n");

describe.runIf(podmanUsable())("a Podman container as the target", () => {
  beforeAll(async () => {
    base = await ensureBaseImage();
  }, 900_000);
  afterAll(async () => {
    for (const name of names) await removeContainer(name);
    const tags = cases.flatMap((c) => [
      `localhost/dl-test-${c.label}:${SUFFIX}`,
      `localhost/dl-test-${c.label}:fixed-${SUFFIX}`,
    ]);
    await podman([
      "rmi",
      "-f",
      "--ignore",
      ...untagged,
      ...tags,
      `localhost/dl-test-healthy:${SUFFIX}`,
      `localhost/dl-test-moved:${SUFFIX}`,
    ]).catch(() => undefined);
  }, 120_000);

  test.each(cases)(
    "$label: $ruleId fires, and its printed Dockerfile line clears it",
    async (c) => {
      const image = `localhost/dl-test-${c.label}:${SUFFIX}`;
      await buildImage(image, containerfile(c.lines), APP);
      const name = containerName(c.label);
      await startContainer(name, image, c.options);
      const before = await collectContainer(name);
      expect(before.inventory.service).toMatchObject({ source: "container", unit: name });
      expect(before.inventory.service.container).toMatchObject({ engine: "podman", image, name });
      expect(before.inventory.interpreter?.trust).toMatchObject({ trusted: true, versionFrom: "probe" });
      const finding = before.findings.find((f) => f.id === c.ruleId);
      expect(finding, before.findings.map((f) => f.id).join(", ")).toBeDefined();
      expect(finding!.fix.map((s) => s.code ?? "").join("\n")).not.toContain("systemctl");

      const fixedImage = `localhost/dl-test-${c.label}:fixed-${SUFFIX}`;
      await buildImage(fixedImage, containerfile(c.fixed(compileStep(finding))), APP);
      await startContainer(name, fixedImage, c.fixedOptions ?? c.options);
      const after = await collectContainer(name);
      expect(after.findings.map((f) => f.id)).not.toContain(c.ruleId);
      expect(appCoverage(after.inventory)).toEqual(["svc/__init__.py:fresh", "svc/main.py:fresh", "svc/mod.py:fresh"]);
      await expectCachedStart(fixedImage, c.fixedOptions ?? c.options);
    },
    300_000,
  );

  test("an image compiled at build time has no bytecode finding", async () => {
    const image = `localhost/dl-test-healthy:${SUFFIX}`;
    const lines = ["COPY app /app", "RUN python3 -m compileall -q -j 0 /app", "USER 10001", "WORKDIR /app"];
    await buildImage(image, containerfile(lines), APP);
    const name = containerName("healthy");
    await startContainer(name, image, ["--read-only"]);
    const { inventory, findings } = await collectContainer(name);
    expect(inventory.service.identity).toMatchObject({ uid: 10001 });
    expect(inventory.service.container).toMatchObject({ readonlyRootfs: true, user: "10001" });
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.id)).toEqual([]);
    await expectCachedStart(image, ["--read-only"]);
  }, 300_000);

  test("a tag moved to a new image is restart-pending until the container is re-created from it", async () => {
    const image = `localhost/dl-test-moved:${SUFFIX}`;
    const lines = ["COPY app /app", "RUN python3 -m compileall -q -j 0 /app", "WORKDIR /app"];
    await buildImage(image, containerfile(lines), APP);
    const name = containerName("moved");
    await startContainer(name, image);
    expect((await collectContainer(name)).findings.map((f) => f.id)).not.toContain("restart-pending");
    untagged.push((await podman(["image", "inspect", "--format", "{{.Id}}", "--", image])).trim());
    await buildImage(image, containerfile([...lines, "ENV RELEASE=2"]), APP);
    const moved = (await collectContainer(name)).findings.find((f) => f.id === "restart-pending");
    expect(moved?.title).toBe("The running container predates its image tag");
    expect(moved?.fix[0]?.code).toContain(`podman rm -f ${name}`);
    await startContainer(name, image);
    expect((await collectContainer(name)).findings.map((f) => f.id)).not.toContain("restart-pending");
  }, 300_000);

  test("a container on an SSH host is collected the same way", async () => {
    const name = containerName("ssh");
    await startContainer(name, base, [], ["python3", "-c", "import time; time.sleep(600)"]);
    const sshd = await startSshd();
    const transport = await createSshTransport(keyLogin(sshd));
    try {
      const spec = testSpec({ appRoots: ["/usr/lib/python3/dist-packages"], container: { name, engine: null } });
      const outcome = await runCollector(transport, spec);
      expect(outcome.ok, outcome.ok ? "" : `${outcome.code}: ${outcome.message}`).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.inventory.service.container).toMatchObject({ engine: "podman", name });
      expect(outcome.inventory.interpreter).toMatchObject({ path: "/usr/bin/python3", cacheTag: "cpython-311" });
    } finally {
      await transport.close();
      await sshd.stop();
    }
  }, 300_000);

  test("a stopped container is container-not-running; an unknown one container-not-found", async () => {
    const name = containerName("stopped");
    await podman(["create", "--name", name, base, "python3", "-c", "pass"]);
    expect(await collectLocal(testSpec({ appRoots: ["/app"], container: { name, engine: "podman" } }))).toMatchObject({
      ok: false,
      code: "container-not-running",
    });
    const unknown = `dl-test-none-${SUFFIX}`;
    const outcome = await collectLocal(
      testSpec({ appRoots: ["/app"], container: { name: unknown, engine: "podman" } }),
    );
    expect(outcome).toMatchObject({ ok: false, code: "container-not-found" });
  }, 120_000);
});
