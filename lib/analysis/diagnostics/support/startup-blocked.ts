import type { StartupModule } from "@/lib/snapshot/schema";
import { headlineModules } from "../../startup-coverage";
import type { DirFact, Facts } from "./facts";

/** The blocked startup modules whose source lies in one of these directories; null without a closure. */
export function startupBlockedIn(
  f: Facts,
  dirs: readonly DirFact[],
): { blocked: StartupModule[]; total: number } | null {
  const startup = f.inventory.startup;
  if (!startup) return null;
  const abs = new Set(dirs.map((d) => d.abs.replace(/\/+$/, "") || "/"));
  const modules = headlineModules(startup);
  const blocked = modules.filter((m) => m.blocked && abs.has(m.path.slice(0, m.path.lastIndexOf("/")) || "/"));
  return { blocked, total: modules.filter((m) => m.blocked).length };
}
