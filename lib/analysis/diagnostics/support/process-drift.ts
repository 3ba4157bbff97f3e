import { displayPath } from "@/lib/snapshot/display-path";
import { REDACTED, type Service } from "@/lib/snapshot/schema";
import type { Facts } from "./facts";

export type Drift = { label: string; value: string; certain: boolean };

const iso = (epoch: number) => new Date(epoch * 1000).toISOString().replace(".000Z", "Z");

/**
 * How late the true start may be after startedAt. /proc/PID/stat counts from the boot time, which /proc/stat
 * gives in whole seconds (rounded down), so without systemd's own timestamp a file written in the second
 * before a restart would look newer than the process: the classic `systemctl edit` + restart false alarm.
 */
export function startUncertainty(process: { startedAtSource?: "systemd" | "proc-stat" }): number {
  return process.startedAtSource === "systemd" ? 0 : 1;
}

/** Unit files and environment files changed after the main process started (python-bytecode.md §7). */
export function changedFiles(f: Facts, startedAt: number, slack = 0): Drift[] {
  return f.service.configFiles
    .filter((file) => file.exists && file.mtime !== null && file.mtime > startedAt + slack)
    .map((file) => {
      const modified = `${displayPath(file.path)} (modified ${iso(file.mtime!)}`;
      return file.loaded === false
        ? {
            label: "drop-in written after start, not loaded yet",
            value: `${modified}; no daemon-reload since)`,
            certain: true,
          }
        : { label: `${file.kind} changed after start`, value: `${modified})`, certain: true };
    });
}

/** systemd's own verdict: files it loaded the unit from changed since (only unit files and drop-ins). */
export function daemonReloadDrift(f: Facts): Drift[] {
  if (f.service.needDaemonReload !== true) return [];
  const value = "yes: the unit file or a drop-in changed since systemd loaded it; systemctl daemon-reload has not run";
  return [{ label: "NeedDaemonReload", value, certain: true }];
}

/**
 * The variables that change where the interpreter finds modules or whether and where it writes their
 * bytecode (python-bytecode.md §1, §3, §4). A difference in any other variable (PYTHONUNBUFFERED, LANG)
 * cannot change caching: the service panel shows it, no finding does.
 */
export const COMPILE_VARIABLES: ReadonlySet<string> = new Set([
  "PYTHONDONTWRITEBYTECODE",
  "PYTHONPYCACHEPREFIX",
  "PYTHONOPTIMIZE",
  "PYTHONPATH",
  "PYTHONHOME",
  "PYTHONSAFEPATH",
  "PYTHONNOUSERSITE",
  "PYTHONUSERBASE",
  "PYTHONPLATLIBDIR",
]);

/**
 * Variables whose configured value differs from the live process (all of them, or only those in `keep`).
 * A key only the process has may also come from the manager's DefaultEnvironment=, so it is uncertain.
 */
export function environmentDrift(
  service: Service,
  keep: (key: string) => boolean = (k) => COMPILE_VARIABLES.has(k),
): Drift[] {
  const live = service.process?.readable ? service.process.environment : null;
  if (!live) return [];
  const configured = service.environment;
  const keys = new Set([...Object.keys(configured), ...Object.keys(live)].filter(keep));
  const drift: Drift[] = [];
  for (const key of [...keys].sort()) {
    const want = configured[key];
    const have = live[key];
    if (want === have || want === REDACTED || have === REDACTED) continue;
    const show = (v: string | undefined) => (v === undefined ? "unset" : JSON.stringify(v));
    drift.push({
      label: `Environment ${key}`,
      value: `configured ${show(want)}, running process ${show(have)}`,
      certain: want !== undefined,
    });
  }
  return drift;
}

/**
 * The live command line against ExecStart=. Tolerated: an interpreter prepended by a shebang, and a
 * single retitled word (setproctitle, e.g. "gunicorn: master").
 */
export function argvDrift(f: Facts): Drift[] {
  const process = f.service.process;
  const configured = f.service.execStart;
  if (!process?.readable || process.argv.length < 2 || configured.length === 0) return [];
  // An unbraced $VAR may expand to several words: the two cannot be lined up, so claim nothing.
  if (configured.some((word) => word.includes("$"))) return [];
  const live = process.argv.slice(Math.max(0, process.argv.length - configured.length));
  const same = live.length === configured.length && configured.every((word, i) => word === live[i]);
  if (same) return [];
  return [
    {
      label: "Command line",
      value: `configured ${JSON.stringify(configured)}, running ${JSON.stringify(process.argv)}`,
      certain: true,
    },
  ];
}
