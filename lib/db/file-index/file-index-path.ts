import path from "node:path";
import { dataDir } from "@/lib/db/paths";

/**
 * Where each blob's file index lives: beside the database (its own disk on every instance with PostgreSQL), one
 * file per blob named by its SHA-256. Blobs are immutable, so an index never goes stale.
 */
export const fileIndexDir = (): string => path.join(dataDir(), "file-index");

/** A blob's index file; only a SHA-256 in hex names one, so no path is ever built from other input. */
export function fileIndexPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(fileIndexDir(), `${sha256}.db`);
}
