import { execFileSync } from "node:child_process";
import { diagnose } from "@/lib/analysis/diagnostics";
import type { Finding, SnapshotInput } from "@/lib/analysis/types";
import type { Server } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

export const findingsOf = (s: SnapshotInput): Finding[] => diagnose(s);
export const idsOf = (s: SnapshotInput): string[] => diagnose(s).map((f) => f.id);

export function findingOf(s: SnapshotInput, id: string): Finding {
  const found = diagnose(s).find((f) => f.id === id);
  if (!found) throw new Error(`expected ${id}, got ${idsOf(s).join(", ") || "no findings"}`);
  return found;
}

/** All evidence, fix text and fix code of a finding as one string, for "mentions X" assertions. */
export const textOf = (f: Finding): string =>
  [
    f.title,
    f.detail,
    ...f.evidence.map((e) => `${e.label}: ${e.value}`),
    ...f.fix.flatMap((s) => [s.text, s.code ?? ""]),
  ].join("\n");

/** A healthy service: writable tree owned by the service user, every module fresh. */
export function healthy(user = "app"): InventoryBuilder {
  return new InventoryBuilder({ user, unit: "app.service" })
    .service({ execStart: ["/srv/app/.venv/bin/python", "-m", "gunicorn", "app:app"] })
    .interpreter({ path: "/srv/app/.venv/bin/python" })
    .root("/srv/app", { owner: user })
    .source("app.py")
    .source("pkg/__init__.py")
    .source("pkg/views.py");
}

let python: string | null = null;

/** The real python3 binary (version managers put a slow shell shim on PATH). */
function pythonBinary(): string {
  python ??= execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
  return python;
}

/** Runs the local python3 with a clean PYTHON* environment plus `env`, returning its JSON output. */
export function askPython<T>(args: string[], env: Record<string, string> = {}): T {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PYTHON")));
  const out = execFileSync(pythonBinary(), args, { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: "utf8" });
  return JSON.parse(out) as T;
}

/**
 * A server of `kind` whose settings were not found (2 cores, one process a start unless `patch` says more):
 * `patch` states the settings a test is about.
 */
export function serverWith(patch: Partial<Server> & Pick<Server, "kind">): Server {
  return {
    processesPerStart: { value: patch.workers?.value ?? 1, source: "ExecStart" },
    workers: null,
    preload: null,
    maxRequests: null,
    maxRequestsJitter: null,
    reload: null,
    lazyApps: null,
    threads: null,
    cores: 2,
    notes: [],
    ...patch,
  };
}
