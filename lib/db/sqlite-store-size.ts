import fs from "node:fs";
import { databaseFile } from "./paths";

/** Bytes an SQLite store occupies on disk: the database file and its write-ahead log. */
export function sqliteStoreBytes(file = databaseFile()): number {
  const size = (path: string) => {
    try {
      return fs.statSync(path).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}-wal`);
}
