import { expect, test } from "vitest";
import { fixOutcomes, type OutcomeSide } from "@/lib/analysis/impact/fix-outcome";
import type { Impact } from "@/lib/analysis/impact/types";
import type { StartupCounts } from "@/lib/analysis/startup-coverage";
import type { Finding } from "@/lib/analysis/types";
import { pollUntil } from "../support/poll";
import { runCli } from "../support/run-cli";
import { addBoxHost, applyPrintedFix, collectBox, type BoxSnapshot } from "../support/systemd-box/deploylens";
import { interpreterVerdict, type BoxApp } from "../support/systemd-box/python-app";
import { useSystemdBox } from "../support/systemd-box/use-systemd-box";

// "Does it matter?": a real gunicorn (Debian's python3-gunicorn, run as python3 -m gunicorn) under the box's real systemd, as a user that
// cannot write its caches. The collector reads its workers from ExecStart, the journal gives its starts, the cost
// is the measured per-process compile cost × the workers × the starts; the printed fix then saves what it predicted.
const { box, databaseFile, describe: describeInBox } = useSystemdBox("impact");

type ImpactSnapshot = Omit<BoxSnapshot, "findings"> & {
  impact: Impact | null;
  findings: Finding[];
  startup: { counts: StartupCounts; cost: { ms: number; lowMs?: number; highMs?: number } | null } | null;
};

const MODULES = ["models", "views", "forms", "utils"];

/** A module large enough that compiling it takes measurable time. */
const moduleText = (name: string) =>
  Array.from(
    { length: 400 },
    (_, i) =>
      `def ${name}_${i}(a, b=${i}):\n    x = [a * k for k in range(b)]\n    return {"n": len(x), "s": sum(x)}\n`,
  ).join("\n");

/** A WSGI app in a root-owned tree, served by gunicorn as nobody with these options. */
async function installGunicorn(name: string, options: string[]): Promise<BoxApp> {
  const appRoot = `/srv/${name}/app`;
  await box.writeFiles([
    { path: `${appRoot}/shop/__init__.py`, content: "" },
    ...MODULES.map((m) => ({ path: `${appRoot}/shop/${m}.py`, content: moduleText(m) })),
    {
      path: `${appRoot}/shop/wsgi.py`,
      content: `from . import ${MODULES.join(", ")}\n\ndef app(environ, start_response):\n    start_response("200 OK", [])\n    return [b"ok"]\n`,
    },
  ]);
  await box.sh(`chown -R root: /srv/${name} && chmod -R u=rwX,go=rX /srv/${name}`);
  const unit = `${name}.service`;
  await box.writeUnit(
    unit,
    [
      "[Service]",
      "User=nobody",
      `WorkingDirectory=${appRoot}`,
      `ExecStart=/usr/bin/python3 -m gunicorn ${options.join(" ")} --bind unix:/tmp/${name}.sock shop.wsgi:app`,
      "",
    ].join("\n"),
  );
  await box.daemonReload();
  await box.restart(unit);
  const app = { name, unit, appRoot, python: "/usr/bin/python3", imports: MODULES.map((m) => `shop.${m}`) };
  await workersRunning(app, 3);
  return app;
}

/** The gunicorn master's children (from /proc: the box has no procps): the workers that really run. */
const CHILDREN = `import os, sys
def parent(d):
    try:
        return open("/proc/%s/stat" % d).read().rsplit(")", 1)[1].split()[1]
    except OSError:
        return None
print(sum(1 for d in os.listdir("/proc") if d.isdigit() and parent(d) == sys.argv[1]))`;

