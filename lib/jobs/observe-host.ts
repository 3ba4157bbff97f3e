import "server-only";
import { staticDiff } from "@/lib/analysis/observed-startup";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { runObserver, ObserveFailedError } from "@/lib/collector/run-observer";
import type { HostRow } from "@/lib/db/queries/hosts";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { createObservation } from "@/lib/db/queries/observations";
import { findLatestOkSnapshot } from "@/lib/db/queries/snapshots";
import { ValidationError } from "@/lib/errors";
import { openHostTransport } from "@/lib/hosts/open-host-transport";
import { configHash } from "@/lib/snapshot/config-hash";
import { publicObservation, type Attribution, type Observation } from "@/lib/snapshot/observation-schema";
import { observerSpecOf } from "@/lib/collector/observer-spec";
import { isRestartableUnit, restartService } from "./restart-service";

export type ObserveOptions = {
  timeoutSeconds: number;
  quietSeconds: number;
  /** Restart the host's unit once the watches are armed (the one write DeployLens makes). */
  restart: boolean;
  actor: AuditActor;
  /** The id to store it under, when the caller announced one before it finished. */
  id?: string;
  onArmed?: (directories: number) => void;
};

export type ObservedStart = { id: string; observation: Observation; attribution: Attribution };

/** The latest snapshot's inventory: the static closure to compare with and the directories to watch. */
async function baseline(host: HostRow) {
  const row = await findLatestOkSnapshot(host.id);
  const input = row && (await toSnapshotInput(row));
  if (!row || !input)
    throw new ObserveFailedError("no-snapshot", `collect ${host.name} first: observe watches what a snapshot found`);
  return { snapshotId: row.id, inventory: input.inventory };
}

/** Arms watches on the host, waits for the service's next start, records and stores what it imported. */
export async function observeHost(host: HostRow, options: ObserveOptions): Promise<ObservedStart> {
  if (options.restart && !isRestartableUnit(host.serviceUnit))
    throw new ValidationError("--restart needs the host's systemd unit (hosts edit NAME --service UNIT)");
  const { snapshotId, inventory } = await baseline(host);
  const spec = observerSpecOf(inventory, options);
  if (!spec)
    throw new ObserveFailedError("no-interpreter", "the latest snapshot names no interpreter with a cache tag");
  await recordAudit({ ...options.actor, action: "observation-started", object: { type: "host", id: host.name } });
  const transport = await openHostTransport(host);
  let result;
  try {
    result = await runObserver(transport, spec, async (directories) => {
      options.onArmed?.(directories);
      if (options.restart) await restartService(transport, host.serviceUnit!, host.name, options.actor);
    });
  } finally {
    await transport.close();
  }
  const modules = result.modules.map(({ name, path, loaded, blocked }) => ({ name, path, loaded, blocked }));
  const observation = {
    startedAt: new Date(result.startedAt * 1000).toISOString(),
    durationMs: result.durationMs,
    modules,
    ...staticDiff(inventory.startup?.modules ?? [], modules),
  };
  const sources = Object.fromEntries(result.modules.map((m) => [m.path, { size: m.size, mtime: m.mtime }]));
  const attribution = result.attribution ?? "time";
  const id = await createObservation({
    id: options.id,
    hostId: host.id,
    snapshotId,
    configHash: configHash(inventory),
    body: { ...observation, sources, attribution },
  });
  return { id, observation: publicObservation(observation), attribution };
}
