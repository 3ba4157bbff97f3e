import { expect, test } from "vitest";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import type { SnapshotInput } from "@/lib/analysis/types";
import { verdictOf } from "@/lib/analysis/verdict";
import { InventoryBuilder } from "@/tests/support/inventory-builder";
import { findingsOf, healthy } from "./helpers";

type Measured = { ms: number; modules: number; capped: boolean } | null;

/** The seed: a root-owned tree, the service as nobody, four modules never compiled. */
const seed = () =>
  new InventoryBuilder({ user: "nobody", unit: "app.service" })
    .service({ execStart: ["/opt/app/venv/bin/python", "-m", "app"] })
    .interpreter({ path: "/opt/app/venv/bin/python" })
    .root("/opt/app", { owner: "root" })
    .source("app/__init__.py", "fresh")
    .sources(4, "missing", "app")
    .snapshot();

/** The snapshot with a startup closure of the given sources of its first root (blocked: not fresh, not writable). */
function withClosure(s: SnapshotInput, rels: string[]): SnapshotInput {
  const root = s.inventory.roots[0]!;
  const modules = rels.map((rel) => {
    const source = root.sources.find((x) => x.path === rel)!;
    const writable = root.dirs.find((d) => d.path === rel.slice(0, rel.lastIndexOf("/")))?.bytecode?.access.writable;
    const status = source.status;
    return { name: rel, path: `${root.path}/${rel}`, status, reason: null, blocked: status !== "fresh" && !writable };
  });
  const startup = {
    origin: "service" as const,
    entryPoints: ["app"],
    sysPath: [root.path],
    modules,
    unresolved: [],
    unparsed: [],
    notes: [],
    truncated: null,
  };
  return { ...s, inventory: { ...s.inventory, startup } };
}

function verdictFor(s: SnapshotInput, measured: Measured) {
  const startup = s.inventory.startup ? startupCountsOf(s.inventory.startup) : null;
  return verdictOf({ findings: findingsOf(s), startup, measured });
}

const FIVE = ["app/__init__.py", "app/m0.py", "app/m1.py", "app/m2.py", "app/m3.py"];

test("blocked startup modules: counts, the measured cost and the owning finding's cause in one sentence", () => {
  const v = verdictFor(withClosure(seed(), FIVE), { ms: 30.4, modules: 4, capped: false });
  expect(v.sentence).toBe(
    "4 of 5 startup modules compile at every start (30 ms per process start, measured) because the service user nobody cannot write __pycache__ in 1 directory.",
  );
  expect(v.findingId).toBe("pycache-not-writable");
  expect(v.fix?.code).toBeTruthy();
});

test("nothing measured: the cost is an estimate and says so", () => {
  const v = verdictFor(withClosure(seed(), ["app/__init__.py", "app/m0.py"]), null);
  expect(v.sentence).toMatch(
    /^1 of 2 startup modules compiles at every start \(≈ \d+–\d+ ms per process start, estimated\) because/,
  );
});

test("a healthy service says caching works and offers no fix", () => {
  const v = verdictFor(withClosure(healthy().snapshot(), ["app.py"]), null);
  expect(v).toEqual({
    tone: "ok",
    sentence: "No findings: bytecode caching works for this service.",
    findingId: null,
    fix: null,
  });
});

test("without a startup closure the most severe finding leads", () => {
  const v = verdictFor(seed(), null);
  expect(v.findingId).toBe("pycache-not-writable");
  expect(v.sentence).toContain("The service user nobody cannot write bytecode in 1 directory");
});
