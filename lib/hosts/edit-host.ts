import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { decodeHostLists } from "@/lib/db/queries/host-lists";
import { updateHostSettings } from "@/lib/db/queries/host-updates";
import { hostInputSchema } from "./host-input";

/** The settings `hosts edit` may change; connection details and credentials are changed by adding the host again. */
export type HostSettingsPatch = Partial<{
  appRoots: string[];
  serviceUnit: string | null;
  unitFile: string | null;
  python: string | null;
  entryPoints: string[];
  measureStartup: boolean;
  maxFiles: number;
  timeoutSeconds: number;
}>;

// The local variant holds exactly the transport-independent fields, with the same rules as `hosts add`.
const settingsSchema = hostInputSchema.options[0];

/** Applies a patch after validating the merged settings as `hosts add` would. */
export async function editHost(host: Host, patch: HostSettingsPatch): Promise<Host> {
  const current = {
    ...decodeHostLists(host),
    serviceUnit: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    timeoutSeconds: host.timeoutSeconds,
  };
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const merged = settingsSchema.parse({ transport: "local", name: host.name, ...current, ...defined });
  return updateHostSettings(host.id, {
    appRoots: JSON.stringify(merged.appRoots),
    serviceUnit: merged.serviceUnit,
    unitFile: merged.unitFile,
    python: merged.python,
    entryPoints: merged.entryPoints.length ? JSON.stringify(merged.entryPoints) : null,
    measureStartup: merged.measureStartup,
    maxFiles: merged.maxFiles,
    timeoutSeconds: merged.timeoutSeconds,
  });
}
