import path from "node:path";
import type { Inventory } from "@/lib/snapshot/schema";

/** What the observer (lib/collector/observe) is asked to watch; built from the latest snapshot. */
export type ObserverSpec = {
  /** Directories holding the sources to watch: the static closure's, and the roots' that hold sources. */
  sourceDirs: string[];
  prefix: string | null;
  cacheTag: string;
  optimize: number;
  /** Module names the static closure gives its sources; others are named from sysPath. */
  names: Record<string, string>;
  sysPath: string[];
  /**
   * The app roots' source directories: a start of this service imports from them. A burst of events that goes
   * quiet without touching one is another process's (any Python on the host opens the standard library).
   */
  ownDirs: string[];
  /**
   * The uid the service runs as, when the unit or the host's --user names it (not the collecting user's
   * stand-in, not in a container): where fanotify is available (root) an open counts only from its processes.
   */
  serviceUid: number | null;
  /**
   * The systemd unit that runs the service, when systemd is PID 1 on the target (not in a container): where
   * fanotify is available an open counts only from a process in the unit's control group, so another process
   * of the same user (a cron job, a second app, a shell) is not the service.
   */
  serviceUnit: string | null;
  /** The service's main script: compiled at every start by design, never a module of the closure. */
  scripts: string[];
  timeoutSeconds: number;
  quietSeconds: number;
};

/** Source directories to watch (each with its pyc directory): under the 8192 watches older kernels allow a user. */
export const MAX_WATCHED_SOURCE_DIRS = 2500;

function rootSourceDirs(inventory: Inventory, kinds: readonly string[] = ["app", "site-packages"]): string[] {
  return inventory.roots
    .filter((root) => kinds.includes(root.kind))
    .flatMap((root) =>
      root.dirs
        .filter((d) => d.bytecode !== null)
        .map((d) => (d.path ? path.posix.join(root.path, d.path) : root.path)),
    );
}

function mainScripts(inventory: Inventory): string[] {
  const cwd = inventory.service.workingDirectory ?? "/";
  return inventory.service.execStart
    .filter((word) => word.endsWith(".py"))
    .map((word) => path.posix.resolve(cwd, word));
}

function serviceUnit(inventory: Inventory): string | null {
  const { unit, systemdRunning, container } = inventory.service;
  return unit && systemdRunning === true && !container ? unit : null;
}

function serviceUid(inventory: Inventory): number | null {
  const { identity, container } = inventory.service;
  if (container || identity.source === "collecting-user") return null;
  return identity.uid;
}

export function observerSpecOf(
  inventory: Inventory,
  timing: { timeoutSeconds: number; quietSeconds: number },
): ObserverSpec | null {
  const interpreter = inventory.interpreter;
  if (!interpreter?.cacheTag) return null;
  const modules = inventory.startup?.modules ?? [];
  // The closure's directories first, so a cut keeps them; then the roots', where static analysis may miss.
  const dirs = new Set(modules.map((m) => path.posix.dirname(m.path)));
  for (const dir of rootSourceDirs(inventory)) dirs.add(dir);
  return {
    sourceDirs: [...dirs].slice(0, MAX_WATCHED_SOURCE_DIRS),
    prefix: interpreter.pycachePrefix,
    cacheTag: interpreter.cacheTag,
    optimize: interpreter.optimize,
    names: Object.fromEntries(modules.map((m) => [m.path, m.name])),
    sysPath: [
      ...(inventory.startup?.sysPath ?? []),
      ...inventory.roots.filter((r) => r.kind === "app").map((r) => r.path),
    ],
    ownDirs: rootSourceDirs(inventory, ["app"]).slice(0, MAX_WATCHED_SOURCE_DIRS),
    serviceUid: serviceUid(inventory),
    serviceUnit: serviceUnit(inventory),
    scripts: mainScripts(inventory),
    ...timing,
  };
}
