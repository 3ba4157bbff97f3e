import { displayPath } from "@/lib/snapshot/display-path";
import type { Facts } from "./facts";
import { parsePythonArgv } from "./python-argv";

/** "lernmanager (uid 1001)" — the identity the collector checked, as evidence. */
export function userLabel(f: Facts): string {
  const { identity, dynamicUser } = f.service;
  return `${identity.user} (uid ${identity.uid}${dynamicUser ? ", DynamicUser=yes" : ""}${identity.dacOverride ? ", CAP_DAC_OVERRIDE" : ""})`;
}

/** The account to run warm-up commands as (systemd: no User= means root). */
export const accountName = (f: Facts): string => f.service.user ?? "root";
/** Group= when set; else the user's primary gid as a number (its name differs by distribution: nobody → nogroup). */
export const groupName = (f: Facts): string =>
  f.service.group ?? (f.service.user ? String(f.service.identity.gid) : "root");

/** The interpreter as the service runs it: the probed path, else ExecStart's python, else python3. */
export function interpreterPath(f: Facts): string {
  return f.interpreter?.path ?? parsePythonArgv(f.service.execStart)?.interpreter ?? "python3";
}

/** "-O" / "-OO" for the service's optimize level, so compileall writes the files the service reads. */
export function optimizeFlag(f: Facts): string | null {
  const level = f.interpreter?.optimize ?? 0;
  return level > 0 ? `-${"O".repeat(level)}` : null;
}

/** A name for CacheDirectory=: the configured one, else the unit's, else the first app root's. */
export function cacheDirName(f: Facts): string {
  const configured = f.service.cacheDirectory[0];
  if (configured) return configured;
  const fromUnit = (f.service.unit ?? "").replace(/\.service$/, "").split("@")[0] ?? "";
  const app = f.inventory.roots.find((r) => r.kind === "app")?.path ?? "";
  const base = fromUnit || app.slice(app.lastIndexOf("/") + 1);
  return base.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[.-]+/, "") || "python-app";
}

export function interpreterLabel(f: Facts): string | null {
  const i = f.interpreter;
  if (!i) return null;
  return `${displayPath(i.path)} ${i.version} (${i.cacheTag ?? "no cache tag"}, optimize level ${i.optimize})`;
}

/** PYTHONPYCACHEPREFIX exists from 3.8 on; older interpreters ignore it. */
export function supportsPrefix(f: Facts): boolean {
  const match = /^(\d+)\.(\d+)/.exec(f.interpreter?.version ?? "");
  if (!match) return true;
  return Number(match[1]) > 3 || (Number(match[1]) === 3 && Number(match[2]) >= 8);
}
