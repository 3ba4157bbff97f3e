import Database from "libsql";
import { processSingleton } from "@/lib/process-singleton";

/**
 * The store version: a number that changes whenever a commit may have changed what the dashboard reads
 * (hosts and their snapshots), so that a read cached under one version (store-cache.ts) is never served after
 * such a commit. This process's own commits bump it as they finish, and only when they wrote one of those
 * tables (sqlite-adapter.ts): a job's progress or a session's activity leaves it alone. Commits of any other
 * process on the same SQLite file (the CLI, a migration) bump it too: SQLite's `data_version`, read on a
 * connection of its own, changes with every commit made on any other connection.
 *
 * Only an SQLite store has one: with PostgreSQL, other instances commit where no connection of this one sees
 * it, and storeVersion() is null (nothing is cached).
 */
type State = {
  file: string | null;
  /** The connection that watches data_version; opened on the first question, never written through. */
  watcher: Database.Database | null;
  dataVersion: Database.Statement | null;
  /** data_version as last accounted for: by an own commit, or by noticing another process's. */
  seen: number | null;
  version: number;
};

const state = processSingleton("deploylensStoreVersion", (): State => ({
  file: null,
  watcher: null,
  dataVersion: null,
  seen: null,
  version: 0,
}));

/** The tables whose rows the cached reads return: a commit that writes another leaves the version alone. */
const READ_TABLES = new Set(["Host", "Snapshot"]);

const WRITTEN_TABLE =
  /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:[`"[]?main[`"\]]?\.)?[`"[]?(\w+)/i;

/**
 * Whether statements may change what the cached reads return: one that writes a read table, or one whose table
 * is not recognised (a deletion cascades from Host to Snapshot; both are read tables).
 */
export function writesReadTables(statements: readonly string[]): boolean {
  return statements.some((sql) => {
    const table = WRITTEN_TABLE.exec(sql)?.[1];
    return table === undefined
      ? !/^\s*(SELECT|PRAGMA|BEGIN|SAVEPOINT|RELEASE|ROLLBACK)\b/i.test(sql)
      : READ_TABLES.has(table);
  });
}

/** Called once the SQLite file is known (sqlite-adapter.ts): from then on, this process has a store version. */
export function trackStoreFile(file: string): void {
  if (state.file === file) return;
  // Another file (tests open several in one process): nothing read from the previous one may be served.
  state.watcher?.close();
  Object.assign(state, { file, watcher: null, dataVersion: null, seen: null, version: state.version + 1 });
}

function dataVersion(): number | null {
  if (!state.file) return null;
  if (!state.watcher) {
    state.watcher = new Database(state.file);
    state.watcher.pragma("query_only = 1");
    state.dataVersion = state.watcher.prepare("PRAGMA data_version").raw(true);
  }
  return Number((state.dataVersion!.get() as [number])[0]);
}

/** Another connection (another process, or one of ours not accounted for) committed since: assume a change. */
function noticeOtherCommits(): void {
  const now = dataVersion();
  if (now === state.seen) return;
  state.seen = now;
  state.version++;
}

/** The current store version, or null when there is none (PostgreSQL, or no database opened yet). */
export function storeVersion(): number | null {
  if (!state.file) return null;
  noticeOtherCommits();
  return state.version;
}

/**
 * Runs this process's own commit of `statements`. Other processes' commits before it are noticed first; its own
 * is then accounted for (so it does not count as another's), and bumps the version if it wrote a read table.
 * Only a commit landing from another process between this COMMIT and that accounting could go unnoticed.
 */
export async function committing<T>(statements: readonly string[], commit: () => Promise<T>): Promise<T> {
  if (!state.watcher) return commit();
  noticeOtherCommits();
  try {
    return await commit();
  } finally {
    state.seen = dataVersion();
    if (writesReadTables(statements)) state.version++;
  }
}
