import { defaultSpec, type CollectorSpec } from "./spec";

/** The saved host's settings a collection uses: the Host row fits it, without lib/collector importing lib/db. */
export type HostCollectSettings = {
  appRoots: string; // JSON array of absolute paths
  serviceUnit: string | null;
  unitFile: string | null;
  python: string | null;
  entryPoints: string | null; // JSON array of "MODULE[:ATTR]", or null
  measureStartup: boolean;
  maxFiles: number;
  timeoutSeconds: number;
};

/** The collector stops itself at this share of the host's timeout, so a slow target yields a truncated snapshot, not a timeout. */
const SELF_LIMIT_SHARE = 0.8;

export function specForHost(host: HostCollectSettings): CollectorSpec {
  return {
    ...defaultSpec,
    appRoots: JSON.parse(host.appRoots) as string[],
    service: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    entryPoints: host.entryPoints ? (JSON.parse(host.entryPoints) as string[]) : [],
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    maxSeconds: Math.max(1, host.timeoutSeconds * SELF_LIMIT_SHARE),
  };
}
