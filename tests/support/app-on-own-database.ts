import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import { halfCompiledApp, type HalfCompiledApp } from "./fixtures/half-compiled-app";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The built app (built now if it is not) and a database of its own, migrated; this process uses it too
 * (DATABASE_URL), so a test may fill it before the app starts on it.
 */
export function ownDatabase(databaseFile: string): void {
  ensureBuilt(ROOT);
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
}

/**
 * The built app's database of its own, migrated, with one saved local host over a half-compiled app (8
 * sources, 4 fresh) and no startup measurement: what a test of the running app collects.
 */
export async function databaseWithLocalHost(
  databaseFile: string,
  name: string,
): Promise<{ hostId: string; fixture: HalfCompiledApp }> {
  ownDatabase(databaseFile);
  const fixture = halfCompiledApp();
  const { createHost } = await import("@/lib/hosts/create-host");
  const host = await createHost({
    name,
    transport: "local",
    appRoots: [fixture.app],
    python: fixture.venv.python,
    measureStartup: false,
  });
  return { hostId: host.id, fixture };
}
