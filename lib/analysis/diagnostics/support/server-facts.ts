import type { Server } from "@/lib/snapshot/schema";
import type { Evidence, FixStep } from "../../types";
import type { Facts } from "./facts";
import { plural } from "./count-by";
import { shellJoin } from "./shell-quote";

/** The startup modules compiled at every start of every process that imports them. */
export function blockedStartupModules(f: Facts): number {
  return f.inventory.startup?.modules.filter((m) => m.blocked).length ?? 0;
}

type SettingKey = "workers" | "preload" | "maxRequests" | "maxRequestsJitter" | "reload" | "lazyApps" | "threads";

/** Each named setting the server has, as "value (from source)". */
export function serverEvidence(server: Server, keys: readonly SettingKey[]): Evidence[] {
  const out: Evidence[] = [{ label: "Server", value: server.kind }];
  for (const key of keys) {
    const setting = server[key];
    if (setting) out.push({ label: key, value: `${String(setting.value)} (${setting.source})` });
  }
  out.push({
    label: "Processes that import the app per start",
    value: `${server.processesPerStart.value} (${server.processesPerStart.source})`,
  });
  return out;
}

export function blockedEvidence(f: Facts): Evidence {
  return {
    label: "Blocked startup modules",
    value: `${plural(blockedStartupModules(f), "module")} compiled by each of them`,
  };
}

/** Editing the command line: a drop-in that clears ExecStart= and sets the changed one. */
export function execStartStep(f: Facts, change: string): FixStep {
  const unit = f.service.unit;
  if (!unit) return { text: `${change} in the command that starts the service, then restart it.` };
  return {
    text: `${change} in ExecStart= (systemctl edit opens a drop-in: an empty ExecStart= line, then the changed command), then restart.`,
    code: `systemctl edit ${shellJoin([unit])}\nsystemctl restart ${shellJoin([unit])}`,
  };
}
