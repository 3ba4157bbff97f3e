import "server-only";
import fs from "node:fs";
import { databaseFile } from "@/lib/db/paths";

/** Bytes the store occupies on disk: the SQLite file and its write-ahead log. */
export function storeSizeBytes(file = databaseFile()): number {
  const size = (path: string) => {
    try {
      return fs.statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}-wal`);
}
