import "server-only";
import fs from "node:fs";
import { fileIndexDir, fileIndexPath } from "./file-index-path";
import { closeFileIndex } from "./read-file-index";

const INDEX_FILE = /^([0-9a-f]{64})\.db$/;

/**
 * Removes this instance's file indexes of blobs that are no longer stored. Retention deletes blobs once for the
 * whole fleet: with PostgreSQL, the other instances' copies of their indexes go at their own next sweep. Files
 * being written (other names) are left alone; a missing folder is no error.
 */
export function removeFileIndexesExcept(stored: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = fs.readdirSync(fileIndexDir());
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const sha256 = INDEX_FILE.exec(name)?.[1];
    if (!sha256 || stored.has(sha256)) continue;
    const file = fileIndexPath(sha256);
    closeFileIndex(file);
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
