import "server-only";
import { isDeepStrictEqual } from "node:util";
import { directCollectorCommand } from "@/lib/collector/collector-command";
import { collectorProgram } from "@/lib/collector/collector-program";
import { collectorSpecSchema } from "@/lib/collector/spec";
import { findHostDirectly } from "@/lib/db/find-host-directly";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { postgresUrl } from "@/lib/db/provider";
import type { HostRow } from "@/lib/db/queries/hosts";
import { connectHost, type ConnectedHost } from "@/lib/hosts/connect-host";
import { specForHost } from "@/lib/hosts/spec-for-host";
import { withStartedExec } from "@/lib/transport/started-exec";

/** A collection whose connection and collector were started before the rest of the process was ready. */
export type EarlyCollector = {
  host: HostRow;
  /** When it started, as a date and on performance.now()'s clock: the snapshot's takenAt and its duration. */
  startedAt: Date;
  startedMs: number;
  connected: Promise<ConnectedHost>;
};

let early: EarlyCollector | null = null;

/**
 * Connects to a saved host and starts its collector at once, so the target walks while the CLI loads its
 * database client and records the job: `collect NAME` then waits for the walk, not for both in turn. It reads
 * the host with a direct SQLite connection, after migrating the database as every command does first; with
 * PostgreSQL, or when the host is unknown, nothing starts (the command reports what it finds as usual).
 * collectHost takes the started collection when it collects the very same host row (takeEarlyCollector).
 */
export async function startCollectorEarly(idOrName: string): Promise<void> {
  if (postgresUrl()) return;
  await migrateDatabase();
  const host = findHostDirectly(idOrName);
  if (!host) return;
  // What runCollector sends first, exactly: its first exec then gets this running command.
  const spec = collectorSpecSchema.parse(specForHost(host));
  const command = directCollectorCommand(spec);
  const startedAt = new Date();
  const startedMs = performance.now();
  const connected = connectHost(host).then(({ transport, accepted }) => ({
    accepted,
    ...withStartedExec(transport, command, collectorProgram()),
  }));
  early = { host, startedAt, startedMs, connected };
  // Until the collector runs, nothing else takes the event loop: the handshake's round trips would wait for
  // the CLI's module loading. A failure (an unknown host key, a refused login) is the collection's, reported
  // when it is taken.
  await connected.then(({ running }) => running).catch(() => undefined);
}

/**
 * The collection started early for this host, once; null when none was, or when it was started for a row
 * that differs from `host` (edited meanwhile), whose connection is then closed.
 */
export function takeEarlyCollector(host: HostRow): EarlyCollector | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (isDeepStrictEqual(taken.host, host)) return taken;
  void taken.connected.then(
    ({ transport }) => transport.close(),
    () => undefined,
  );
  return null;
}
