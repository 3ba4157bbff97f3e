import type { EventLoopReport } from "./server-probe";

/** One request of a load client: what it asked for, how long the full answer took, how it ended. */
export type LoadRequest = { kind: "page" | "api"; path: string; ms: number; status: number };

/** One collection of the load run, followed on its event stream to the stored snapshot. */
export type LoadCollection = {
  host: string;
  snapshotId: string | null;
  ok: boolean;
  /** ok, untruncated, and every source of the host's tree counted. */
  complete: boolean;
  code: string | null;
  ms: number;
};

export type LoadRun = {
  hosts: number;
  sshds: number;
  clients: number;
  sourcesPerHost: number;
  /** The server's collection cap (DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS), or null for its default. */
  serverCap: string | null;
  collections: LoadCollection[];
  /** From the first collection request to the last stored snapshot. */
  elapsedMs: number;
  requests: LoadRequest[];
  /** Non-2xx answers (and failed requests, as status 0) of the clients and the collection driver. */
  errors: { path: string; status: number }[];
  /** Lines of the server's output mentioning SQLITE_BUSY or "database is locked". */
  busyLines: string[];
  /** The server's event loop over its whole life (tests/bench/load/event-loop-probe.mjs); null if not written. */
  eventLoop: EventLoopReport | null;
};

export type LoadOutcome = { measured: true; run: LoadRun } | { measured: false; reason: string };
