import "server-only";
import fs from "node:fs";
import { fileIndexPath } from "./file-index-path";
import { closeFileIndex } from "./read-file-index";

/** Removes the file indexes of blobs that were deleted (retention); a missing one is no error. */
export function removeFileIndexes(sha256s: Iterable<string>): void {
  for (const sha256 of sha256s) {
    const file = fileIndexPath(sha256);
    closeFileIndex(file);
    fs.rmSync(file, { force: true });
  }
}
