import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { historyPoints, type HistoryRow } from "@/components/hosts/history-points";
import { applyPrefixFix, buildSeedDeployment, type SeedDeployment } from "../support/seed-deployment";
import { runCli } from "../support/run-cli";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// The seed investigation (README), end to end: real sshd, real Python, the real CLI and a real SQLite file.
const isRoot = process.getuid?.() === 0;
const temp = tempDir("deploylens-seed-");
const databaseFile = path.join(temp.dir, "deploylens.db");
let sshd: Sshd;
let seed: SeedDeployment;
let pycacheBefore: string[] = [];
const pycacheDir = () => path.join(seed.appRoot, "lernmanager", "__pycache__");

type SnapshotJson = {
  id: string;
  status: string;
  coverage: { sources: number; fresh: number; percent: number; label: string };
  startup: {
    entryPoints: string[];
    counts: { modules: number; fresh: number; stale: number; missing: number; blocked: number };
    modules: { name: string; path: string; status: string; blocked: boolean }[];
    cost: { ms: number; modules: number; capped: boolean } | null;
  };
  service: { environment: Record<string, string> };
  findings: {
    id: string;
    severity: string;
    title: string;
    evidence: { label: string; value: string }[];
    fix: { text: string; code?: string }[];
  }[];
};

const collect = async () => {
  const result = await runCli(["collect", "vps", "--json"], { databaseFile });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SnapshotJson;
};

beforeAll(async () => {
  if (!isRoot) return;
  sshd = await startSshd();
  seed = buildSeedDeployment(temp.dir);
  pycacheBefore = fs.readdirSync(pycacheDir()).sort();
  const added = await runCli(
    [
      "hosts",
      "add",
      "vps",
      "--ssh",
      `${sshd.user}@127.0.0.1:${sshd.port}`,
      "--identity",
      sshd.privateKeyPath,
      "--accept-host-key",
      "--app-root",
      seed.appRoot,
      "--service",
      "lernmanager.service",
      "--unit-file",
      seed.unitFile,
      "--entry",
      "wsgi:app",
    ],
    { databaseFile },
  );
  expect(added.code, added.stderr).toBe(0);
});

/** The seed's own modules in a startup closure: lernmanager.* and the root-level wsgi/manage. */
const appModules = (s: SnapshotJson) => s.startup.modules.filter((m) => m.path.startsWith(seed.appRoot + "/"));
const packageName = (m: string) => (m === "__init__" ? "lernmanager" : `lernmanager.${m}`);

function historyRows(): HistoryRow[] {
  const db = new Database(databaseFile, { readonly: true });
  const rows = db
    .prepare(
      `SELECT id, takenAt, status, sources, fresh, startupClosure, startupFresh, startupBlocked, configHash FROM Snapshot`,
    )
    .all() as (Omit<HistoryRow, "takenAt"> & { takenAt: number })[];
  db.close();
  return rows.map((r) => ({ ...r, takenAt: new Date(r.takenAt).toISOString() }));
}

afterAll(async () => {
  await sshd?.stop();
  temp.remove();
});

test.skipIf(!isRoot)(
  "the seed's root cause and its fix come out of one collect, and go away once applied (needs root to own the tree)",
  async () => {
    const before = await collect();
    expect(before.status).toBe("ok");
    const finding = before.findings.find((f) => f.id === "pycache-not-writable");
    expect(finding, JSON.stringify(before.findings.map((f) => f.id))).toBeDefined();
    const evidence = finding!.evidence.map((e) => `${e.label}: ${e.value}`).join("\n");
    expect(evidence).toContain("nobody");
    expect(evidence).toContain(path.join(seed.appRoot, "lernmanager"));
    expect(finding!.fix.map((step) => step.code ?? "").join("\n")).toMatch(/PYTHONPYCACHEPREFIX=/);
    expect(before.coverage.fresh).toBeLessThan(before.coverage.sources / 2);
    expect(JSON.stringify(before)).not.toContain("hunter2-do-not-leak");
    // wsgi:app reaches every module of the package and not manage.py; the root run's three are fresh, the rest blocked.
    expect(before.startup.entryPoints).toEqual(["-m lernmanager", "wsgi:app"]);
    expect(
      appModules(before)
        .map((m) => m.name)
        .sort(),
    ).toEqual([...seed.modules.map(packageName), "wsgi"].sort());
    const freshBefore = appModules(before)
      .filter((m) => m.status === "fresh")
      .map((m) => m.name)
      .sort();
    expect(freshBefore).toEqual(seed.compiledByRoot.map(packageName).sort());
    expect(before.startup.counts.blocked).toBe(appModules(before).length - seed.compiledByRoot.length);
    expect(appModules(before).filter((m) => m.blocked)).toHaveLength(before.startup.counts.blocked);
    expect(before.startup.cost?.modules).toBe(before.startup.counts.blocked);
    expect(finding!.title).toContain(`${before.startup.counts.blocked} startup modules are compiled at every start`);
    expect(evidence).toContain(`Startup modules it blocks (${before.startup.counts.blocked})`);

    applyPrefixFix(seed);
    const after = await collect();
    expect(after.findings.map((f) => f.id)).not.toContain("pycache-not-writable");
    expect(after.findings.filter((f) => f.severity !== "info").map((f) => f.id)).toEqual([]);
    // Every startup module is cached now and none is blocked; manage.py (never imported) keeps all-sources coverage below 100.
    expect(after.startup.counts.blocked).toBe(0);
    expect(appModules(after).every((m) => m.status === "fresh")).toBe(true);
    expect(after.startup.counts.fresh).toBe(after.startup.counts.modules);
    expect(after.coverage.label).toBe("all sources");
    expect(after.coverage.fresh).toBe(after.coverage.sources - 1);
    const points = historyPoints(historyRows());
    expect(points).toHaveLength(2);
    expect(points[1]!.startup!).toBeGreaterThan(points[0]!.startup!);
    expect(points[1]!.blocked).toBe(0);
    expect(after.service.environment.PYTHONPYCACHEPREFIX).toBe(seed.prefixDir);

    const compared = await runCli(["compare", before.id, after.id, "--json"], { databaseFile });
    expect(compared.code, compared.stderr).toBe(0);
    const comparison = JSON.parse(compared.stdout) as {
      url: string;
      service: { rows: { key: string; status: string; right: string | null }[] };
      headline: { rows: { key: string; left: number | null; right: number | null; delta: number | null }[] };
      findings: { onlyLeft: { id: string }[] };
    };
    expect(comparison.url).toMatch(new RegExp(`/compare/${before.id}/${after.id}$`));
    const prefixRow = comparison.service.rows.find((r) => r.key.includes("PYTHONPYCACHEPREFIX"));
    expect(prefixRow).toMatchObject({ status: "only-right", right: seed.prefixDir });
    const coverageRow = comparison.headline.rows.find((r) => /percent|coverage/i.test(r.key));
    expect(coverageRow!.key).toBe("startupPercent");
    expect(coverageRow!.delta).toBeGreaterThan(0);
    expect(comparison.headline.rows.find((r) => r.key === "startupBlocked")!.delta).toBe(
      -before.startup.counts.blocked,
    );
    expect(comparison.findings.onlyLeft.map((f) => f.id)).toContain("pycache-not-writable");
    for (const format of ["--markdown", "--csv"]) {
      const exported = await runCli(["compare", before.id, after.id, format], { databaseFile });
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stdout.length).toBeGreaterThan(0);
    }
    // Read-only: the collections added nothing to the app's own cache directory.
    expect(fs.readdirSync(pycacheDir()).sort()).toEqual(pycacheBefore);
  },
);
