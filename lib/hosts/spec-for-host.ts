import type { HostRow } from "@/lib/db/queries/hosts";
import { defaultSpec, type CollectorSpec } from "@/lib/collector/spec";
import { decodeHostLists } from "@/lib/db/host-columns";

/** The collector stops itself at this share of the host's timeout, so a slow target yields a truncated snapshot, not a timeout. */
const SELF_LIMIT_SHARE = 0.8;

export function specForHost(host: HostRow): CollectorSpec {
  const { appRoots, entryPoints } = decodeHostLists(host);
  return {
    ...defaultSpec,
    appRoots,
    service: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    user: host.serviceUser,
    container: host.container
      ? { name: host.container, engine: host.engine === "docker" || host.engine === "podman" ? host.engine : null }
      : null,
    entryPoints,
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    maxSeconds: Math.max(1, host.timeoutSeconds * SELF_LIMIT_SHARE),
  };
}
