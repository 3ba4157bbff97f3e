import { processSingleton } from "@/lib/process-singleton";
import { storeVersion } from "./store-version";

/**
 * Reads that every signed-in user repeats (the host list, a host's snapshots, a snapshot's row), kept for as
 * long as the store version stays the same (store-version.ts): fifty users opening the same pages between two
 * collections then cost one query each, not fifty. Nothing per user goes through here (sessions, roles).
 *
 * A value is shared by every request that reads it, so it is frozen: code that changed it would throw rather
 * than change another user's page. An entry also ends after MAX_AGE_MS whatever the version, which bounds what
 * a commit the version could miss would cost (store-version.ts says which).
 */
type Entry = { version: number; at: number; value: Promise<unknown> };

const MAX_ENTRIES = 2_000;
const MAX_AGE_MS = 10_000;

const entries = processSingleton("deploylensStoreCache", () => new Map<string, Entry>());

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  // A typed array's elements cannot be frozen (and a blob column is never changed in place); a Date keeps its time
  // in an internal slot that freezing does not protect, but no code sets it.
  if (ArrayBuffer.isView(value) || value instanceof Date) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/**
 * `read()`'s result for `key` at the current store version: the one read earlier at this version, or read now.
 * Requests asking at once share one read. Without a store version (PostgreSQL) every call reads.
 */
export function readThroughStore<T>(key: string, read: () => Promise<T>): Promise<T> {
  const version = storeVersion();
  if (version === null) return read();
  const now = Date.now();
  const cached = entries.get(key);
  if (cached && cached.version === version && now - cached.at < MAX_AGE_MS) return cached.value as Promise<T>;
  const value = read().then(deepFreeze);
  entries.delete(key);
  entries.set(key, { version, at: now, value });
  // A failed read is not kept: the next request reads again.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
