import { spawnSync } from "node:child_process";
import os from "node:os";

export type MachineInfo = {
  cpu: string;
  cpus: number;
  memoryBytes: number;
  kernel: string;
  node: string;
  openssh: string;
  /** 1-minute load average when the bench started and when it ended: other work on the machine skews timings. */
  load: { start: number; end: number | null };
};

let startLoad: number | null = null;

/** Remembers the load average before the bench starts working. */
export function noteStartLoad(): void {
  startLoad = os.loadavg()[0] ?? 0;
}

/** What the figures were measured on: they mean little without it. */
export function machineInfo(): MachineInfo {
  // `ssh -V` prints its version on stderr.
  const openssh = spawnSync("ssh", ["-V"], { encoding: "utf8" }).stderr.trim();
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cpus: os.cpus().length,
    memoryBytes: os.totalmem(),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    openssh: openssh || "unknown",
    load: { start: startLoad ?? NaN, end: os.loadavg()[0] ?? null },
  };
}
