import fs from "node:fs";

/** CPU time (user + system) the process has used so far, in ms: fields 14 and 15 of /proc/PID/stat, not its children. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * Bytes of the database in use, as this connection sees it (the write-ahead log included): pages minus free
 * pages. The file's size lags (WAL, free pages kept), so growth is measured in pages.
 */
export async function storeUsedBytes(): Promise<number> {
  const { prisma } = await import("@/lib/db/client");
  const one = async (pragma: string) =>
    Number(Object.values((await prisma.$queryRawUnsafe<Record<string, bigint | number>[]>(`PRAGMA ${pragma}`))[0]!)[0]);
  const [pages, free, size] = [await one("page_count"), await one("freelist_count"), await one("page_size")];
  return (pages - free) * size;
}
