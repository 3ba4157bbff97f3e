import type { Rule } from "./rule";
import { imageMoved } from "./support/image-moved";
import { applyStep } from "./support/apply-step";
import type { Service } from "@/lib/snapshot/schema";
import {
  argvDrift,
  changedFiles,
  daemonReloadDrift,
  environmentDrift,
  startUncertainty,
} from "./support/process-drift";

const id = "restart-pending";

/** The running process was started with settings that are no longer the configured ones. */
export const restartPending: Rule = {
  id,
  check(f) {
    if (f.service.container) return imageMoved(f);
    const process = f.service.process;
    if (!process) return null;
    const slack = startUncertainty(process);
    const files = process.startedAt === null ? [] : changedFiles(f, process.startedAt, slack);
    const drift = [...daemonReloadDrift(f), ...files, ...environmentDrift(f.service), ...argvDrift(f)];
    if (drift.length === 0) return null;
    const certain = drift.some((d) => d.certain);
    return {
      id,
      severity: certain ? "warning" : "info",
      title: certain
        ? "The running service predates its configuration"
        : "The running service has a compile-relevant variable the unit does not set",
      detail:
        "The main process keeps the environment and command line it was started with; unit files, drop-ins and environment files only take effect at the next restart " +
        "(drop-ins and unit files also need systemctl daemon-reload; NeedDaemonReload does not cover environment files). " +
        "What this snapshot reports about the configuration is therefore not yet what the service runs with." +
        (certain
          ? ""
          : " A variable only the process has may also come from the manager's DefaultEnvironment=, so check before restarting."),
      evidence: [
        { label: "Main process", value: mainProcess(process) },
        ...drift.map(({ label, value }) => ({ label, value })),
      ],
      fix: [applyStep(f)],
    };
  },
};

/** The main process and how exactly its start is known: the comparison with file times depends on it. */
function mainProcess(process: NonNullable<Service["process"]>): string {
  if (process.startedAt === null) return `PID ${process.pid}, start time unknown`;
  const started = new Date(process.startedAt * 1000).toISOString();
  if (process.startedAtSource === "systemd")
    return `PID ${process.pid}, started ${started} (systemd's ExecMainStartTimestamp)`;
  return (
    `PID ${process.pid}, started ${started.replace(/\.\d+Z$/, "Z")} (from /proc/PID/stat and the boot time, which has ` +
    "1-second granularity: files changed less than 1 s after that are not counted as newer)"
  );
}
