import { expect } from "vitest";
import { runCli } from "../run-cli";
import type { SystemdBox } from "../systemd-box";
import type { BoxApp } from "./python-app";

export type BoxFinding = {
  id: string;
  severity: string;
  title: string;
  evidence: { label: string; value: string }[];
  fix: { text: string; code?: string }[];
};

export type BoxSnapshot = {
  id: string;
  status: string;
  coverage: { sources: number; fresh: number; percent: number };
  service: {
    source: string;
    user: string | null;
    environment: Record<string, string>;
    needDaemonReload?: boolean | null;
    process: {
      pid: number;
      startedAt: number | null;
      startedAtSource?: string;
      environment: Record<string, string> | null;
    } | null;
  };
  interpreter: { path: string; pycachePrefix: string | null; dontWriteBytecode: boolean };
  findings: BoxFinding[];
};

/** Registers the app as a host of its own, reached over the box's sshd as root, like a VPS. */
export async function addBoxHost(box: SystemdBox, app: BoxApp, databaseFile: string): Promise<void> {
  const added = await runCli(
    [
      "hosts",
      "add",
      app.name,
      "--ssh",
      `root@127.0.0.1:${box.ssh.port}`,
      "--identity",
      box.ssh.privateKeyPath,
      "--accept-host-key",
      "--app-root",
      app.appRoot,
      "--service",
      app.unit,
    ],
    { databaseFile },
  );
  expect(added.code, added.stderr).toBe(0);
}

/** `deploylens collect NAME --json` with the real CLI. */
export async function collectBox(app: BoxApp, databaseFile: string): Promise<BoxSnapshot> {
  const result = await runCli(["collect", app.name, "--json"], { databaseFile });
  expect(result.code, result.stderr + result.stdout.slice(0, 2000)).toBe(0);
  return JSON.parse(result.stdout) as BoxSnapshot;
}

export const idsOf = (s: BoxSnapshot) => s.findings.map((f) => f.id);

/**
 * Applies a finding's fix as printed, literally: a `[Service]` block becomes the drop-in `systemctl edit`
 * writes (override.conf), every other code block runs as a shell script inside the box, in order. It
 * stops after the step that restarts the service: what follows is optional or an alternative.
 * Returns the scripts it ran, for failure messages.
 */
export async function applyPrintedFix(box: SystemdBox, unit: string, finding: BoxFinding): Promise<string[]> {
  const applied: string[] = [];
  for (const step of finding.fix) {
    if (!step.code) continue;
    if (step.code.startsWith("[Service]")) {
      await box.writeDropIn(unit, "override.conf", `${step.code}\n`);
      applied.push(`# ${unit}.d/override.conf\n${step.code}`);
    } else {
      await box.sh(`set -e\n${step.code}`);
      applied.push(step.code);
    }
    if (/systemctl (re)?start /.test(step.code)) break;
  }
  return applied;
}