async function workersRunning(app: BoxApp, count: number): Promise<void> {
  let seen = "";
  try {
    await pollUntil(
      `${count} gunicorn workers of ${app.unit}`,
      async () => {
        const pid = (await box.show(app.unit, ["MainPID"])).MainPID ?? "0";
        seen = (await box.exec(["python3", "-c", CHILDREN, pid])).stdout.trim();
        return Number(seen) === count ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } catch (err) {
    const status = await box.exec(["systemctl", "status", "--no-pager", "-l", app.unit]);
    throw new Error(`${String(err)} (saw ${seen})\n${status.stdout}`);
  }
}

const sideOf = (s: ImpactSnapshot): OutcomeSide => ({
  id: s.id,
  findings: s.findings,
  impact: s.impact,
  startup: s.startup?.counts ?? null,
  measuredMs: s.startup?.cost?.ms ?? null,
});

describeInBox("what the blocked modules cost under a real gunicorn", () => {
  test("3 workers without --preload: 3 processes per start, the preload and max-requests findings, the fix saves what it predicted", async () => {
    const app = await installGunicorn("costly", ["--workers", "3", "--max-requests", "1000"]);
    await addBoxHost(box, app, databaseFile);
    const before = (await collectBox(app, databaseFile)) as ImpactSnapshot;
    const ids = before.findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(["pycache-not-writable", "gunicorn-preload-off", "max-requests-recompile"]),
    );
    const impact = before.impact!;
    expect(impact.processesPerStart).toEqual({ value: 3, source: "ExecStart --workers 3" });
    expect(before.startup!.counts.blocked).toBeGreaterThanOrEqual(MODULES.length);
    const cost = before.startup!.cost!;
    expect(impact.perProcessStartMs).toEqual({ low: cost.lowMs, high: cost.highMs });
    expect(cost.lowMs! <= cost.ms && cost.ms <= cost.highMs!).toBe(true);
    // Started at least once within the journal's 7 days: the rate comes from the journal, never invented.
    expect(impact.startsPerDay?.source).toBe("journal 7 d");
    const starts = impact.startsPerDay!.value;
    expect(starts).toBeGreaterThan(0);
    expect(impact.cpuSecondsPerDay!.low).toBeCloseTo((cost.lowMs! * 3 * starts) / 1000, 2);
    expect(impact.cpuSecondsPerDay!.high).toBeCloseTo((cost.highMs! * 3 * starts) / 1000, 2);
    expect(impact.restartLatencyMs).toEqual(impact.perProcessStartMs);

    // The same numbers in the CLI's text and the Markdown export.
    const markdown = await runCli(["export", app.name, "--markdown"], { databaseFile });
    expect(markdown.stdout).toContain("## What it costs");
    expect(markdown.stdout).toContain("- processes per start: 3 (ExecStart --workers 3)");
    expect(markdown.stdout).toMatch(/Fix predicted: 0 blocked, startup coverage 100 %, saves [\d.–]+ CPU-s\/day/);
    const text = await runCli(["collect", app.name], { databaseFile });
    expect(text.stdout).toContain("processes per start: 3 (ExecStart --workers 3)");
    expect(text.stdout).toMatch(/CPU-seconds per day: [\d.–]+ s/);

    const finding = before.findings.find((f) => f.id === "pycache-not-writable")!;
    const predicted = finding.fix[0]!.predicted!;
    expect(predicted.blocked).toBe(before.startup!.counts.blocked - MODULES.length - 2);
    const applied = await applyPrintedFix(box, app.unit, finding);
    await workersRunning(app, 3);
    const after = (await collectBox(app, databaseFile)) as ImpactSnapshot;
    const context = `fix applied:\n${applied.join("\n---\n")}\nfindings after: ${after.findings.map((f) => f.id).join(", ")}`;
    expect(
      after.findings.map((f) => f.id),
      context,
    ).not.toContain("pycache-not-writable");
    // The interpreter itself, in the service's environment, compiles none of the app's modules any more.
    expect((await interpreterVerdict(box, app)).compiled, context).toEqual([]);
    const outcome = fixOutcomes(sideOf(before), sideOf(after)).find((o) => o.findingId === "pycache-not-writable");
    expect(outcome, context).toBeDefined();
    expect(outcome!.measured.blocked).toBe(predicted.blocked);
    expect(outcome!.withinPrediction, JSON.stringify(outcome)).toBe(true);
  });

  test("the same service with --preload: the master imports once, 1 process per start, no preload finding", async () => {
    const app = await installGunicorn("preloaded", ["--workers", "3", "--max-requests", "1000", "--preload"]);
    await addBoxHost(box, app, databaseFile);
    const snapshot = (await collectBox(app, databaseFile)) as ImpactSnapshot;
    expect(snapshot.impact!.processesPerStart).toEqual({
      value: 1,
      source: "ExecStart --preload: the master imports the app once",
    });
    const ids = snapshot.findings.map((f) => f.id);
    expect(ids).toContain("pycache-not-writable");
    expect(ids).not.toContain("gunicorn-preload-off");
    expect(ids).not.toContain("max-requests-recompile");
  });
});
